// A SCORM 2004 SCO for CareReady's tests: finds the runtime (window.API_1484_11 in a parent window),
// initialises, and on a button sets its result and asks the LMS to go on (adl.nav.request = continue)
// before it terminates, as sequenced content does.
(function () {
  "use strict";
  var part = new URLSearchParams(window.location.search).get("part") || "?";
  var state = document.getElementById("sco-state");
  var find = function (w) {
    for (var i = 0; w && i < 10; i++, w = w.parent) {
      if (w.API_1484_11) { return w.API_1484_11; }
      if (w === w.parent) { break; }
    }
    return null;
  };
  var api = find(window.parent);
  document.getElementById("part-title").textContent = "Sepsis screening: " + part;
  if (!api || api.Initialize("") !== "true") {
    state.textContent = "No SCORM 2004 runtime";
    return;
  }
  state.textContent = "Part " + part + " running";
  var finish = function (passed) {
    api.SetValue("cmi.completion_status", "completed");
    api.SetValue("cmi.success_status", passed ? "passed" : "failed");
    api.SetValue("cmi.score.scaled", passed ? "0.9" : "0.3");
    api.SetValue("adl.nav.request", "continue");
    api.Commit("");
    api.Terminate("");
  };
  document.getElementById("pass").addEventListener("click", function () { finish(true); });
  document.getElementById("fail").addEventListener("click", function () { finish(false); });
})();
