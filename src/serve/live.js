// redress serve: live reload and the build-error overlay.
//
// `redress serve` adds this script to every HTML page it serves; `redress build` never does. It listens for the
// server's events (through a shared worker, so any number of tabs share one connection; see worker.js) and:
// - reloads the page after a build that changed it, or swaps in changed stylesheets without a reload;
// - shows a failed build's errors in a modal alert dialog (announced by screen readers, focus moved into it,
//   closed with Escape or the Dismiss button, focus given back), and closes it by itself once the build is fixed;
// - announces "Rebuilt", "Styles updated" and "Build fixed" in a polite live region;
// - reloads after the server restarts (the page's build id, in data-build, no longer matches).
// Its styles live in a shadow root, so the site's CSS cannot change the overlay and the overlay cannot change the
// site. Everything is built with textContent: error messages quote the user's files and are never parsed as HTML.
(function () {
  'use strict';
  if (window.__redressLive) return;
  window.__redressLive = true;

  var script = document.currentScript;
  var current = (script && script.getAttribute('data-build')) || '';
  var ANNOUNCE_KEY = 'redress-live-announce';
  var cssVersion = 0;

  var STYLE = [
    ':host { all: initial; }',
    '.rd-status { position: fixed; bottom: 1rem; right: 1rem; z-index: 2147483647; margin: 0;',
    '  font: 600 1rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;',
    '  background: #0b0c0c; color: #ffffff; border: 2px solid #ffffff; padding: 0.5rem 0.75rem; }',
    '.rd-status:empty { display: none; }',
    '.rd-reopen { position: fixed; bottom: 1rem; left: 1rem; z-index: 2147483647;',
    '  font: 700 1rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;',
    '  background: #d4351c; color: #ffffff; border: 2px solid #0b0c0c; padding: 0.5rem 0.75rem; cursor: pointer; }',
    '.rd-reopen[hidden] { display: none; }',
    'dialog { box-sizing: border-box; width: min(60rem, calc(100vw - 2rem)); max-height: calc(100vh - 2rem);',
    '  overflow: auto; margin: auto; padding: 1.5rem; background: #ffffff; color: #0b0c0c;',
    '  border: 0.375rem solid #d4351c; border-radius: 0;',
    '  font: 400 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }',
    'dialog::backdrop { background: rgba(11, 12, 12, 0.7); }',
    '.rd-head { display: flex; gap: 1rem; align-items: flex-start; justify-content: space-between; }',
    'h2 { margin: 0 0 0.5rem; font-size: 1.5rem; line-height: 1.25; color: #0b0c0c; }',
    'h3 { margin: 0 0 0.25rem; font-size: 1.1875rem; line-height: 1.3; }',
    'p { margin: 0 0 0.75rem; }',
    '.rd-help { white-space: pre-line; }',
    'ol { margin: 1rem 0 0; padding: 0; list-style: none; }',
    'li { margin: 0 0 1.25rem; padding: 0 0 1rem; border-bottom: 1px solid #b1b4b6; }',
    'li:last-child { border-bottom: 0; margin-bottom: 0; }',
    '.rd-kind { display: inline-block; margin-right: 0.5rem; padding: 0 0.375rem; background: #d4351c; color: #ffffff; }',
    '.rd-kind--warning { background: #ffdd00; color: #0b0c0c; }',
    '.rd-pos { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-weight: 700; }',
    'pre { margin: 0 0 0.75rem; padding: 0.75rem; overflow-x: auto; background: #f3f2f1; color: #0b0c0c;',
    '  border-left: 0.25rem solid #505a5f; font: 0.9375rem/1.45 ui-monospace, Menlo, Consolas, "Liberation Mono", monospace;',
    '  white-space: pre; }',
    'button { font: inherit; font-weight: 700; }',
    '.rd-dismiss { flex: none; padding: 0.5rem 1rem; background: #0b0c0c; color: #ffffff; border: 2px solid #0b0c0c; cursor: pointer; }',
    'button:focus-visible, pre:focus-visible { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }',
    '@media (forced-colors: active) {',
    '  dialog { border-color: CanvasText; }',
    '  .rd-kind, .rd-status, .rd-reopen, .rd-dismiss { forced-color-adjust: none; background: Canvas; color: CanvasText; border: 2px solid CanvasText; }',
    '  pre { border: 1px solid CanvasText; }',
    '  button:focus-visible, pre:focus-visible { outline: 3px solid Highlight; box-shadow: none; }',
    '}',
  ].join('\n');

  // --- the overlay, the reopen button and the live region, in a shadow root of their own ---------------------

  var host = document.createElement('redress-live');
  var shadow = host.attachShadow({ mode: 'open' });
  var style = document.createElement('style');
  style.textContent = STYLE;
  shadow.appendChild(style);

  var status = el('p', 'rd-status');
  status.setAttribute('role', 'status');

  var reopen = el('button', 'rd-reopen');
  reopen.type = 'button';
  reopen.hidden = true;

  var dialog = el('dialog');
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'rd-title');
  dialog.setAttribute('aria-describedby', 'rd-summary');
  var head = el('div', 'rd-head');
  var title = el('h2');
  title.id = 'rd-title';
  var dismiss = el('button', 'rd-dismiss', 'Dismiss');
  dismiss.type = 'button';
  head.appendChild(title);
  head.appendChild(dismiss);
  var summary = el('p');
  summary.id = 'rd-summary';
  var list = el('ol');
  dialog.appendChild(head);
  dialog.appendChild(summary);
  dialog.appendChild(list);

  shadow.appendChild(status);
  shadow.appendChild(reopen);
  shadow.appendChild(dialog);
  (document.body || document.documentElement).appendChild(host);

  var shownText = null; // the error text the overlay holds, while a build is failing
  var dismissedText = null; // the error text the reader dismissed; the same text does not pop up again
  var returnFocus = null;
  var statusTimer = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function announce(message) {
    clearTimeout(statusTimer);
    status.textContent = '';
    // A short pause between emptying and filling the region makes screen readers announce a repeated message.
    setTimeout(function () {
      status.textContent = message;
      statusTimer = setTimeout(function () { status.textContent = ''; }, 4000);
    }, 50);
  }

  function fill(data) {
    var errors = data.errors || 0;
    var heading = 'Build failed: ' + plural(errors, 'error');
    title.textContent = heading;
    reopen.textContent = heading + ' (show)';
    summary.textContent =
      'The preview still shows the last good build. Fix ' + (errors === 1 ? 'this' : 'these') +
      ' in your files and save: this message closes by itself when the site builds.';
    list.textContent = '';
    (data.diagnostics || []).forEach(function (d) {
      var item = el('li');
      var heading = el('h3');
      var warning = d.severity === 'warning';
      heading.appendChild(el('span', 'rd-kind' + (warning ? ' rd-kind--warning' : ''), warning ? 'Warning' : 'Error'));
      heading.appendChild(document.createTextNode(d.message));
      item.appendChild(heading);
      if (d.position) {
        var where = el('p');
        where.appendChild(document.createTextNode('In '));
        where.appendChild(el('span', 'rd-pos', d.position));
        item.appendChild(where);
      }
      if (d.snippet) {
        var pre = el('pre', null, d.snippet);
        pre.tabIndex = 0;
        pre.setAttribute('aria-label', 'The line in ' + (d.position || 'the file'));
        item.appendChild(pre);
      }
      if (d.help) {
        var help = el('p', 'rd-help');
        help.appendChild(el('strong', null, 'What to do: '));
        help.appendChild(document.createTextNode(d.help));
        item.appendChild(help);
      }
      list.appendChild(item);
    });
    if (!list.firstChild && data.text) list.appendChild(el('pre', null, data.text));
  }

  function openDialog() {
    if (dialog.open) return;
    var active = document.activeElement;
    returnFocus = active === host ? reopen : active;
    reopen.hidden = true;
    dialog.showModal();
    dismiss.focus();
  }

  function closeDialog() {
    if (!dialog.open) return;
    dialog.close();
  }

  dialog.addEventListener('close', function () {
    var target = returnFocus;
    returnFocus = null;
    if (shownText !== null) {
      // Dismissed while the build still fails: keep a way back to the errors.
      dismissedText = shownText;
      reopen.hidden = false;
    }
    if (target === reopen && reopen.hidden) return;
    if (target && target.isConnected && typeof target.focus === 'function') target.focus();
  });
  dismiss.addEventListener('click', closeDialog);
  dialog.addEventListener('cancel', function (event) {
    // Escape: close through the same path as the button.
    event.preventDefault();
    closeDialog();
  });
  reopen.addEventListener('click', function () {
    dismissedText = null;
    openDialog();
  });

  function showError(data) {
    var text = data.text || '';
    fill(data);
    shownText = text;
    if (dialog.open) return;
    if (dismissedText === text) {
      reopen.hidden = false;
      return;
    }
    openDialog();
  }

  function clearError() {
    var wasShown = shownText !== null;
    shownText = null;
    dismissedText = null;
    reopen.hidden = true;
    closeDialog();
    if (wasShown) announce('Build fixed');
  }

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
      showError(data);
    } else if (type === 'ok') {
      clearError();
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
