/* A stand-in for the global `mermaid` that Material for MkDocs looks for.
 *
 * Material fetches Mermaid from unpkg unless `window.mermaid` exists. It then
 * calls `mermaid.initialize(config)` once and `mermaid.render(id, text)` for
 * each diagram. This stand-in answers both and imports the self-hosted,
 * pinned ESM build (overrides/assets/vendor/mermaid/esm-11.17.2/) on the
 * first render, so a page parses only the chunks a flowchart needs (about
 * 0.25 MB gzipped instead of the 0.98 MB classic bundle), and pages without a
 * diagram load nothing. The URL comes from this script's data-src attribute.
 * It also scales each drawing into the fixed-height frame that
 * hooks/diagram_a11y.py puts around it, so rendering shifts no content.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var src = new URL(script.getAttribute("data-src"), script.src).href;
  var config = {};
  var loaded = null;

  function load() {
    if (!loaded) {
      loaded = import(src).then(function (module) {
        var mermaid = module.default;
        mermaid.initialize(config);
        return mermaid;
      });
    }
    return loaded;
  }

  window.mermaid = {
    initialize: function (options) {
      config = Object.assign({}, options, { startOnLoad: false });
    },
    render: function (id, text) {
      return load().then(function (mermaid) {
        return mermaid.render(id, text);
      }).then(function (result) {
        // Scale the drawing into its fixed-height frame (.diagram in extra.css)
        // instead of letting it size the page: no layout shift on render.
        result.svg = result.svg.replace(
          /^<svg([^>]*?) style="max-width: [\d.]+px;"/,
          '<svg$1 height="100%" style="max-width: 100%; max-height: 100%;"'
        );
        return result;
      });
    },
  };
})();
