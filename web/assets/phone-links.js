/* Phone numbers residents and staff can tap or click: splits text into plain parts and tel:
 * links. Used by the resident page (chat.js, through Web Chat's Markdown) and the agent console
 * (console.js, through DOM nodes), so every reply shows numbers the same way whoever wrote it.
 * Finds: the assistant's own Markdown phone links ("[999](tel:999)", "[85258](sms:85258)"),
 * UK numbers starting 0 or +44 (10 or 11 digits: "01632 960 000", "0808 2000 247"), "116 123"
 * style helplines, and 999, 101, 111 and 112 after "call", "dial", "ring", "phone", "on" or ":"
 * (so "101 High Street" stays an address). Other Markdown links, web and email addresses are
 * left as they are. No build step: plain ES2017. */
(function () {
  'use strict';
  // Left alone: Markdown links (tel:/sms: ones are taken apart below), <autolinks>, URLs, emails, `code`.
  var KEEP = /\[[^\]\n]*\]\([^)\s]*\)|<[^>\s]+>|\bhttps?:\/\/\S+|[^\s@()[\]<>]+@[^\s@()[\]<>]+|`[^`\n]*`/g;
  var MD_PHONE = /^\[([^\]\n]{1,40})\]\(((?:tel|sms):\+?[0-9]{2,15})\)$/;
  var NUMBER = /(^|[^\w£$./-])(\+44\s?(?:\(0\)\s?)?\d[\d ]{7,12}\d|0\d[\d -]{7,12}\d|116 ?\d{3})(?![\w/-]|[.,]\d)/g;
  var SHORT = /(\b(?:call|dial|ring|phone|on)\s+|:\s*)(999|101|111|112)(?![\w/-]|[.,]\d)/gi;

  function href(number) {
    var digits = number.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
    if (digits.charAt(0) === '+') return /^\+44\d{9,10}$/.test(digits) ? 'tel:' + digits : null;
    if (digits.charAt(0) === '0') return /^0\d{9,10}$/.test(digits) ? 'tel:' + digits : null;
    return /^(116\d{3}|999|101|111|112)$/.test(digits) ? 'tel:' + digits : null;
  }

  /** Bare numbers in a stretch of prose: [{ text }, { text, href }, …]. */
  function inProse(text, out) {
    var found = [];
    [NUMBER, SHORT].forEach(function (re) {
      re.lastIndex = 0;
      var m;
      while ((m = re.exec(text)) !== null) {
        var start = m.index + m[1].length;
        var link = href(m[2]);
        if (link) found.push({ start: start, end: start + m[2].length, href: link });
        re.lastIndex = start + m[2].length;
      }
    });
    found.sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    found.forEach(function (f) {
      if (f.start < at) return;
      if (f.start > at) out.push({ text: text.slice(at, f.start) });
      out.push({ text: text.slice(f.start, f.end), href: f.href });
      at = f.end;
    });
    if (at < text.length) out.push({ text: text.slice(at) });
  }

  /** The text as parts, in order; joined, the parts' text is the original text (Markdown phone links give their label). */
  function parts(text) {
    var s = String(text == null ? '' : text);
    var out = [];
    var at = 0;
    var m;
    KEEP.lastIndex = 0;
    while ((m = KEEP.exec(s)) !== null) {
      if (m.index > at) inProse(s.slice(at, m.index), out);
      var md = MD_PHONE.exec(m[0]);
      out.push(md ? { text: md[1], href: md[2] } : { text: m[0] });
      at = KEEP.lastIndex;
    }
    if (at < s.length) inProse(s.slice(at), out);
    return out;
  }

  /** Markdown with every phone number as a Markdown tel: link (for Web Chat's renderer). */
  function markdown(text) {
    return parts(text).map(function (p) { return p.href ? '[' + p.text + '](' + p.href + ')' : p.text; }).join('');
  }

  /** Appends the text to a DOM node as text nodes and <a href="tel:…"> links (never as HTML). */
  function appendTo(node, text) {
    parts(text).forEach(function (p) {
      if (!p.href) { node.appendChild(document.createTextNode(p.text)); return; }
      var a = document.createElement('a');
      a.setAttribute('href', p.href);
      a.textContent = p.text;
      node.appendChild(a);
    });
    return node;
  }

  window.CouncilPhoneLinks = { parts: parts, markdown: markdown, appendTo: appendTo };
})();
