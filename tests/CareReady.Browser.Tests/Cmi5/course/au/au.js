// A minimal cmi5 AU with plain fetch, following the cmi5 spec (sections 8–10):
// read the launch parameters, POST the fetch URL once for the auth token, read LMS.LaunchData,
// send "initialized", then "completed" + "passed"/"failed" and "terminated" with the context template —
// in a Browse or Review launch only "terminated" (launchMode: nothing about progress is recorded).
(async function () {
  const params = new URLSearchParams(window.location.search);
  const endpoint = params.get("endpoint");
  const actor = JSON.parse(params.get("actor"));
  const registration = params.get("registration");
  const activityId = params.get("activityId");
  const status = document.getElementById("status");
  const started = Date.now();

  const tokenResponse = await fetch(params.get("fetch"), { method: "POST" });
  const token = (await tokenResponse.json())["auth-token"];
  if (!token) {
    status.textContent = "This launch link has already been used. Launch the course again.";
    return;
  }

  const headers = { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
  const stateQuery = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: "LMS.LaunchData" });
  const launchData = await (await fetch(endpoint + "activities/state?" + stateQuery, { headers })).json();

  function statement(verb, result) {
    const context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    context.contextActivities.category = [{ id: "https://w3id.org/xapi/cmi5/context/categories/cmi5" }];
    if (result && (result.success !== undefined || result.completion !== undefined)) {
      context.contextActivities.category.push({ id: "https://w3id.org/xapi/cmi5/context/categories/moveon" });
    }
    const s = { id: crypto.randomUUID(), actor, verb: { id: verb }, object: { id: activityId }, context, timestamp: new Date().toISOString() };
    if (result) { s.result = result; }
    return s;
  }

  async function send(statements) {
    const response = await fetch(endpoint + "statements", { method: "POST", headers, body: JSON.stringify(statements) });
    if (!response.ok) { throw new Error("LRS " + response.status + ": " + await response.text()); }
  }

  function duration() { return "PT" + Math.max(1, Math.round((Date.now() - started) / 1000)) + "S"; }

  await send([statement("http://adlnet.gov/expapi/verbs/initialized")]);
  status.textContent = "Answer the question, then choose Finish.";
  const form = document.getElementById("question");
  form.hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (launchData.launchMode !== "Normal") {
      try {
        await send([statement("http://adlnet.gov/expapi/verbs/terminated", { duration: duration() })]);
        form.hidden = true;
        status.textContent = launchData.launchMode + " finished: nothing was recorded.";
        document.getElementById("return").href = launchData.returnURL;
        document.getElementById("done").hidden = false;
      } catch (e) {
        status.textContent = "Could not finish: " + e.message;
      }
      return;
    }

    const answer = new FormData(form).get("answer");
    const scaled = answer === "yes" ? 1 : 0;
    const passed = scaled >= (launchData.masteryScore ?? 0);
    const verdict = passed
      ? statement("http://adlnet.gov/expapi/verbs/passed", { score: { scaled }, success: true, duration: duration() })
      : statement("http://adlnet.gov/expapi/verbs/failed", { score: { scaled }, success: false, duration: duration() });
    try {
      await send([
        statement("http://adlnet.gov/expapi/verbs/completed", { completion: true, duration: duration() }),
        verdict,
        statement("http://adlnet.gov/expapi/verbs/terminated", { duration: duration() }),
      ]);
      form.hidden = true;
      status.textContent = passed ? "You passed." : "Not passed this time.";
      const back = document.getElementById("return");
      back.href = launchData.returnURL;
      document.getElementById("done").hidden = false;
    } catch (e) {
      status.textContent = "Your result could not be saved: " + e.message;
    }
  });
})();
