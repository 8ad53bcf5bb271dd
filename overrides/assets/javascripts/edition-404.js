// One error document for every edition. A static host (COS, GitHub Pages)
// serves the root 404.html for any missing path, /en/… included. The build
// (partner_guide/site/editions.py, `combine_404`) puts each other edition's
// 404 body into that page as an inert
// <template data-edition="/en/" data-lang="en" data-title="…">. At the end of
// <body>, before Material's bundle reads the page and its #__config, this
// swaps in the template whose prefix starts the requested path: the English
// reader gets the English page, header, navigation and search settings, with
// no request and no redirect.
//
// The page loads this file twice: in <head>, where there is nothing to do
// yet (but the file is then in the cache, so the second load runs at once,
// before anything is painted), and at the end of <body>, where it swaps.
(function () {
  "use strict";
  if (!document.body) return;
  var editions = document.querySelectorAll("template[data-edition]");
  for (var i = 0; i < editions.length; i++) {
    var edition = editions[i];
    if (location.pathname.indexOf(edition.getAttribute("data-edition")) !== 0) continue;
    var body = document.body;
    while (body.firstChild !== edition) body.removeChild(body.firstChild);
    body.replaceChild(edition.content, edition);
    document.documentElement.lang = edition.getAttribute("data-lang");
    document.title = edition.getAttribute("data-title");
    break;
  }
  var unused = document.querySelectorAll("template[data-edition]");
  for (var j = 0; j < unused.length; j++) unused[j].remove();
})();
