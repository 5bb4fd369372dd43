/* Council Assistant embed: paste one tag into any page of the council's site:
 *   <script src="https://assistant.anytown.example/embed.js" defer></script>
 * It adds a "Chat with us" button; the chat opens in a panel (an iframe of the assistant's
 * own page, so the council's styles and the chat's never clash). Escape or "Close" shuts the
 * panel and puts focus back on the button; the conversation carries on when reopened. The chat
 * is in the council page's language (its <html lang>, or data-lang on the tag) when the assistant
 * has it: a Welsh page opens the Welsh chat. */
(function () {
  'use strict';
  if (window.__councilAssistantEmbed) return;
  window.__councilAssistantEmbed = true;
  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : '/embed.js', location.href);
  var origin = base.origin;
  // The button's words: data-label, else the assistant's in the page's language (knowledge/chat-page.yaml `embed`).
  var label = script && script.getAttribute('data-label');
  var lang = (script && script.getAttribute('data-lang')) || document.documentElement.lang || '';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function init(theme) {
    var c = theme.colours;
    var style = el('style');
    style.textContent =
      '.ca-embed-button{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;font:700 1rem/1.25 Arial,Helvetica,sans-serif;' +
      'padding:.75rem 1.1rem;min-height:44px;border:2px solid ' + c.brandText + ';background:' + c.brand + ';color:' + c.brandText + ';cursor:pointer;box-shadow:0 2px 0 ' + c.text + '}' +
      '.ca-embed-button:focus-visible{outline:3px solid ' + c.focus + ';outline-offset:0;background:' + c.focus + ';color:' + c.focusText + '}' +
      '.ca-embed-panel{position:fixed;right:1rem;bottom:1rem;z-index:2147483001;width:min(26rem,calc(100vw - 2rem));height:min(40rem,calc(100vh - 2rem));' +
      'display:flex;flex-direction:column;background:' + c.background + ';border:2px solid ' + c.header + ';box-shadow:0 4px 16px rgba(0,0,0,.3)}' +
      '.ca-embed-panel[hidden]{display:none}' +
      '.ca-embed-head{display:flex;align-items:center;justify-content:space-between;gap:.5rem;padding:.5rem .75rem;background:' + c.header + ';color:' + c.headerText + ';font:700 1rem/1.25 Arial,Helvetica,sans-serif}' +
      '.ca-embed-head h2{font-size:1rem;margin:0}' +
      '.ca-embed-close{font:700 1rem Arial,Helvetica,sans-serif;min-height:44px;min-width:44px;padding:.25rem .6rem;background:' + c.header + ';color:' + c.headerText + ';border:2px solid ' + c.headerText + ';cursor:pointer}' +
      '.ca-embed-close:focus-visible{outline:3px solid ' + c.focus + ';background:' + c.focus + ';color:' + c.focusText + '}' +
      '.ca-embed-frame{flex:1;border:0;width:100%}' +
      '@media (max-width:30rem){.ca-embed-panel{right:0;bottom:0;width:100vw;height:100vh;border:0}}';
    document.head.appendChild(style);

    var words = theme.embed;
    var button = el('button', { type: 'button', class: 'ca-embed-button', 'aria-expanded': 'false', 'aria-controls': 'ca-embed-panel' }, label || words.button);
    var panel = el('section', { id: 'ca-embed-panel', class: 'ca-embed-panel', 'aria-labelledby': 'ca-embed-title', hidden: '' });
    var head = el('div', { class: 'ca-embed-head' });
    head.appendChild(el('h2', { id: 'ca-embed-title' }, theme.assistantName));
    var close = el('button', { type: 'button', class: 'ca-embed-close' }, words.close);
    close.setAttribute('aria-label', words.closeLabel);
    head.appendChild(close);
    panel.appendChild(head);
    var frame = null;

    function open() {
      if (!frame) {
        frame = el('iframe', { class: 'ca-embed-frame', title: words.frameTitle.replace('{assistant}', theme.assistantName), src: origin + '/?embed=1' + (lang ? '&lang=' + encodeURIComponent(lang) : '') });
        panel.appendChild(frame);
      }
      panel.hidden = false;
      button.hidden = true;
      button.setAttribute('aria-expanded', 'true');
      close.focus();
    }

    function shut() {
      panel.hidden = true;
      button.hidden = false;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }

    button.addEventListener('click', open);
    close.addEventListener('click', shut);
    panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') shut(); });
    // Escape pressed inside the chat (the iframe) arrives as a message from the assistant's page.
    window.addEventListener('message', function (e) {
      if (e.origin === origin && e.data && e.data.type === 'council-assistant:close' && !panel.hidden) shut();
    });
    document.body.appendChild(button);
    document.body.appendChild(panel);
  }

  fetch(origin + '/council-theme.json' + (lang ? '?lang=' + encodeURIComponent(lang) : ''))
    .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
    .then(init)
    .catch(function () { /* the assistant is unreachable: add nothing rather than a broken button */ });
})();
