'use strict';
/*
 * Knowledge report page: GET /agent/api/knowledge-report?days=N (content role only), shown as a
 * table. Residents' words (already redacted on the server) go on the page with textContent only.
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
  function day(iso) {
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso).slice(0, 10) : d.toLocaleDateString(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function showError(text, field) {
    $('error-text').textContent = text;
    $('error-summary').hidden = false;
    $('report').hidden = true;
    $('report-status').textContent = '';
    var input = $('days');
    if (field) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'days-hint error-text');
    }
    $('error-summary').focus();
  }
  function clearError() {
    $('error-summary').hidden = true;
    $('days').removeAttribute('aria-invalid');
    $('days').setAttribute('aria-describedby', 'days-hint');
  }

  function render(report) {
    var rows = $('report-rows');
    rows.textContent = '';
    var days = say(report.days === 1 ? 'days_one' : 'days_other', { count: report.days });
    var period = say('report_period', { days: days, from: day(report.from), to: day(report.to) });
    $('report-caption').textContent = say('report_caption', { period: period });
    report.groups.forEach(function (g, i) {
      var tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, String(i + 1)));
      tr.appendChild(el('td', { class: 'numeric' }, String(g.count)));
      tr.appendChild(el('td', { class: 'numeric' }, String(g.noAnswer)));
      tr.appendChild(el('td', { class: 'numeric' }, String(g.notHelpful)));
      var examples = el('td');
      var list = el('ul', { class: 'examples' });
      g.examples.forEach(function (text) { list.appendChild(el('li', null, text)); });
      examples.appendChild(list);
      tr.appendChild(examples);
      var articles = el('td');
      if (!g.articles.length) articles.appendChild(el('span', { class: 'hint' }, say('articles_none')));
      else {
        var alist = el('ul', { class: 'examples' });
        g.articles.forEach(function (a) {
          var times = say(a.count === 1 ? 'times_one' : 'times_other', { count: a.count });
          alist.appendChild(el('li', null, say('article_offered', { title: a.title || say('article_unpublished', { id: a.id }), times: times })));
        });
        articles.appendChild(alist);
      }
      tr.appendChild(articles);
      rows.appendChild(tr);
    });
    $('report').hidden = report.groups.length === 0;
    $('report-status').textContent = report.groups.length
      ? say('report_status', {
        questions: say(report.total === 1 ? 'questions_one' : 'questions_other', { count: report.total }),
        groups: say(report.groups.length === 1 ? 'groups_one' : 'groups_other', { count: report.groups.length }),
        period: period
      })
      : say('report_status_none', { period: period });
  }

  function load() {
    var raw = $('days').value.trim();
    if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > 3650) {
      showError(say('days_entry_invalid'), true);
      return;
    }
    clearError();
    $('report-status').textContent = say('report_loading');
    fetch('/agent/api/knowledge-report?days=' + encodeURIComponent(raw), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        if (res.status === 401) { window.location.assign('/agent/sign-in'); throw new Error('Signed out'); }
        return res.json().catch(function () { return {}; }).then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
      })
      .then(function (r) {
        if (!r.ok) { showError(r.data.error || say('report_failed'), r.status === 400); return; }
        render(r.data);
      })
      .catch(function (err) { if (err.message !== 'Signed out') showError(say('report_offline'), false); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('period-form').addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    load();
  });
})();
