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
  //
  // The click must not reach Material's own handler on document.body: that
  // one resolves a language link through `<link rel="alternate">/sitemap.xml`,
  // which mkdocs-static-i18n points at the page instead of the language root
  // (mkdocs-material#6582), so it finds no sitemap and sends the reader to
  // the other edition's path without the question. Our link already is the
  // right one, so the browser's own navigation is all that is needed.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(SELECTOR);
    if (!link) return;
    withHash(link);
    event.stopPropagation();
  }, true);
  window.addEventListener("hashchange", updateAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateAll);
  } else {
    updateAll();
  }
})();
