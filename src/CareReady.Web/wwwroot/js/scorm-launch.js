// Hosts a SCORM package (src/CareReady.Web/Scorm/Launch.cshtml): starts the scorm-again runtime as
// window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004) with the attempt's saved CMI, commits to
// CareReady's endpoint (flattened JSON), then loads the SCO into the iframe, where it finds the API in
// its parent window. A SCORM 2004 SCO may ask to move on when it terminates (adl.nav.request: continue,
// previous, {target=ID}choice, exit, exitAll): the page follows, and CareReady's sequencing decides where that
// leads (or says why not).
(function () {
  "use strict";
  var player = document.getElementById("scorm-player");
  var frame = document.getElementById("scorm-content");
  var status = document.getElementById("scorm-status");
  if (!player || !frame) {
    return;
  }

  var is12 = player.dataset.edition === "Scorm12";
  var settings = {
    lmsCommitUrl: player.dataset.commitUrl,
    dataCommitFormat: "flattened",
    autocommit: true,
    autocommitSeconds: 30,
    sendFullCommit: true,
    logLevel: 4,
    fetchMode: "same-origin",
  };
  var Runtime = is12 ? window.Scorm12API : window.Scorm2004API;
  if (typeof Runtime !== "function") {
    if (status) {
      status.textContent = "The e-learning player could not start. Reload the page; if it happens again, contact the education team.";
    }
    return;
  }

  var api = new Runtime(settings);
  api.loadFromFlattenedJSON(JSON.parse(player.dataset.initial || "{}"), "");
  if (is12) {
    window.API = api;
  } else {
    window.API_1484_11 = api;
  }

  var say = function (text) {
    if (status) {
      status.textContent = text;
    }
  };
  api.on(is12 ? "LMSCommit" : "Commit", function () { say("Progress saved."); });
  api.on(is12 ? "LMSFinish" : "Terminate", function () { say("Finished. Your progress is saved; you can go back to the module."); });

  if (!is12) {
    var go = function (query) { window.location.assign(player.dataset.navigateUrl + query); };
    var parts = JSON.parse(player.dataset.parts || "{}");
    api.on("SequenceNext", function () { go("?nav=continue"); });
    api.on("SequencePrevious", function () { go("?nav=previous"); });
    api.on("SequenceChoice", function (target) {
      if (Object.prototype.hasOwnProperty.call(parts, target)) {
        go("?sco=" + parts[target]);
      } else {
        say("The package asked for a part it does not have (" + target + "). Pick a part from the list below.");
      }
    });
    var leave = function () { window.location.assign(player.dataset.moduleUrl); };
    ["SequenceExit", "SequenceExitAll", "SequenceAbandon", "SequenceAbandonAll", "SequenceSuspendAll"].forEach(function (name) { api.on(name, leave); });
  }

  frame.src = player.dataset.contentUrl;
})();
