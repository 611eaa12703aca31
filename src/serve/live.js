// redress serve: live reload, and the build-error overlay.
//
// `redress serve` adds this script to every HTML page it serves; `redress build` never does. The server sends it
// after the error overlay component (themes/default/components/error-overlay/: its markup, styles and
// createOverlay), all in one function scope (see http.rs). It listens for the server's events (through a shared
// worker, so any number of tabs share one connection; see worker.js) and:
// - reloads the page after a build that changed it, or swaps in changed stylesheets without a reload;
// - shows a failed build's errors in the overlay (a modal alert dialog, announced by screen readers, focus moved
//   into it, closed with Escape or the Dismiss button, focus given back), and closes it once the build is fixed;
// - announces "Rebuilt", "Styles updated" and "Build fixed" in the overlay's polite live region;
// - reloads after the server restarts (the page's build id, in data-build, no longer matches).
(function () {
  'use strict';
  if (window.__redressLive) return;
  window.__redressLive = true;

  var script = document.currentScript;
  var current = (script && script.getAttribute('data-build')) || '';
  var ANNOUNCE_KEY = 'redress-live-announce';
  var cssVersion = 0;

  var overlay = createOverlay(OVERLAY_MARKUP, OVERLAY_CSS);
  var announce = overlay.announce;

  // --- following the builds ---------------------------------------------------------------------------------

  function reload() {
    try {
      sessionStorage.setItem(ANNOUNCE_KEY, 'Rebuilt');
    } catch (e) {
      // Storage may be off; the reload still happens.
    }
    location.reload();
  }

  function swapStylesheets(paths) {
    cssVersion += 1;
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin) return;
      if (paths.indexOf(decodeURIComponent(url.pathname.replace(/^\//, ''))) < 0) return;
      url.searchParams.set('v', String(cssVersion));
      // Load the new sheet beside the old one and drop the old one when it has loaded, so nothing flashes unstyled.
      var next = link.cloneNode(false);
      next.href = url.href;
      next.addEventListener('load', function () { link.remove(); });
      next.addEventListener('error', function () { next.remove(); });
      link.after(next);
    });
  }

  function onEvent(type, data) {
    data = data || {};
    if (type === 'hello' || type === 'reload') {
      if (data.build && data.build !== current) reload();
    } else if (type === 'css') {
      if (data.previous === current) {
        current = data.build;
        swapStylesheets(data.paths || []);
        announce('Styles updated');
      } else if (data.build !== current) {
        reload();
      }
    } else if (type === 'error') {
      overlay.showError(data);
    } else if (type === 'ok') {
      overlay.clearError();
    }
  }

  function direct() {
    var source = new EventSource('/__redress/events');
    ['hello', 'reload', 'css', 'error', 'ok'].forEach(function (type) {
      source.addEventListener(type, function (event) {
        try {
          onEvent(type, JSON.parse(event.data));
        } catch (e) {
          // A malformed event is ignored; the next one carries the whole state again.
        }
      });
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(direct, 2000);
      }
    };
  }

  function connect() {
    if (typeof SharedWorker === 'function') {
      try {
        var worker = new SharedWorker('/__redress/worker.js', { name: 'redress-live' });
        worker.port.onmessage = function (event) {
          if (event.data && event.data.type) onEvent(event.data.type, event.data.data);
        };
        worker.onerror = function () {
          direct();
        };
        window.addEventListener('pagehide', function () { worker.port.postMessage('bye'); });
        window.addEventListener('pageshow', function (event) {
          if (event.persisted) worker.port.postMessage('hi');
        });
        return;
      } catch (e) {
        // Shared workers are unavailable (some mobile browsers, some privacy settings): one stream per tab.
      }
    }
    direct();
  }

  try {
    var pending = sessionStorage.getItem(ANNOUNCE_KEY);
    if (pending) {
      sessionStorage.removeItem(ANNOUNCE_KEY);
      setTimeout(function () { announce(pending); }, 300);
    }
  } catch (e) {
    // Storage may be off.
  }
  connect();
})();
