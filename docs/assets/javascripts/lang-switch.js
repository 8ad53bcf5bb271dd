// Keep the question when switching language: Material's language switcher
// links lead to the same page in the other edition, and both editions use the
// same question ids, so carrying location.hash over lands on the same
// question. Self-hosted, no dependencies; loaded on every page.
(function () {
  "use strict";
  var SELECTOR = "a.md-select__link[hreflang]";

  function withHash(link) {
    var url = new URL(link.getAttribute("href"), location.href);
    url.hash = location.hash;
    link.setAttribute("href", url.pathname + url.search + url.hash);
  }

  function updateAll() {
    document.querySelectorAll(SELECTOR).forEach(withHash);
  }

  // On click (also catches a hash set by scrolling or toc.follow), and ahead
  // of time for middle-click, "copy link" and keyboard users.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(SELECTOR);
    if (link) withHash(link);
  }, true);
  window.addEventListener("hashchange", updateAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateAll);
  } else {
    updateAll();
  }
})();
