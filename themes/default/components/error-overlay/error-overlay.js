// The error overlay of `redress serve` (components/error-overlay/README.md): a failed build's errors in a modal
// alert dialog over the page, a button to show them again once dismissed, and a polite live region for short news
// ("Rebuilt", "Build fixed").
//
// createOverlay(markup, css) builds it from this component's markup (error-overlay.html) and styles
// (error-overlay.css) in a shadow root of its own, so the site's CSS cannot change the overlay and the overlay
// cannot change the site, and returns { showError, clearError, announce }. The preview server's live.js calls it;
// the component gallery calls it with its examples. Everything a build says is put in with textContent: error
// messages quote the user's files and are never parsed as HTML. Only the component's own markup, which holds no
// data, is.
function createOverlay(markup, css) {
  'use strict';

  var host = document.createElement('redress-live');
  var shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = markup;
  var style = document.createElement('style');
  style.textContent = css;
  shadow.insertBefore(style, shadow.firstChild);

  var status = part('.rd-status');
  var reopen = part('.rd-reopen');
  var dialog = part('.rd-overlay');
  var title = part('.rd-overlay__title');
  var dismiss = part('.rd-overlay__dismiss');
  var summary = part('.rd-overlay__summary');
  var list = part('.rd-overlay__list');
  var itemTemplate = part('.rd-overlay__template');
  (document.body || document.documentElement).appendChild(host);

  var shownText = null; // the error text the overlay holds, while a build is failing
  var dismissedText = null; // the error text the reader dismissed; the same text does not pop up again
  var returnFocus = null;
  var statusTimer = null;

  function part(selector) {
    return shadow.querySelector(selector);
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

  // One diagnostic, from the item template: the parts it has no text for are removed.
  function item(d) {
    var li = itemTemplate.content.firstElementChild.cloneNode(true);
    var find = function (selector) { return li.querySelector(selector); };
    var warning = d.severity === 'warning';
    var kind = find('.rd-overlay__kind');
    kind.textContent = warning ? 'Warning' : 'Error';
    if (warning) kind.classList.add('rd-overlay__kind--warning');
    find('.rd-overlay__text').textContent = d.message || '';
    if (d.position) {
      find('.rd-overlay__position').textContent = d.position;
    } else {
      find('.rd-overlay__where').remove();
    }
    var pre = find('.rd-overlay__snippet');
    if (d.snippet) {
      pre.textContent = d.snippet;
      pre.setAttribute('aria-label', 'The line in ' + (d.position || 'the file'));
    } else {
      pre.remove();
    }
    if (d.help) {
      find('.rd-overlay__help-text').textContent = d.help;
    } else {
      find('.rd-overlay__help').remove();
    }
    return li;
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
      list.appendChild(item(d));
    });
    if (!list.firstChild && data.text) {
      var only = document.createElement('li');
      only.className = 'rd-overlay__item';
      var pre = document.createElement('pre');
      pre.className = 'rd-overlay__snippet';
      pre.tabIndex = 0;
      pre.textContent = data.text;
      only.appendChild(pre);
      list.appendChild(only);
    }
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

  // A failed build: its errors, shown unless the reader dismissed these very errors already.
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

  // A good build after a failed one: the overlay goes, and says so.
  function clearError() {
    var wasShown = shownText !== null;
    shownText = null;
    dismissedText = null;
    reopen.hidden = true;
    closeDialog();
    if (wasShown) announce('Build fixed');
  }

  return { showError: showError, clearError: clearError, announce: announce, dismiss: closeDialog };
}
