// storyfold: the one script of the web UI (no inline scripts: the Content-Security-Policy forbids them).
// On a story page, a button switches the sources between side by side and stacked; the choice is kept.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var button = document.getElementById("layout-toggle");
  var columns = document.getElementById("columns");
  if (!button || !columns) {
    return;
  }
  function show(stacked) {
    columns.classList.toggle("stacked", stacked);
    button.textContent = stacked ? "side by side" : "stack";
  }
  var stored = null;
  try {
    stored = window.localStorage.getItem("storyfold-stacked");
  } catch (e) {
    stored = null;
  }
  show(stored === "1");
  button.hidden = false;
  button.addEventListener("click", function () {
    var stacked = !columns.classList.contains("stacked");
    show(stacked);
    try {
      window.localStorage.setItem("storyfold-stacked", stacked ? "1" : "0");
    } catch (e) {
      // storage refused: the choice lasts for this page only
    }
  });
});
