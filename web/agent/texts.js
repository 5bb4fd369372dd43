'use strict';
/*
 * The agent console's words in the console's language (knowledge/messages/<locale>/console-pages.yaml),
 * which the server puts in the page as <script type="application/json" id="console-text">:
 * ConsoleText.say(id, values) is a message with each {placeholder} filled in; ConsoleText.locale
 * formats dates and numbers.
 */
(function () {
  var data = {};
  var block = document.getElementById('console-text');
  try {
    data = JSON.parse(block ? block.textContent : '{}');
  } catch {
    data = {};
  }
  var words = data.words || {};
  window.ConsoleText = {
    locale: data.locale || 'en-GB',
    say: function (id, values) {
      var text = Object.prototype.hasOwnProperty.call(words, id) ? words[id] : id;
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return values && values[name] !== undefined && values[name] !== null ? String(values[name]) : whole;
      });
    },
  };
})();
