/* The resident chat page: gets a conversation token from this server, renders the official
 * Web Chat with the council's colours, keeps the conversation across reloads (sessionStorage),
 * and offers "Start again" and "Save conversation". No build step: plain ES2017. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('assistant-config').textContent);
  var colours = config.theme.colours;
  var KEY = 'council-assistant.conversation';
  var host = document.getElementById('webchat');
  var statusEl = document.getElementById('chat-status');
  var errorEl = document.getElementById('chat-error');
  var loadingEl = document.getElementById('chat-loading');
  var directLine = null;
  var store = null;
  var session = null;

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
    return fetch(config.tokenUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (!res.ok) throw new Error((body.error && body.error.message) || 'The chat is not available just now. Please try again later.');
          return {
            token: body.token,
            conversationId: body.conversationId,
            domain: body.domain,
            userId: body.userId,
            expiresAt: Date.now() + (body.expires_in || 1800) * 1000
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
      botAvatarInitials: undefined,
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
    seen = count;
    if (!shortScreen.matches) return;
    var chat = document.getElementById('chat');
    var top = chat.getBoundingClientRect().top;
    if (Math.abs(top) > 1) window.scrollBy(0, top);
  }

  function render(s) {
    session = s;
    remember(s);
    errorEl.hidden = true;
    directLine = window.WebChat.createDirectLine({ token: s.token, conversationId: s.conversationId, domain: s.domain, webSocket: true });
    directLine.connectionStatus$.subscribe(function (status) {
      // directlinejs ConnectionStatus: 2 Online, 3 ExpiredToken, 4 FailedToConnect, 5 Ended.
      if (status === 2) errorEl.hidden = true;
      if (status === 3 || status === 5) {
        forget();
        showError('This conversation has ended because it was left for a long time. Press "Start again" to begin a new one.');
      }
      if (status === 4) showError('The chat has lost its connection. Check your internet connection; it will try again. If it does not come back, press "Start again".');
    });
    store = window.WebChat.createStore({});
    seen = 0;
    // A fresh element for each conversation, so "Start again" never mixes two transcripts.
    host.textContent = '';
    var mount = document.createElement('div');
    mount.className = 'chat__mount';
    host.appendChild(mount);
    window.WebChat.renderWebChat(
      { directLine: directLine, store: store, locale: 'en-GB', styleOptions: styleOptions(), renderMarkdown: renderMarkdown },
      mount
    );
    store.subscribe(keepChatInView);
    loadingEl.hidden = true;
  }

  function start(fresh) {
    var s = fresh ? null : remembered();
    var ready = s ? Promise.resolve(s) : newSession();
    return ready.then(render).catch(function (err) {
      loadingEl.hidden = true;
      showError(err.message);
    });
  }

  function startAgain() {
    forget();
    if (directLine) directLine.end();
    return start(true).then(function () {
      announce('A new conversation has started.');
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
      if (a.contentType === 'application/vnd.microsoft.card.adaptive') parts.push('[a form or card was shown]');
    });
    return parts.join('\n');
  }

  function saveTranscript() {
    if (!store) return;
    var lines = [config.theme.assistantName + ' – ' + config.theme.name, 'Conversation saved on ' + new Date().toLocaleString('en-GB'), ''];
    store.getState().activities.forEach(function (a) {
      if (a.type !== 'message') return;
      var text = plainText(a);
      if (!text) return;
      var who = a.from && a.from.role === 'user' ? 'You' : config.theme.assistantName;
      var when = a.timestamp ? new Date(a.timestamp).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
      lines.push(when + ' ' + who + ':');
      lines.push(text);
      lines.push('');
    });
    var blob = new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'conversation-' + new Date().toISOString().slice(0, 10) + '.txt';
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    announce('The conversation has been saved as a text file.');
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
      .forEach(function (field) { field.setAttribute('aria-label', 'Form field: fill it in on the message in the chat history'); });
  }).observe(host, { childList: true, subtree: true });
  document.getElementById('start-again').addEventListener('click', startAgain);
  document.getElementById('save-transcript').addEventListener('click', saveTranscript);
  window.addEventListener('pagehide', saveToken);
  setInterval(saveToken, 60000);
  if (!window.WebChat) {
    loadingEl.hidden = true;
    showError('The chat could not load. Please refresh the page, or contact the council another way.');
    return;
  }
  start(false);
})();
