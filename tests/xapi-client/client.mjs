// Drives the CareReady LRS with the @xapi/xapi client library: sends statements (one and a batch),
// reads them back with filters and the `more` link, and writes / reads / merges State. Prints one JSON
// line with what it saw; exits non-zero on the first failure. Usage: node client.mjs ENDPOINT KEY SECRET
import XAPI from "@xapi/xapi";

const [endpoint, key, secret] = process.argv.slice(2);
const xapi = new XAPI({ endpoint, auth: XAPI.toBasicAuth(key, secret), version: "1.0.3", adapter: "axios" });
const learner = { objectType: "Agent", name: "Amara Okafor", mbox: "mailto:amara.client@test.example" };
const course = "https://elearning.example/courses/client-library";
const verb = (id) => ({ id: `http://adlnet.gov/expapi/verbs/${id}`, display: { "en-GB": id } });
const statement = (v, activity) => ({ actor: learner, verb: verb(v), object: { objectType: "Activity", id: activity, definition: { name: { "en-GB": "Client library course" } } } });
const registration = "5a4e6a8b-2f65-4c4e-9a55-0c3d0cbe7d11";

const result = {};
const one = await xapi.sendStatement({ statement: { ...statement("attempted", course), context: { registration } } });
result.sentOne = one.data.length;
const batch = await xapi.sendStatements({ statements: [statement("experienced", `${course}/page-1`), statement("experienced", `${course}/page-2`), { ...statement("passed", course), result: { success: true, score: { scaled: 0.9 } }, context: { registration } }] });
result.sentBatch = batch.data.length;

const byId = await xapi.getStatement({ statementId: batch.data[2] });
result.readById = byId.data.verb.id;

const byAgent = await xapi.getStatements({ agent: learner, limit: 2 });
result.byAgentFirstPage = byAgent.data.statements.length;
result.byAgentHasMore = byAgent.data.more !== "";
const more = await xapi.getMoreStatements({ more: byAgent.data.more });
result.byAgentSecondPage = more.data.statements.length;

const byActivity = await xapi.getStatements({ activity: course });
result.byActivity = byActivity.data.statements.map((s) => s.verb.id.split("/").pop());
const byVerbAndRegistration = await xapi.getStatements({ verb: verb("passed").id, registration });
result.byVerbAndRegistration = byVerbAndRegistration.data.statements.length;
const related = await xapi.getStatements({ activity: course, related_activities: true, ascending: true });
result.relatedAscending = related.data.statements.length;

await xapi.setState({ agent: learner, activityId: course, stateId: "bookmark", registration, state: { page: 3, seen: [1, 2] } });
const state = await xapi.getState({ agent: learner, activityId: course, stateId: "bookmark", registration });
result.state = state.data;
result.stateEtag = typeof state.headers.etag === "string" && state.headers.etag.length > 2;
await xapi.setState({ agent: learner, activityId: course, stateId: "bookmark", registration, state: { page: 4 }, etag: state.headers.etag, matchHeader: "If-Match" });
const updated = await xapi.getState({ agent: learner, activityId: course, stateId: "bookmark", registration });
result.updatedState = updated.data;
const ids = await xapi.getStates({ agent: learner, activityId: course, registration });
result.stateIds = ids.data;

console.log(JSON.stringify(result));
