'use strict';
/*
 * Agent console: the live queue, one conversation at a time, and what the resident told the
 * assistant. Everything residents wrote is put on the page with textContent, never as HTML.
 */
(function () {
  var say = window.ConsoleText.say;
  var LOCALE = window.ConsoleText.locale;
  var csrf = '';
  var me = null;
  var current = null; // id of the open conversation
  var currentDetail = null;
  var caseDraft = {};
  var caseFor = null; // the conversation whose draft is in the "Create case" form
  var queueData = null;
  var socket = null;
  var retry = 500;
  var pending = {};
  var seq = 0;

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function announce(text) {
    var a = $('announcer');
    a.textContent = '';
    setTimeout(function () { a.textContent = text; }, 50);
  }
  /**
   * Puts text into a node with every phone number a link staff can click (the assistant's Markdown
   * phone links and numbers written out alike: /assets/phone-links.js); everything else stays text.
   */
  function withPhoneLinks(node, text) {
    if (window.CouncilPhoneLinks) return window.CouncilPhoneLinks.appendTo(node, text);
    node.textContent = String(text == null ? '' : text);
    return node;
  }

  /* New queue items: the page title counts who is waiting; a sound and a browser notification
   * (both chosen by the agent) say someone joined. Notifications carry the reason, never the
   * resident's words. */
  var TITLE = document.title;
  var knownWaiting = null;
  var SOUND_KEY = 'council-console.alert-sound';
  function soundOn() {
    try { return localStorage.getItem(SOUND_KEY) === '1'; } catch { return false; }
  }
  function beep() {
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    try {
      var ctx = new Ctx();
      var osc = ctx.createOscillator();
      var gain = ctx.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
      osc.onended = function () { ctx.close(); };
    } catch { /* no audio device: the title and the notification still tell */ }
  }
  function notificationsAllowed() {
    return 'Notification' in window && window.Notification.permission === 'granted';
  }
  function showNotificationState() {
    var button = $('alert-notifications');
    var status = $('notifications-status');
    if (!('Notification' in window)) { button.hidden = true; status.hidden = true; return; }
    var p = window.Notification.permission;
    button.hidden = p !== 'default';
    status.hidden = p === 'default';
    status.textContent = p === 'granted' ? say('notifications_on') : say('notifications_blocked');
  }
  function alertNewItems(waitingItems) {
    var ids = waitingItems.map(function (h) { return h.id; });
    var fresh = knownWaiting ? waitingItems.filter(function (h) { return knownWaiting.indexOf(h.id) < 0; }) : [];
    knownWaiting = ids;
    document.title = (ids.length ? '(' + ids.length + ') ' : '') + TITLE;
    if (!fresh.length) return;
    var urgent = fresh.some(function (h) { return h.priority === 1; });
    var what = fresh.length === 1
      ? (urgent ? say('new_one_urgent', { reason: fresh[0].reasonLabel }) : fresh[0].reasonLabel)
      : say(urgent ? 'new_many_urgent' : 'new_many', { count: fresh.length });
    announce(say('new_in_queue', { what: what }));
    if (soundOn()) beep();
    if (notificationsAllowed()) {
      try {
        new window.Notification(urgent ? say('notify_urgent') : say('notify'), { body: what, tag: 'council-queue' });
      } catch { /* some browsers allow notifications only from a service worker */ }
    }
  }
  function toSignIn() { window.location.assign('/agent/sign-in'); }

  function api(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') { headers['Content-Type'] = 'application/json'; headers['X-CSRF-Token'] = csrf; }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        if (res.status === 401) { toSignIn(); throw new Error('Signed out'); }
        return res.json().catch(function () { return {}; }).then(function (data) { return { status: res.status, ok: res.ok, data: data }; });
      });
  }

  function waiting(seconds) {
    if (seconds < 60) return say('waited_under_minute');
    var m = Math.floor(seconds / 60);
    if (m < 60) return say('waited_minutes', { minutes: m });
    return say('waited_hours', { hours: Math.floor(m / 60), minutes: m % 60 });
  }
  function secondsSince(iso) { return Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000)); }

  function priorityBadge(p) {
    var s = el('span', { class: 'priority p' + p }, String(p));
    if (p === 1) s.setAttribute('title', say('urgent'));
    var wrap = el('span');
    wrap.appendChild(s);
    wrap.appendChild(el('span', { class: 'visually-hidden' }, p === 1 ? say('urgent_hidden') : ''));
    return wrap;
  }

  /**
   * A conversation in Welsh carries a visible "Cymraeg" label (marked lang="cy", so a screen reader
   * says it in Welsh) and a hidden " (in Welsh)" for anyone who does not read it; English has none.
   */
  function languageTag(item) {
    var wrap = el('span');
    if (!item.welsh) return wrap;
    wrap.appendChild(el('span', { class: 'language-tag', lang: 'cy' }, say('welsh_tag')));
    wrap.appendChild(el('span', { class: 'visually-hidden' }, say('in_welsh_hidden')));
    return wrap;
  }

  function renderQueue() {
    var q = queueData;
    if (!q) return;
    $('open-status').textContent = q.open ? say('centre_open') : say('centre_closed');
    var body = $('waiting');
    body.textContent = '';
    q.waiting.forEach(function (h) {
      var tr = el('tr');
      var td1 = el('td'); td1.appendChild(priorityBadge(h.priority)); tr.appendChild(td1);
      tr.appendChild(el('td', { 'data-queued-at': h.queuedAt }, waiting(secondsSince(h.queuedAt))));
      var td3 = el('td');
      td3.appendChild(languageTag(h));
      td3.appendChild(el('span', { class: 'reason' }, h.reasonLabel));
      td3.appendChild(el('span', { class: 'summary' }, h.summary));
      if (h.heldForWelsh) td3.appendChild(el('span', { class: 'held-for-welsh' }, say('held_for_welsh')));
      tr.appendChild(td3);
      var td4 = el('td');
      var b = el('button', { type: 'button', class: 'button small', 'data-accept': h.id, 'aria-label': say(h.welsh ? 'accept_label_welsh' : 'accept_label', { summary: h.summary }) }, say('accept'));
      td4.appendChild(b);
      tr.appendChild(td4);
      body.appendChild(tr);
    });
    $('waiting-count').textContent = '(' + q.waiting.length + ')';
    alertNewItems(q.waiting);
    $('waiting-empty').hidden = q.waiting.length > 0;

    var active = $('active');
    active.textContent = '';
    q.active.forEach(function (h) {
      var li = el('li');
      li.appendChild(languageTag(h));
      var activeWith = h.agentId === me.id ? say('active_you', { reason: h.reasonLabel })
        : h.agentName ? say('active_agent', { agent: h.agentName, reason: h.reasonLabel }) : say('active_someone', { reason: h.reasonLabel });
      li.appendChild(el('span', { class: 'reason' }, activeWith));
      li.appendChild(el('span', { class: 'summary' }, h.summary));
      var b = el('button', { type: 'button', class: 'button secondary small', 'data-open': h.id, 'aria-label': say(h.welsh ? 'open_label_welsh' : 'open_label', { summary: h.summary }) }, say('open'));
      li.appendChild(b);
      active.appendChild(li);
    });
    $('active-empty').hidden = q.active.length > 0;

    var cbs = $('callbacks');
    cbs.textContent = '';
    q.callbacks.forEach(function (c) {
      var li = el('li');
      li.appendChild(priorityBadge(c.priority));
      li.appendChild(languageTag(c));
      li.appendChild(el('span', { class: 'reference' }, c.reference));
      if (c.welsh) li.appendChild(el('span', { class: 'summary' }, say('callback_in_welsh')));
      li.appendChild(el('span', { class: 'reason' }, c.name + ' – ' + c.contact));
      li.appendChild(el('span', { class: 'summary' }, say('callback_best_time', { time: c.bestTime })));
      li.appendChild(el('span', { class: 'summary' }, say('callback_about', { about: c.about })));
      li.appendChild(el('span', { class: 'summary' }, say('callback_asked', { when: new Date(c.createdAt).toLocaleString(LOCALE), reason: c.reasonLabel })));
      var actions = el('div', { class: 'actions' });
      actions.appendChild(el('button', { type: 'button', class: 'button secondary small', 'data-callback-transcript': c.id, 'aria-label': say('show_transcript_label', { reference: c.reference }) }, say('show_transcript')));
      actions.appendChild(el('button', { type: 'button', class: 'button secondary small', 'data-callback-done': c.id, 'aria-label': say(c.welsh ? 'mark_done_label_welsh' : 'mark_done_label', { reference: c.reference, resident: c.name }) }, say('mark_done')));
      li.appendChild(actions);
      cbs.appendChild(li);
    });
    $('callbacks-count').textContent = '(' + q.callbacks.length + ')';
    $('callbacks-empty').hidden = q.callbacks.length > 0;
  }

  function loadQueue() {
    return api('GET', '/agent/api/queue').then(function (r) { if (r.ok) { queueData = r.data; renderQueue(); } });
  }

  /** Service requests the council's system refuses to take from the assistant (e.g. after an API key change). */
  function loadDeliveries() {
    return api('GET', '/agent/api/deliveries').then(function (r) {
      var box = $('delivery-alert');
      var held = r.ok && r.data.heldBack ? r.data.heldBack : { count: 0 };
      box.hidden = !held.count;
      var refusal = held.lastStatus ? say('held_back_refuses_status', { status: held.lastStatus }) : say('held_back_refuses');
      box.textContent = held.count
        ? say(held.count === 1 ? 'held_back_one' : 'held_back_other', { count: held.count, refusal: refusal, since: new Date(held.oldest).toLocaleString(LOCALE) })
        : '';
    }, function () { /* signed out or offline: the connection banner says so */ });
  }

  function chatLine(m) {
    var who = m.sender === 'resident' ? say('from_resident') : m.sender === 'agent' ? (m.staffId === me.id ? say('from_you') : say('from_agent')) : say('from_note');
    var li = el('li', { class: 'msg-' + m.sender + (m.flag ? ' msg-flag' : ''), 'data-id': m.id });
    li.appendChild(el('span', { class: 'from' }, who + ' · ' + new Date(m.at).toLocaleTimeString(LOCALE, { hour: '2-digit', minute: '2-digit' })));
    if (m.flag && m.flag.indexOf('safeguarding') === 0) {
      var category = m.flag.split(':')[1];
      li.appendChild(el('span', { class: 'flag' }, category ? say('flag_safeguarding_category', { category: category.replace(/_/g, ' ') }) : say('flag_safeguarding')));
    }
    li.appendChild(withPhoneLinks(el('span', { class: 'text' }), m.text));
    return li;
  }

  function appendMessage(m) {
    var log = $('chat-log');
    if (log.querySelector('[data-id="' + m.id + '"]')) return;
    log.appendChild(chatLine(m));
    log.scrollTop = log.scrollHeight;
  }

  function fillFields(dl, obj) {
    dl.textContent = '';
    var keys = Object.keys(obj || {});
    keys.forEach(function (k) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, obj[k])); });
    return keys.length;
  }

  function statusText(status) {
    return status === 'queued' ? say('status_queued') : status === 'active' ? say('status_active') : status === 'ended' ? say('status_ended') : say('status_external');
  }

  /* The canned replies in the conversation's language: a resident writing in Welsh is offered only
   * the Welsh ones (knowledge/cy-GB/contact-centre.yaml), never English. */
  var cannedByLocale = {};
  var cannedLocale = null;
  function fillCanned(locale) {
    if (locale === cannedLocale) return;
    cannedLocale = locale;
    var sel = $('canned');
    sel.textContent = '';
    var replies = cannedByLocale[locale] || [];
    replies.forEach(function (text) { sel.appendChild(el('option', { value: text, lang: locale === 'cy-GB' ? 'cy' : 'en' }, text)); });
  }

  function renderConversation(d) {
    currentDetail = d;
    fillCanned(d.locale || 'en-GB');
    $('conversation').hidden = false;
    var who = d.mine ? say('with_you') : (d.agentName || say('with_nobody'));
    var left = d.status === 'ended' && /^resident_/.test(d.endReason || '');
    $('conversation-status').textContent = say('conversation_status', {
      status: statusText(d.status),
      with: d.status === 'active' ? say('status_with', { who: who }) : '',
      left: left ? say('resident_has_left') : '',
      priority: d.priority,
      language: d.welsh ? say('language_welsh') : say('language_english')
    });
    var log = $('chat-log');
    log.textContent = '';
    d.messages.forEach(function (m) { log.appendChild(chatLine(m)); });
    log.scrollTop = log.scrollHeight;
    var canTalk = d.status === 'active' && d.mine;
    ['message', 'send', 'transfer', 'end', 'insert-canned', 'canned'].forEach(function (id) { $(id).disabled = !canTalk; });

    var r = renderContext(d.summary, d.context, '');
    // Create case, pre-filled by the server from the request so far (or what was captured).
    // (filled in when the conversation is opened, not again each time it is re-read: the agent may be editing it)
    if (caseFor === d.id) return;
    caseFor = d.id;
    var draft = d.caseDraft || {};
    caseDraft = draft;
    $('case-summary').value = draft.summary || d.summary;
    $('case-service').value = draft.service || (r && r.intent !== 'human_handoff' ? r.intent : '');
    $('case-answers').value = draft.answers || '';
    $('case-location').value = draft.location || '';
    $('case-description').value = draft.description || '';
    $('case-reference').value = draft.references || '';
    $('case-contact').value = draft.contact || '';
    $('case-result').textContent = '';
  }

  /** "What the resident told the assistant": of the open conversation, or of a call-back request (`of` says which). */
  function renderContext(summary, context, of) {
    $('context').hidden = false;
    $('context-empty').hidden = true;
    $('context-of').hidden = !of;
    $('context-of').textContent = of;
    $('context-reason').textContent = summary;
    renderRequest(context.brief && context.brief.request);
    var n = fillFields($('captured'), context.captured);
    $('captured-empty').hidden = n > 0;
    var r = context.recognizer;
    var understood = {};
    if (r) {
      understood[say('recognizer_intent')] = r.intent + ' (' + Math.round(r.score * 100) + '%)';
      understood[say('recognizer_alternatives')] = (r.alternatives || []).slice(1, 4).map(function (a) { return a.intent + ' ' + Math.round(a.score * 100) + '%'; }).join(', ') || say('none');
      understood[say('recognizer_entities')] = (r.entities || []).map(function (e) { return e.type + ': ' + e.value; }).join(', ') || say('none');
      understood[say('recognizer_source')] = r.source;
    } else understood[say('recognizer_intent')] = say('not_known');
    fillFields($('recognizer'), understood);
    var t = $('transcript');
    t.textContent = '';
    (context.transcript || []).forEach(function (line) {
      var li = el('li', { class: 'msg-' + line.from });
      li.appendChild(el('span', { class: 'from' }, (line.from === 'resident' ? say('from_resident') : say('from_assistant')) + (line.intent ? ' · ' + line.intent : '')));
      li.appendChild(withPhoneLinks(el('span'), line.text));
      t.appendChild(li);
    });
    return r;
  }

  /** The service request the resident was making (stopped to hand over) or had just sent: each answer as the assistant understood it. */
  function renderRequest(request) {
    $('request').hidden = !request;
    if (!request) return;
    $('request-heading').textContent = request.status === 'filed' ? say('request_sent') : say('request_not_sent');
    var fields = {};
    fields[say('field_service')] = request.serviceName + ' (' + request.serviceCode + ')';
    if (request.reference) fields[say('field_reference')] = request.reference;
    (request.fields || []).forEach(function (f) { fields[f.label] = f.answer; });
    var place = request.location;
    fields[say('field_where')] = !place ? say('where_not_given')
      : place.kind === 'address' ? say('where_address', { address: place.text, uprn: place.uprn })
        : place.kind === 'postcode' ? say('where_postcode', { postcode: place.postcode })
          : say('where_described', { place: place.text });
    if (request.description) fields[say('field_details')] = request.description;
    if (request.contact) fields[say('field_contact')] = [request.contact.name, request.contact.email, request.contact.phone].filter(Boolean).join(', ');
    if (request.openQuestion) {
      fields[say('field_open_question')] = !request.misses ? request.openQuestion
        : say(request.misses === 1 ? 'open_question_misses_one' : 'open_question_misses_other', { question: request.openQuestion, misses: request.misses });
    }
    fillFields($('request-fields'), fields);
  }

  function showCallbackContext(id) {
    var c = queueData && queueData.callbacks.filter(function (x) { return x.id === id; })[0];
    if (!c) return;
    renderContext(c.about, c.context, say('callback_context', { reference: c.reference, resident: c.name, when: new Date(c.createdAt).toLocaleString(LOCALE) }));
    $('context-heading').focus();
  }

  function openConversation(id, focus) {
    current = id;
    return api('GET', '/agent/api/conversations/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) { announce(r.data.error || say('could_not_open')); return; }
      renderConversation(r.data);
      if (focus) $('conversation-heading').focus();
    });
  }

  function act(url, okText, after) {
    return api('POST', url).then(function (r) {
      announce(r.ok ? okText : (r.data.error || say('did_not_work')));
      if (after) after(r);
      return loadQueue();
    });
  }

  function sendMessage() {
    var box = $('message');
    var text = box.value.trim();
    if (!text || !current) return;
    var ref = 'm' + (++seq);
    pending[ref] = text;
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: 'send', handoffId: current, text: text, ref: ref }));
      box.value = '';
    } else {
      api('POST', '/agent/api/conversations/' + encodeURIComponent(current) + '/messages', { text: text }).then(function (r) {
        if (r.ok) { box.value = ''; appendMessage(r.data.message); if (!r.data.delivered) announce(say('saved_not_delivered')); }
        else announce(r.data.error || say('message_not_sent'));
      });
    }
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/agent/api/ws';
    socket = new WebSocket(url);
    socket.onopen = function () { retry = 500; $('connection').textContent = ''; loadQueue(); if (current) openConversation(current, false); };
    socket.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      if (msg.type === 'queue') loadQueue();
      else if (msg.type === 'message' && msg.handoffId === current) appendMessage(msg.message);
      // Someone else's conversation changed: its text is not pushed here; re-read it if it is open.
      else if (msg.type === 'conversation' && msg.handoffId === current) openConversation(current, false);
      else if (msg.type === 'status') {
        loadQueue();
        if (msg.handoffId === current) {
          openConversation(current, false);
          if (msg.status === 'ended' && (msg.endReason === 'resident_left' || msg.endReason === 'resident_ended' || msg.endReason === 'resident_left_queue')) announce(say('resident_left'));
          else if (msg.status === 'queued' && currentDetail && currentDetail.mine) announce(say('back_in_queue'));
        }
      } else if (msg.type === 'sent') {
        delete pending[msg.ref];
        if (!msg.ok) announce(msg.error || say('message_not_sent'));
        else if (msg.delivered === false) announce(say('saved_not_delivered'));
      } else if (msg.type === 'error') announce(msg.error);
    };
    socket.onclose = function (ev) {
      if (ev.code === 4401) { toSignIn(); return; }
      $('connection').textContent = say('connection_lost');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target.closest ? ev.target.closest('button') : null;
    if (!t) return;
    if (t.dataset.accept) {
      var id = t.dataset.accept;
      t.disabled = true;
      api('POST', '/agent/api/conversations/' + encodeURIComponent(id) + '/accept').then(function (r) {
        if (r.ok) { announce(say('accepted')); openConversation(id, true); }
        else { announce(r.data.error || say('could_not_accept')); t.disabled = false; }
        loadQueue();
      });
    } else if (t.dataset.open) {
      openConversation(t.dataset.open, true);
    } else if (t.dataset.callbackTranscript) {
      showCallbackContext(t.dataset.callbackTranscript);
    } else if (t.dataset.callbackDone) {
      act('/agent/api/callbacks/' + encodeURIComponent(t.dataset.callbackDone) + '/done', say('callback_done'));
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    api('GET', '/agent/api/me').then(function (r) {
      if (!r.ok) return;
      csrf = r.data.csrfToken;
      me = r.data.staff;
      var welshSpeaker = (r.data.roles || []).indexOf('welsh') >= 0;
      // A Welsh speaker is told Welsh conversations come first in their queue (docs/handoff.md).
      $('signed-in-as').textContent = say(welshSpeaker ? 'signed_in_as_welsh_speaker' : 'signed_in_as', { staff: me.displayName });
      // Staff with the content role also read the knowledge report.
      $('knowledge-report-link').hidden = (r.data.roles || []).indexOf('content') < 0;
      $('insights-link').hidden = (r.data.roles || []).indexOf('manager') < 0;
      return api('GET', '/agent/api/canned').then(function (c) {
        cannedByLocale = c.data.byLocale || { 'en-GB': c.data.replies || [] };
        fillCanned('en-GB');
      }).then(function () { ['message', 'send', 'transfer', 'end', 'insert-canned', 'canned'].forEach(function (id) { $(id).disabled = true; }); connect(); loadDeliveries(); });
    });
    setInterval(loadDeliveries, 60000);

    var sound = $('alert-sound');
    sound.checked = soundOn();
    sound.addEventListener('change', function () {
      try { localStorage.setItem(SOUND_KEY, sound.checked ? '1' : '0'); } catch { /* storage blocked: this page only */ }
      if (sound.checked) beep();
    });
    showNotificationState();
    $('alert-notifications').addEventListener('click', function () {
      var asked = window.Notification.requestPermission(function () { showNotificationState(); });
      if (asked && asked.then) asked.then(showNotificationState);
    });

    $('send-form').addEventListener('submit', function (ev) { ev.preventDefault(); sendMessage(); });
    $('message').addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); sendMessage(); }
    });
    $('insert-canned').addEventListener('click', function () {
      var box = $('message');
      box.value = (box.value ? box.value + ' ' : '') + $('canned').value;
      box.focus();
    });
    $('transfer').addEventListener('click', function () {
      if (current) act('/agent/api/conversations/' + encodeURIComponent(current) + '/transfer', say('transferred'), function () { openConversation(current, false); });
    });
    $('end').addEventListener('click', function () {
      if (current) act('/agent/api/conversations/' + encodeURIComponent(current) + '/end', say('chat_ended'), function () { openConversation(current, false); });
    });
    $('case-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var fields = { summary: $('case-summary').value, service: $('case-service').value, answers: $('case-answers').value, location: $('case-location').value, description: $('case-description').value, references: $('case-reference').value, contact: $('case-contact').value };
      // The codes go with the case only while what they belong to is left as it was filled in.
      if (caseDraft.serviceCode && fields.service === caseDraft.service) fields.serviceCode = caseDraft.serviceCode;
      if (caseDraft.uprn && fields.location === caseDraft.location) fields.uprn = caseDraft.uprn;
      // The resident's language travels with the case (so the council replies in it).
      if (caseDraft.language) fields.language = caseDraft.language;
      api('POST', '/agent/api/cases', { handoffId: current, fields: fields }).then(function (r) {
        $('case-result').textContent = r.ok ? say('case_created', { reference: r.data.reference }) : (r.data.error || say('case_not_created'));
      });
    });
    $('sign-out').addEventListener('click', function () {
      api('POST', '/agent/api/sign-out').then(toSignIn, toSignIn);
    });
    setInterval(function () {
      var cells = document.querySelectorAll('[data-queued-at]');
      for (var i = 0; i < cells.length; i++) cells[i].textContent = waiting(secondsSince(cells[i].getAttribute('data-queued-at')));
    }, 15000);
  });
})();
