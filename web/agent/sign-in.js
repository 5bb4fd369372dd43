'use strict';
// Moves focus to the error summary after a failed sign-in, so screen readers announce it.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
  else document.getElementById('username').focus();
});
