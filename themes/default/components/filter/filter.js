/*
 * Filter the self-assessment by answer: an enhancement only.
 *
 * Without this script every provision is shown and the page is complete. With it, a set of radio buttons above the
 * first section of the Code shows all provisions, those not fully met, or those with one answer. It hides rows by
 * their data-answer ("yes", "partial", "no"), hides a section with no row left, and says how many provisions are
 * shown in a live region. Following a link to a provision that the filter hides (#provision-5-10) shows everything
 * again, so every provision stays linkable. Printing ignores the filter (see the print layer of style.css).
 */
(function () {
  'use strict';

  var rows = document.querySelectorAll('tr.rd-provision[data-answer]');
  var sections = document.querySelectorAll('.rd-sa-section');
  if (!rows.length || !sections.length || !document.querySelector || !window.addEventListener) {
    return;
  }

  var options = [
    { value: 'all', label: 'All provisions', test: function () { return true; } },
    { value: 'not-met', label: 'Not fully met', test: function (a) { return a !== 'yes'; } },
    { value: 'yes', label: 'Yes', test: function (a) { return a === 'yes'; } },
    { value: 'partial', label: 'Partly', test: function (a) { return a === 'partial'; } },
    { value: 'no', label: 'No', test: function (a) { return a === 'no'; } }
  ];
  var describe = {
    all: 'all provisions',
    'not-met': 'the provisions we do not fully meet',
    yes: 'the provisions we meet',
    partial: 'the provisions we partly meet',
    no: 'the provisions we do not meet'
  };

  function count(option) {
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      if (option.test(rows[i].getAttribute('data-answer'))) {
        n++;
      }
    }
    return n;
  }

  var fieldset = document.createElement('fieldset');
  fieldset.className = 'rd-filter';
  var legend = document.createElement('legend');
  legend.textContent = 'Show provisions';
  fieldset.appendChild(legend);

  var group = document.createElement('div');
  group.className = 'rd-filter__options';
  fieldset.appendChild(group);

  for (var i = 0; i < options.length; i++) {
    var o = options[i];
    var wrap = document.createElement('div');
    wrap.className = 'rd-filter__option';
    var input = document.createElement('input');
    input.type = 'radio';
    input.name = 'rd-filter-answer';
    input.id = 'rd-filter-' + o.value;
    input.value = o.value;
    input.checked = o.value === 'all';
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.textContent = o.label + ' (' + count(o) + ')';
    wrap.appendChild(input);
    wrap.appendChild(label);
    group.appendChild(wrap);
  }

  var status = document.createElement('p');
  status.className = 'rd-filter__status';
  status.setAttribute('role', 'status');
  fieldset.appendChild(status);

  sections[0].parentNode.insertBefore(fieldset, sections[0]);

  function apply(value, announce) {
    var option = options[0];
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === value) {
        option = options[i];
      }
    }
    var shown = 0;
    for (var r = 0; r < rows.length; r++) {
      var match = option.test(rows[r].getAttribute('data-answer'));
      rows[r].hidden = !match;
      if (match) {
        shown++;
      }
    }
    var sectionsShown = 0;
    for (var s = 0; s < sections.length; s++) {
      var visible = sections[s].querySelector('tr.rd-provision:not([hidden])') !== null;
      sections[s].hidden = !visible;
      if (visible) {
        sectionsShown++;
      }
    }
    if (announce) {
      status.textContent = value === 'all'
        ? 'Showing all ' + rows.length + ' provisions.'
        : 'Showing ' + shown + ' of ' + rows.length + ' provisions, ' + describe[option.value] + ', in ' +
          sectionsShown + (sectionsShown === 1 ? ' section.' : ' sections.');
    }
  }

  fieldset.addEventListener('change', function (event) {
    if (event.target && event.target.name === 'rd-filter-answer') {
      apply(event.target.value, true);
    }
  });

  // A link to a provision or section that the filter hides shows everything again first, so the link still
  // arrives: on a click (before the browser scrolls), and on any other change of the address's #fragment.
  function isHidden(el) {
    for (; el; el = el.parentElement) {
      if (el.hidden) {
        return true;
      }
    }
    return false;
  }

  function showAll() {
    document.getElementById('rd-filter-all').checked = true;
    apply('all', true);
  }

  function targetOf(hash) {
    var id = hash.charAt(0) === '#' ? hash.slice(1) : hash;
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      return null;
    }
    return id ? document.getElementById(id) : null;
  }

  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
    var target = link ? targetOf(link.getAttribute('href')) : null;
    if (target && isHidden(target)) {
      showAll();
    }
  });

  window.addEventListener('hashchange', function () {
    var target = targetOf(window.location.hash);
    if (target && isHidden(target)) {
      showAll();
      target.scrollIntoView();
    }
  });
})();
