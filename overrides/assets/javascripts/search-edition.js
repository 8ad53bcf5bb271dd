/*
 * Search on an error page: one 404 document answers every missing address,
 * so the edition to search is the one the address is in. Runs before
 * Material's bundle reads its configuration (<script id="__config">), and
 * points the configuration's base (the search index and result links) at
 * that edition's root: /en/anything -> /en/.
 */
(function () {
  var element = document.getElementById("__config")
  if (!element) return
  var config = JSON.parse(element.textContent)
  var root = new URL(config.base, location.href)
  var path = location.pathname.slice(root.pathname.length)
  var editions = config.editions || []
  for (var i = 0; i < editions.length; i++) {
    if (path === editions[i] || path.indexOf(editions[i] + "/") === 0) {
      config.base = new URL(editions[i] + "/", root).pathname
      element.textContent = JSON.stringify(config)
      return
    }
  }
})()
