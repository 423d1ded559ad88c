// The test SCO (SCORM 1.2): finds the API in a parent window, shows where the learner left off, and on
// the button reports passed, commits and finishes. Shows the learner's language and sound as the LMS gave them.
(function () {
  "use strict";
  function findApi(win) {
    for (var i = 0; win && i < 10; i++) {
      if (win.API) { return win.API; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var api = findApi(window);
  var where = document.getElementById("where");
  var result = document.getElementById("result");
  if (!api) {
    where.textContent = "No SCORM API found.";
    return;
  }

  api.LMSInitialize("");
  var location = api.LMSGetValue("cmi.core.lesson_location");
  where.textContent = location ? "Resumed at " + location + " (" + api.LMSGetValue("cmi.suspend_data") + ")." : "Started from the beginning.";
  var audio = api.LMSGetValue("cmi.student_preference.audio");
  document.getElementById("preferences").textContent = "Language " + api.LMSGetValue("cmi.student_preference.language") +
    "; sound " + (audio === "-1" ? "off" : "on") + ".";
  api.LMSSetValue("cmi.core.lesson_location", "page-2");
  api.LMSSetValue("cmi.suspend_data", "seen=1,2");
  api.LMSSetValue("cmi.core.exit", "suspend");
  api.LMSCommit("");

  document.getElementById("pass").addEventListener("click", function () {
    api.LMSSetValue("cmi.core.score.raw", "90");
    api.LMSSetValue("cmi.core.lesson_status", "passed");
    api.LMSSetValue("cmi.core.exit", "");
    var committed = api.LMSCommit("");
    var finished = api.LMSFinish("");
    result.textContent = "Passed: commit " + committed + ", finish " + finished + ".";
  });
})();
