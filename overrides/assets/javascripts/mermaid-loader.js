/* A stand-in for the global `mermaid` that Material for MkDocs looks for.
 *
 * Material fetches Mermaid from unpkg unless `window.mermaid` exists. It then
 * calls `mermaid.initialize(config)` once and `mermaid.render(id, text)` for
 * each diagram. This stand-in answers both and imports the self-hosted,
 * pinned ESM build (overrides/assets/vendor/mermaid/esm-<version>/) on the
 * first render, so a page parses only the chunks a flowchart needs (about
 * 0.25 MB gzipped instead of the 0.98 MB classic bundle), and pages without a
 * diagram load nothing. The URL comes from this script's data-src attribute.
 *
 * Loading: all modules are fetched at once (modulepreload: no import
 * waterfall on a slow network), then evaluated one per task, dependencies
 * first, yielding to the browser in between, so that evaluating 0.86 MB of
 * JavaScript is many short tasks instead of one long one that blocks taps.
 *
 * A diagram that `make diagrams` has drawn already comes with its SVG in the
 * page (a <template> beside the source): it is used as is, and no Mermaid
 * code is loaded at all. Only a diagram without one loads Mermaid.
 *
 * It also scales each drawing into the fixed-height frame that
 * partner_guide/site/diagram_frames.py puts around it, so rendering shifts no content.
 */
(function () {
  "use strict";
  // BEGIN load order (guide-vendor-mermaid)
  var ORDER = [
    "chunks/mermaid.esm.min/chunk-AQ6EADP3.mjs",
    "chunks/mermaid.esm.min/chunk-H7VHZCWX.mjs",
    "chunks/mermaid.esm.min/chunk-QJSWEUOL.mjs",
    "chunks/mermaid.esm.min/chunk-2NMSUPJH.mjs",
    "chunks/mermaid.esm.min/chunk-4CAJECRU.mjs",
    "chunks/mermaid.esm.min/chunk-5IMINLNL.mjs",
    "chunks/mermaid.esm.min/chunk-ZNLK7HRR.mjs",
    "chunks/mermaid.esm.min/chunk-STOV2HOB.mjs",
    "chunks/mermaid.esm.min/chunk-VY2OSTJR.mjs",
    "chunks/mermaid.esm.min/chunk-DZP67EKU.mjs",
    "chunks/mermaid.esm.min/chunk-Z6V44ARX.mjs",
    "chunks/mermaid.esm.min/chunk-VRZKL3EH.mjs",
    "chunks/mermaid.esm.min/chunk-4OADUZ5Q.mjs",
    "chunks/mermaid.esm.min/chunk-AZZRMDJM.mjs",
    "chunks/mermaid.esm.min/chunk-RCXAM2GK.mjs",
    "chunks/mermaid.esm.min/chunk-VTHDQ7BV.mjs",
    "chunks/mermaid.esm.min/chunk-NUDPKBEF.mjs",
    "chunks/mermaid.esm.min/chunk-ZQN7UHIL.mjs",
    "chunks/mermaid.esm.min/chunk-YDMLL4PJ.mjs",
    "chunks/mermaid.esm.min/chunk-EICP7K5X.mjs",
    "chunks/mermaid.esm.min/chunk-CLS4B6BI.mjs",
    "chunks/mermaid.esm.min/chunk-IJBDOHL6.mjs",
    "chunks/mermaid.esm.min/chunk-R7JDMUKV.mjs",
    "chunks/mermaid.esm.min/chunk-WUBWJARI.mjs",
    "chunks/mermaid.esm.min/dagre-MPVFI544.mjs",
    "chunks/mermaid.esm.min/flowDiagram-YHGXBVSY.mjs",
    "mermaid.esm.min.mjs",
  ];
  // END load order
  var script = document.currentScript;
  // data-src is relative to the page (the template writes it with `url`).
  var entry = new URL(script.getAttribute("data-src"), document.baseURI).href;
  var base = new URL("./", entry).href;
  var config = {};
  var loaded = null;

  function nextTask() {
    return new Promise(function (resolve) {
      setTimeout(resolve, 0);
    });
  }

  function evaluateInOrder() {
    ORDER.forEach(function (rel) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = base + rel;
      document.head.appendChild(link);
    });
    return ORDER.reduce(function (previous, rel) {
      return previous.then(function () {
        return import(base + rel).then(nextTask);
      });
    }, Promise.resolve());
  }

  function load() {
    if (!loaded) {
      loaded = evaluateInOrder().then(function () {
        return import(entry);
      }).then(function (module) {
        var mermaid = module.default;
        mermaid.initialize(config);
        return mermaid;
      });
    }
    return loaded;
  }

  // The drawing `make diagrams` made of exactly this source, if the build put
  // it beside the source (partner_guide/site/diagram_frames.py): then no Mermaid code runs.
  function prerendered(text) {
    var frames = document.querySelectorAll(".diagram");
    for (var i = 0; i < frames.length; i++) {
      var source = frames[i].querySelector("pre");
      var drawing = frames[i].querySelector("template.diagram__svg");
      if (source && drawing && source.textContent === text) return drawing.innerHTML;
    }
    return null;
  }

  window.mermaid = {
    initialize: function (options) {
      // The site's settings (data-config, from partner_guide/mermaid.py) on top of Material's.
      config = Object.assign({}, options, JSON.parse(script.getAttribute("data-config") || "{}"), { startOnLoad: false });
    },
    render: function (id, text) {
      var ready = prerendered(text);
      return (ready !== null ? Promise.resolve({ svg: ready }) : load().then(function (mermaid) {
        return mermaid.render(id, text);
      })).then(function (result) {
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
