'use strict';
/*
 * Insights page: GET /agent/api/insights?from=&to=&by= (manager role only): the summary, the savings
 * range with its method, charts drawn on the server (SVG with a title and description, no script),
 * and behind each chart a table with the same figures and its CSV download. Text goes on the page
 * with textContent; only the server's SVG is inserted as markup.
 */
(function () {
  var say = window.ConsoleText.say;
  var LOCALE = window.ConsoleText.locale;
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function pounds(n) { return '£' + Number(n).toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }
  function percent(part, whole) { return whole ? Math.round((100 * part) / whole) + '%' : '0%'; }
  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  function showError(text, fieldId) {
    $('error-text').textContent = text;
    $('error-summary').hidden = false;
    $('report').hidden = true;
    $('report-status').textContent = '';
    ['from', 'to'].forEach(function (id) {
      $(id).removeAttribute('aria-invalid');
      $(id).setAttribute('aria-describedby', id + '-hint');
    });
    if (fieldId) {
      $(fieldId).setAttribute('aria-invalid', 'true');
      $(fieldId).setAttribute('aria-describedby', fieldId + '-hint error-text');
    }
    $('error-summary').focus();
  }

  function table(t) {
    var section = el('section', { 'aria-labelledby': 'h-' + t.id });
    section.appendChild(el('h2', { id: 'h-' + t.id }, t.caption));
    return section;
  }

  function tableOf(t, query) {
    var wrap = el('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': 'cap-' + t.id, tabindex: '0' });
    var tb = el('table', { class: 'list report-table' });
    tb.appendChild(el('caption', { id: 'cap-' + t.id }, t.rows.length ? t.caption : say('caption_none', { caption: t.caption })));
    var head = el('thead');
    var hr = el('tr');
    t.columns.forEach(function (c, i) { hr.appendChild(el('th', { scope: 'col', class: i ? 'numeric' : '' }, c)); });
    head.appendChild(hr);
    tb.appendChild(head);
    var body = el('tbody');
    t.rows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (v, i) { tr.appendChild(i ? el('td', { class: 'numeric' }, v) : el('th', { scope: 'row' }, v)); });
      body.appendChild(tr);
    });
    tb.appendChild(body);
    wrap.appendChild(tb);
    var frag = document.createDocumentFragment();
    frag.appendChild(wrap);
    var p = el('p');
    p.appendChild(el('a', { href: '/agent/api/insights/' + t.id + '.csv?' + query, download: '' }, say('download_csv', { caption: t.caption })));
    frag.appendChild(p);
    return frag;
  }

  function render(data, query) {
    var r = data.report;
    var summary = $('summary');
    summary.textContent = '';
    [
      [say('summary_conversations'), String(r.conversations)],
      [say('summary_resolved'), r.resolved + ' (' + percent(r.resolved, r.conversations) + ')'],
      [say('summary_unknown'), r.unknown + ' (' + percent(r.unknown, r.conversations) + ')'],
      [say('summary_person'), (r.outcomes.person + r.outcomes.callback) + ''],
      [say('summary_risk'), String(r.outcomes.safeguarding)],
    ].forEach(function (row) { summary.appendChild(el('dt', null, row[0])); summary.appendChild(el('dd', null, row[1])); });
    $('savings').textContent = say('savings_range', { low: pounds(r.savings.low), high: pounds(r.savings.high), resolved: r.savings.resolved });
    var a = r.savings.assumptions;
    $('savings-method').textContent = r.savings.method + ' ' + say('savings_assumptions', {
      phoneCost: pounds(a.costPerContact.phone),
      onlineCost: pounds(a.costPerContact.online),
      low: Math.round(a.wouldHavePhoned.low * 100),
      high: Math.round(a.wouldHavePhoned.high * 100)
    });
    var sections = $('sections');
    sections.textContent = '';
    data.tables.forEach(function (t) {
      var section = table(t);
      var chart = data.charts[t.id];
      if (chart) {
        var figure = el('div', { class: 'chart' });
        figure.innerHTML = chart; // drawn on the server from counts and names the server chose; no resident's words
        section.appendChild(figure);
      }
      section.appendChild(tableOf(t, query));
      sections.appendChild(section);
    });
    $('report').hidden = false;
    $('report-status').textContent = say('insights_status', { count: r.conversations, from: r.from, to: r.to });
  }

  function load() {
    var from = $('from').value.trim();
    var to = $('to').value.trim();
    if (!DAY.test(from)) { showError(say('from_invalid'), 'from'); return; }
    if (!DAY.test(to)) { showError(say('to_invalid'), 'to'); return; }
    $('error-summary').hidden = true;
    ['from', 'to'].forEach(function (id) { $(id).removeAttribute('aria-invalid'); $(id).setAttribute('aria-describedby', id + '-hint'); });
    var query = 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) + '&by=' + encodeURIComponent($('by').value);
    $('report-status').textContent = say('insights_loading');
    fetch('/agent/api/insights?' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        if (res.status === 401) { window.location.assign('/agent/sign-in'); throw new Error('Signed out'); }
        return res.json().catch(function () { return {}; }).then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
      })
      .then(function (r) {
        if (!r.ok) { showError(r.data.error || say('insights_failed'), r.status === 400 ? 'from' : null); return; }
        render(r.data, query);
      })
      .catch(function (err) { if (err.message !== 'Signed out') showError(say('insights_offline'), null); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var today = new Date();
    var start = new Date(today.getTime() - 29 * 86400000);
    $('from').value = start.toISOString().slice(0, 10);
    $('to').value = today.toISOString().slice(0, 10);
    $('period-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    load();
  });
})();
