// The language switch, self-hosted, no dependencies; loaded on every page,
// after Material's bundle and before DOMContentLoaded.
//
// 1. Keep the question when switching language: Material's switcher links
//    lead to the same page in the other edition, and both editions use the
//    same question ids, so carrying location.hash over lands on the same
//    question.
// 2. No sitemap at page load (partner_guide/compat/material.py): on
//    DOMContentLoaded Material fetches `sitemap.xml` next to every
//    <link rel="alternate"> to resolve a click on the switch
//    (mkdocs-material#6582). Those links are the head's absolute hreflang
//    alternates, so every page fetched two sitemaps from SITE_URL's host, and
//    logged errors on any other host or port. Their `rel` is taken off here
//    and put back by a DOMContentLoaded listener added after Material's own:
//    Material finds no alternate, fetches nothing and leaves the switch links
//    to the browser; the document keeps its hreflang links for search engines.
(function () {
  "use strict";
  var SELECTOR = "a.md-select__link[hreflang]";

  var alternates = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < alternates.length; i++) alternates[i].removeAttribute("rel");
  document.addEventListener("DOMContentLoaded", function () {
    for (var j = 0; j < alternates.length; j++) alternates[j].setAttribute("rel", "alternate");
  }, { once: true });

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
