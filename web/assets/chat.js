/* The resident chat page: gets a conversation token from this server, renders the official
 * Web Chat with the council's colours, keeps the conversation across reloads (sessionStorage),
 * and offers "Start again" and "Save conversation". A person from the contact centre is shown
 * as a person (name, initials, their own bubble, announced as "Sam from Anytown Council said"),
 * with "End chat" while they are there; a lost connection is said so. The page is in one
 * language (config.locale) and follows the conversation into another: when the assistant answers
 * the resident in another language (they chose it, or wrote in it), the page reloads as that
 * language's page, keeping the conversation. Words come from knowledge/chat-page.yaml (config.text),
 * Web Chat's own from knowledge/messages/<locale>/webchat.yaml. No build step: plain ES2017. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('assistant-config').textContent);
  var colours = config.theme.colours;
  var text = config.text;
  var locale = config.locale || 'en-GB';
  var KEY = 'council-assistant.conversation';
  /** The event that tells the assistant the resident is leaving a handoff (handoff/handoffRelay.ts LEAVE_EVENT). */
  var LEAVE_EVENT = 'council.handoff.leave';
  /** The event that tells the assistant the resident chose this page's language (bot/bilingualBot.ts LANGUAGE_EVENT). */
  var LANGUAGE_EVENT = 'council.language';
  var host = document.getElementById('webchat');
  var statusEl = document.getElementById('chat-status');
  var errorEl = document.getElementById('chat-error');
  var loadingEl = document.getElementById('chat-loading');
  var endChatButton = document.getElementById('end-chat');
  var connectionEl = document.getElementById('chat-connection');
  var directLine = null;
  var store = null;
  var session = null;
  /** A person from the contact centre is in the conversation (handoff.status accepted, until completed). */
  var withPerson = false;
  var connectionLost = false;
  var backTimer = null;
  /** Web Chat's ids of what this page sent, and the ids the server gave them: the assistant's replies to them say its language. */
  var postedHere = {};
  var sentHere = {};
  var leaving = false;

  function announce(text) {
    statusEl.textContent = '';
    setTimeout(function () { statusEl.textContent = text; }, 50);
  }

  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = false;
  }

  function remembered() {
    try {
      var s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      // A token with less than a minute left is not worth resuming with.
      if (s && s.token && s.conversationId && s.expiresAt > Date.now() + 60000) return s;
    } catch { /* storage blocked or corrupt: start afresh */ }
    return null;
  }

  function remember(s) {
    try { sessionStorage.setItem(KEY, JSON.stringify(s)); } catch { /* private mode: the chat still works, only reload loses it */ }
  }

  function forget() {
    try { sessionStorage.removeItem(KEY); } catch { /* ignore */ }
  }

  function newSession() {
    // The page's language, so the assistant's welcome is in it.
    return fetch(config.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ locale: locale }), credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (!res.ok) throw new Error((body.error && body.error.message) || text.notAvailable);
          return {
            token: body.token,
            conversationId: body.conversationId,
            domain: body.domain,
            userId: body.userId,
            expiresAt: Date.now() + (body.expires_in || 1800) * 1000,
            lang: locale
          };
        });
      });
  }

  /** Keeps the token Direct Line refreshed (every 15 minutes) so a reload can resume. */
  function saveToken() {
    if (!directLine || !session) return;
    if (directLine.token && directLine.token !== session.token) {
      session.token = directLine.token;
      session.expiresAt = Date.now() + 1800 * 1000;
    }
    remember(session);
  }

  // ---- a person from the contact centre -------------------------------------------------

  /** The agent's message (handoff/residentMessenger.ts agentText): channelData says who wrote it. */
  function agentOf(activity) {
    var marker = activity && activity.type === 'message' && activity.channelData && activity.channelData.councilHandoff;
    if (!marker || marker.from !== 'agent') return null;
    return { name: String(marker.agentName || (activity.from && activity.from.name) || ''), id: String(marker.agentId || (activity.from && activity.from.id) || '') };
  }

  /** A sentence of knowledge/chat-page.yaml about the agent: {agent} and {council} filled in. */
  function aboutAgent(template, agent) {
    return template.replace(/\{agent\}/g, agent.name).replace(/\{council\}/g, config.councilName);
  }

  function initials(name) {
    var words = name.trim().split(/\s+/).filter(Boolean);
    var letters = words.length > 1 ? words[0].charAt(0) + words[words.length - 1].charAt(0) : (words[0] || '?').charAt(0);
    return letters.toUpperCase();
  }

  /** Whose turn a line is: the resident, the assistant, or one person from the contact centre. */
  function speaker(activity) {
    var agent = agentOf(activity);
    return agent ? 'agent:' + agent.id : (activity.from && activity.from.role) || '';
  }

  /** "End chat" is on the page while a person is in the conversation, and only then. */
  function setWithPerson(value) {
    withPerson = value;
    endChatButton.hidden = !value;
  }

  /**
   * Web Chat's store middleware: an agent's words are plain text (never Markdown), are read out as
   * "Sam from Anytown Council said: …" (Web Chat's fallback text is the activity's accessible text)
   * and carry their author for Web Chat's activity status (a schema.org Message whose claim's
   * interpreter is "Sam from Anytown Council": shown beside the time). handoff.status events show
   * and hide "End chat". A reload replays them in order.
   */
  function storeMiddleware() {
    return function (next) {
      return function (action) {
        followConversation(action);
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && action.payload && action.payload.activity) {
          var activity = action.payload.activity;
          var agent = agentOf(activity);
          if (agent) {
            var channelData = Object.assign({}, activity.channelData);
            channelData['webchat:fallback-text'] = aboutAgent(text.agentSaid, agent) + ' ' + (activity.text || '');
            var author = {
              '@context': 'https://schema.org', '@id': '', '@type': 'Message', type: 'https://schema.org/Message',
              citation: [{ '@type': 'Claim', claimInterpreter: { '@type': 'Project', name: aboutAgent(text.agentName, agent) } }]
            };
            var changes = { textFormat: 'plain', channelData: channelData, entities: (activity.entities || []).concat([author]) };
            action = Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: Object.assign({}, activity, changes) }) });
          } else if (activity.type === 'event' && activity.name === 'handoff.status') {
            var state = activity.value && activity.value.state;
            if (state === 'accepted') setWithPerson(true);
            else if (state === 'completed' || state === 'failed') setWithPerson(false);
          } else if (activity.type === 'event' && activity.name === 'council.handoff' && activity.value && activity.value.state === 'queued') {
            setWithPerson(false);
          }
        }
        return next(action);
      };
    };
  }

  /**
   * Lines of one speaker are one group, so a person's lines are never grouped with the assistant's;
   * each of a person's lines is a status group of its own, so each shows its time and author.
   */
  function groupActivitiesMiddleware() {
    return function (next) {
      return function (options) {
        var grouped = next(options);
        var sender = [];
        options.activities.forEach(function (activity, i) {
          if (i && speaker(options.activities[i - 1]) === speaker(activity)) sender[sender.length - 1].push(activity);
          else sender.push([activity]);
        });
        var status = [];
        grouped.status.forEach(function (group) {
          var run = [];
          group.forEach(function (activity) {
            if (run.length && (agentOf(activity) || agentOf(run[run.length - 1]))) {
              status.push(run);
              run = [];
            }
            run.push(activity);
          });
          if (run.length) status.push(run);
        });
        return { sender: sender, status: status };
      };
    };
  }

  /** A person's lines have their initials beside them (the assistant's have none). */
  function avatarMiddleware() {
    return function (next) {
      return function (options) {
        var agent = agentOf(options.activity);
        if (!agent) return next(options);
        var letters = initials(agent.name);
        return function () { return letters; };
      };
    };
  }

  // ---- the page's language ---------------------------------------------------------------

  /** The language of config.pages that `tag` names ("cy-GB", "cy"), when it is not this page's. */
  function otherLanguage(tag) {
    if (!tag || !config.pages) return null;
    var wanted = String(tag).toLowerCase().split(/[-_]/)[0];
    var found = Object.keys(config.pages).filter(function (l) { return l.toLowerCase().split('-')[0] === wanted; })[0];
    return found && found !== locale ? found : null;
  }

  /**
   * The assistant answered what this page sent in another language (its reply's locale): the resident
   * chose that language or wrote in it. The page reloads as that language's page; the conversation
   * carries on (sessionStorage), and the new page says it changed.
   */
  function followLanguage(target) {
    if (leaving) return;
    leaving = true;
    saveToken();
    if (session) {
      session.lang = target;
      session.languageNotice = true;
      remember(session);
    }
    window.location.replace(config.pages[target]);
  }

  /** Watches what this page sends and the assistant's replies to it, for the language they are in. */
  function followConversation(action) {
    if (action.type === 'DIRECT_LINE/POST_ACTIVITY_PENDING' && action.meta && action.meta.clientActivityID) {
      postedHere[action.meta.clientActivityID] = true;
      return;
    }
    if (action.type !== 'DIRECT_LINE/INCOMING_ACTIVITY' || !action.payload || !action.payload.activity) return;
    var activity = action.payload.activity;
    var role = activity.from && activity.from.role;
    var clientId = activity.channelData && activity.channelData.clientActivityID;
    if (role === 'user' && clientId && postedHere[clientId] && activity.id) sentHere[activity.id] = true;
    else if (role === 'bot' && activity.type === 'message' && activity.replyToId && sentHere[activity.replyToId]) {
      var target = otherLanguage(activity.locale);
      if (target) followLanguage(target);
    }
  }

  /** The resident came to this page by its language link in the middle of a conversation: the assistant is told, and carries on in it. */
  function tellLanguage(dl) {
    if (!dl || !session) return;
    dl.postActivity({ type: 'event', name: LANGUAGE_EVENT, value: locale, locale: locale, from: { id: session.userId || 'resident' } })
      .subscribe({ error: function () { /* the next message carries the page's locale anyway */ } });
  }

  /** Puts focus in the message box once Web Chat has drawn it. */
  function focusSendBox(tries) {
    var input = host.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
    else if ((tries || 0) < 100) window.requestAnimationFrame(function () { focusSendBox((tries || 0) + 1); });
  }

  // ---- the connection --------------------------------------------------------------------

  function showConnection(message) {
    connectionEl.textContent = message;
    connectionEl.hidden = false;
    announce(message);
  }

  /**
   * Direct Line's WebSocket, watched: when the stream drops the page says so at once (Direct Line
   * keeps its status "online" while it reconnects), and says so again when it is back.
   */
  function watchedWebSocket(owner) {
    var Native = window.WebSocket;
    function Watched(url, protocols) {
      var ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
      ws.addEventListener('open', function () {
        if (owner() !== directLine || !connectionLost) return;
        connectionLost = false;
        connectionEl.classList.remove('chat__notice--lost');
        showConnection(text.connectionBack);
        clearTimeout(backTimer);
        backTimer = setTimeout(function () { if (!connectionLost) connectionEl.hidden = true; }, 10000);
      });
      ws.addEventListener('close', function () {
        if (owner() !== directLine || connectionLost) return;
        connectionLost = true;
        clearTimeout(backTimer);
        connectionEl.classList.add('chat__notice--lost');
        showConnection(text.connectionLost);
      });
      return ws;
    }
    Watched.CONNECTING = 0;
    Watched.OPEN = 1;
    Watched.CLOSING = 2;
    Watched.CLOSED = 3;
    return Watched;
  }

  function resetConnection() {
    connectionLost = false;
    clearTimeout(backTimer);
    connectionEl.hidden = true;
    connectionEl.classList.remove('chat__notice--lost');
  }

  function styleOptions() {
    return {
      accent: colours.brand,
      backgroundColor: colours.background,
      primaryFont: 'Arial, Helvetica, sans-serif',
      bubbleBackground: colours.botBubble,
      bubbleTextColor: colours.botBubbleText,
      bubbleBorderColor: colours.botBubble,
      bubbleFromUserBackground: colours.userBubble,
      bubbleFromUserTextColor: colours.userBubbleText,
      bubbleFromUserBorderColor: colours.userBubble,
      subtle: colours.secondaryText,
      timestampColor: colours.secondaryText,
      linkColor: colours.link,
      sendBoxTextColor: colours.text,
      sendBoxPlaceholderColor: colours.secondaryText,
      sendBoxButtonColor: colours.brand,
      sendBoxButtonColorOnHover: colours.text,
      sendBoxHeight: 48,
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: colours.background,
      suggestedActionBorderColor: colours.brand,
      suggestedActionTextColor: colours.brand,
      suggestedActionBorderRadius: 0,
      suggestedActionHeight: 44,
      // Many choices (the addresses at a postcode) scroll in their own box, so the question stays on screen.
      suggestedActionsFlowMaxHeight: 'min(11rem, 28vh)',
      // New replies scroll the transcript only until the resident's last message reaches the top:
      // the question and the first lines of a long reply stay in view, never just its end.
      autoScrollSnapOnPage: true,
      transcriptVisualKeyboardIndicatorColor: colours.text,
      transcriptVisualKeyboardIndicatorWidth: 3,
      hideUploadButton: true,
      // '' (not undefined): the assistant's lines keep no avatar, and a person's lines can have one (avatarMiddleware).
      botAvatarInitials: '',
      avatarSize: 40,
      botAvatarBackgroundColor: colours.brand,
      // Every line of a person shows their initials, not only the first of a run.
      showAvatarInGroup: true,
      userAvatarInitials: undefined,
      rootHeight: '100%'
    };
  }

  /** Web Chat's own Markdown renderer, with every phone number a tel: link (assets/phone-links.js). */
  function renderMarkdown(markdown) {
    var args = Array.prototype.slice.call(arguments);
    if (window.CouncilPhoneLinks) args[0] = window.CouncilPhoneLinks.markdown(markdown);
    var html = window.WebChat.renderMarkdown.apply(null, args);
    return html.indexOf('value="sms:') < 0 ? html : smsLinks(html);
  }

  /** Web Chat 4.18 turns links it does not know (sms:) into empty buttons: a text helpline's number becomes a link again. */
  function smsLinks(html) {
    var doc = new window.DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('button.webchat__render-markdown__citation[value^="sms:"]').forEach(function (button) {
      if (!/^sms:\+?[0-9]{2,15}$/.test(button.value)) return;
      var link = doc.createElement('a');
      link.setAttribute('href', button.value);
      link.textContent = button.textContent;
      button.replaceWith(link);
    });
    return doc.body.innerHTML;
  }

  /* On a short screen (a phone with its keyboard open, or 400 % zoom) the page scrolls and the
   * chat is one screen high (chat.css): when a message comes or goes, bring the whole chat into view. */
  var shortScreen = window.matchMedia('(max-height: 30rem)');
  var seen = 0;
  function keepChatInView() {
    var count = store ? store.getState().activities.length : 0;
    if (count === seen) return;
    var before = seen;
    seen = count;
    // A reply to the resident's last message (everything after it is new): keep that message in view.
    var activities = store.getState().activities;
    var last = activities[activities.length - 1];
    var mine = -1;
    activities.forEach(function (a, i) { if (a.from && a.from.role === 'user' && a.type === 'message') mine = i; });
    var reply = last && last.from && last.from.role === 'bot' && mine >= 0;
    if (reply && mine >= before - 1) keepQuestionInView();
    // A later message (an update, a person's line) is Web Chat's to snap to, not part of the reply.
    else if (snapWatch && !(reply && Date.now() - snapWatch.started < 3000)) snapWatch.stop();
    if (!shortScreen.matches) return;
    var chat = document.getElementById('chat');
    var top = chat.getBoundingClientRect().top;
    if (Math.abs(top) > 1) window.scrollBy(0, top);
  }

  /* Web Chat's snap (autoScrollSnapOnPage) stops the scroll when the resident's last message
   * reaches the top, but it decides from which activities it has marked read: when a reply is
   * marked read before the scroll is worked out (a slow phone, a busy page), Web Chat scrolls to
   * the reply's end, and a long reply (the safeguarding one: 999 first) shows only its last lines.
   * Web Chat has no option for this, so while a reply comes in (and its buttons take their room)
   * this puts the resident's last message back at the top whenever Web Chat has scrolled past the
   * reply's first line. The resident's own scrolling (wheel, touch, keys, the scroll bar) ends the watch
   * at once; so does a later message, and 10 seconds. */
  var snapWatch = null;
  var SCROLLING = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  function keepQuestionInView() {
    if (snapWatch) snapWatch.stop();
    var started = Date.now();
    var frame = 0;
    var scroller = null;
    function stop() {
      window.cancelAnimationFrame(frame);
      if (scroller) SCROLLING.forEach(function (type) { scroller.removeEventListener(type, stop); });
      if (snapWatch === watch) snapWatch = null;
    }
    function check() {
      if (Date.now() - started > 10000) return stop();
      frame = window.requestAnimationFrame(check);
      var found = host.querySelector('.webchat__basic-transcript__scrollable');
      if (!found) return;
      if (found !== scroller) {
        if (scroller) SCROLLING.forEach(function (type) { scroller.removeEventListener(type, stop); });
        scroller = found;
        SCROLLING.forEach(function (type) { scroller.addEventListener(type, stop, { passive: true }); });
      }
      var mine = scroller.querySelectorAll('.webchat__bubble--from-user');
      if (!mine.length) return;
      var message = mine[mine.length - 1].closest('.webchat__basic-transcript__activity');
      var first = message && message.nextElementSibling;
      if (!first) return;
      var top = scroller.getBoundingClientRect().top;
      // The reply's first line scrolled past: the resident's message goes back to the top.
      if (first.getBoundingClientRect().top < top - 1) scroller.scrollTop -= top - message.getBoundingClientRect().top;
    }
    var watch = { stop: stop, started: started };
    snapWatch = watch;
    frame = window.requestAnimationFrame(check);
  }

  function render(s) {
    session = s;
    remember(s);
    errorEl.hidden = true;
    var mine = null;
    var options = { token: s.token, conversationId: s.conversationId, domain: s.domain, webSocket: true };
    // directlinejs' DirectLine, as Web Chat bundles it (createDirectLine passes on only some options;
    // the constructor takes its Services too: DirectLineOptions & Partial<Services>). Nothing connects until Web Chat subscribes.
    var DirectLine = window.WebChat.createDirectLine(options).constructor;
    mine = directLine = new DirectLine(Object.assign({}, options, {
      botAgent: 'WebChat/' + ((window.WebChat.buildInfo && window.WebChat.buildInfo.version) || '4') + ' (council-assistant)',
      // The stream watched, so the page can say when it drops and when it is back.
      WebSocket: watchedWebSocket(function () { return mine; }),
      // After a dropped stream, Direct Line tries again in 3 s (not up to 15 s), well within the
      // server's leave grace (DIRECT_LINE_LEAVE_GRACE_MS), so a blip never costs a place in the queue.
      random: function () { return 0; }
    }));
    resetConnection();
    setWithPerson(false);
    directLine.connectionStatus$.subscribe(function (status) {
      if (mine !== directLine) return;
      // directlinejs ConnectionStatus: 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended.
      if (status === 2) errorEl.hidden = true;
      if (status === 3 || status === 5) {
        forget();
        showError(text.conversationExpired);
      }
      if (status === 4) showError(text.connectionFailed);
    });
    store = window.WebChat.createStore({}, storeMiddleware);
    seen = 0;
    // A fresh element for each conversation, so "Start again" never mixes two transcripts.
    host.textContent = '';
    var mount = document.createElement('div');
    mount.className = 'chat__mount';
    host.appendChild(mount);
    window.WebChat.renderWebChat(
      {
        directLine: directLine, store: store, locale: locale, styleOptions: styleOptions(), renderMarkdown: renderMarkdown,
        groupActivitiesMiddleware: groupActivitiesMiddleware, avatarMiddleware: avatarMiddleware,
        // Web Chat's own words in the page's language (none for English: Web Chat's own). Its "Bot said:"
        // goes: a person's lines say who they are ("Sam from Anytown Council said:").
        overrideLocalizedStrings: Object.assign({}, config.webChatStrings, { ACTIVITY_BOT_SAID_ALT: '$1' })
      },
      mount
    );
    store.subscribe(keepChatInView);
    loadingEl.hidden = true;
  }

  function start(fresh) {
    var s = fresh ? null : remembered();
    // The conversation was on another language's page: the resident chose this one by its link
    // (tell the assistant), or this page followed the assistant here (say so).
    var chosenHere = !!(s && s.lang && s.lang !== locale);
    var followed = !!(s && s.languageNotice);
    if (s) {
      s.lang = locale;
      delete s.languageNotice;
    }
    var ready = s ? Promise.resolve(s) : newSession();
    return ready.then(function (opened) {
      render(opened);
      if (chosenHere) tellLanguage(directLine);
      if (chosenHere || followed) {
        announce(text.languageChanged);
        focusSendBox();
      }
    }).catch(function (err) {
      loadingEl.hidden = true;
      showError(err.message);
    });
  }

  /** Tells the assistant the resident is leaving a handoff (queued or with a person); resolves when sent, failed or after 3 s. */
  function sayLeaving(dl) {
    return new Promise(function (resolve) {
      if (!dl || !session) return resolve();
      var timer = setTimeout(resolve, 3000);
      function done() { clearTimeout(timer); resolve(); }
      dl.postActivity({ type: 'event', name: LEAVE_EVENT, from: { id: session.userId || 'resident' } }).subscribe({ error: done, complete: done });
    });
  }

  function endChat() {
    if (!store || !withPerson) return;
    store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: LEAVE_EVENT } });
    setWithPerson(false);
    var input = host.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) input.focus();
  }

  function startAgain() {
    forget();
    var old = directLine;
    // Leaving a queued or live handoff behind must not leave a ghost in the contact centre's queue.
    directLine = null;
    return sayLeaving(old).then(function () {
      if (old) old.end();
      return start(true);
    }).then(function () {
      announce(text.newConversation);
      var input = host.querySelector('[data-id="webchat-sendbox-input"]');
      if (input) input.focus();
    });
  }

  function plainText(activity) {
    var parts = [];
    if (activity.text) parts.push(activity.text);
    (activity.attachments || []).forEach(function (a) {
      if (a.content && a.content.title) parts.push(a.content.title);
      if (a.content && a.content.text) parts.push(a.content.text);
      if (a.contentType === 'application/vnd.microsoft.card.adaptive') parts.push(text.savedCard);
    });
    return parts.join('\n');
  }

  function saveTranscript() {
    if (!store) return;
    var lines = [config.theme.assistantName + ' – ' + config.theme.name, text.savedOn.replace('{date}', new Date().toLocaleString(locale)), ''];
    store.getState().activities.forEach(function (a) {
      if (a.type !== 'message') return;
      var words = plainText(a);
      if (!words) return;
      var agent = agentOf(a);
      var who = a.from && a.from.role === 'user' ? text.savedYou : agent ? aboutAgent(text.agentName, agent) : config.theme.assistantName;
      var when = a.timestamp ? new Date(a.timestamp).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) : '';
      lines.push(when + ' ' + who + ':');
      lines.push(words);
      lines.push('');
    });
    var blob = new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'conversation-' + new Date().toISOString().slice(0, 10) + '.txt';
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    announce(text.saved);
  }

  if (config.embedded && window.parent !== window) {
    // In the embed's panel, Escape closes the panel (embed.js listens on the council's page).
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') window.parent.postMessage({ type: 'council-assistant:close' }, '*');
    });
  }
  // Web Chat 4.18 announces a new card through a hidden live region that repeats the card's
  // fields without their labels (for a second or so). Name them, so screen readers say what they are.
  new window.MutationObserver(function () {
    host.querySelectorAll('.webchat__live-region-transcript input:not([aria-label]), .webchat__live-region-transcript textarea:not([aria-label]), .webchat__live-region-transcript select:not([aria-label])')
      .forEach(function (field) { field.setAttribute('aria-label', text.formField); });
  }).observe(host, { childList: true, subtree: true });
  document.getElementById('start-again').addEventListener('click', startAgain);
  document.getElementById('save-transcript').addEventListener('click', saveTranscript);
  endChatButton.textContent = text.endChat;
  endChatButton.addEventListener('click', endChat);
  window.addEventListener('pagehide', saveToken);
  setInterval(saveToken, 60000);
  if (!window.WebChat) {
    loadingEl.hidden = true;
    showError(text.couldNotLoad);
    return;
  }
  start(false);
})();
