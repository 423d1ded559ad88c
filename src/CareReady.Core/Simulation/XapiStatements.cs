using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Core.Simulation;

/// <summary>
/// Writes xAPI 1.0.3 statements for simulation runs into <see cref="SimulationStatement"/> for the LRS to
/// ingest. The actor is a pseudonymous account (organisation + staff record id), never a name or email.
/// Activity ids: <c>https://careready.example/xapi/simulations/{CODE}</c> for the scenario and
/// <c>…/{CODE}/nodes/{node}</c> for a decision; the version is in the context extensions.
/// </summary>
public static class XapiStatements
{
    public const string ActivityBase = "https://careready.example/xapi/simulations/";
    public const string ExtensionBase = "https://careready.example/xapi/extensions/";

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["launched"] = "http://adlnet.gov/expapi/verbs/launched",
        ["answered"] = "http://adlnet.gov/expapi/verbs/answered",
        ["completed"] = "http://adlnet.gov/expapi/verbs/completed",
        ["passed"] = "http://adlnet.gov/expapi/verbs/passed",
        ["failed"] = "http://adlnet.gov/expapi/verbs/failed",
    };

    public static void Add(AppDbContext db, ScenarioRun run, ScenarioVersion version, ScenarioDefinition scenario, string verb,
        ScenarioNode? node, ScenarioResponse? response, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(scenario);
        var id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero));
        var activity = ActivityBase + Uri.EscapeDataString(scenario.Code) + (node is null ? string.Empty : "/nodes/" + Uri.EscapeDataString(node.Id));
        var statement = new JsonObject
        {
            ["id"] = id.ToString(),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject
                {
                    ["homePage"] = "https://careready.example/organisations/" + run.OrganisationId.ToString(CultureInfo.InvariantCulture),
                    ["name"] = "staff-" + run.StaffMemberId.ToString(CultureInfo.InvariantCulture),
                },
            },
            ["verb"] = new JsonObject { ["id"] = Verbs[verb], ["display"] = new JsonObject { ["en-GB"] = verb } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activity,
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["en-GB"] = node is null ? scenario.Title : (node.Title.Length > 0 ? node.Title : node.Id) },
                    ["type"] = node is null ? "http://adlnet.gov/expapi/activities/simulation" : "http://adlnet.gov/expapi/activities/cmi.interaction",
                },
            },
            ["timestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["context"] = new JsonObject
            {
                ["registration"] = RegistrationFor(run.Id).ToString(),
                ["extensions"] = new JsonObject
                {
                    [ExtensionBase + "scenario-version"] = version.Number,
                    [ExtensionBase + "run"] = run.Id,
                },
            },
        };
        if (response is not null)
        {
            var extensions = new JsonObject { [ExtensionBase + "confidence"] = response.Confidence };
            if (response.AiAnswer is not null)
            {
                extensions[ExtensionBase + "initial-response"] = response.InitialAnswer;
                extensions[ExtensionBase + "initial-confidence"] = response.InitialConfidence;
                extensions[ExtensionBase + "ai-response"] = response.AiAnswer;
                extensions[ExtensionBase + "ai-correct"] = response.AiCorrect;
            }

            statement["result"] = new JsonObject
            {
                ["response"] = response.Answer,
                ["success"] = response.Correct,
                ["duration"] = string.Create(CultureInfo.InvariantCulture, $"PT{response.ElapsedSeconds:0.##}S"),
                ["extensions"] = extensions,
            };
        }
        else if (verb is "completed" or "passed" or "failed")
        {
            statement["result"] = new JsonObject
            {
                ["completion"] = true,
                ["success"] = run.Passed,
                ["score"] = new JsonObject
                {
                    ["raw"] = run.Score,
                    ["min"] = 0,
                    ["max"] = run.MaxScore,
                    ["scaled"] = run.MaxScore == 0 ? 1 : Math.Round((double)run.Score / run.MaxScore, 4),
                },
            };
        }

        db.SimulationStatements.Add(new SimulationStatement
        {
            OrganisationId = run.OrganisationId,
            StatementId = id,
            RunId = run.Id,
            StaffMemberId = run.StaffMemberId,
            Verb = verb,
            Json = statement.ToJsonString(new JsonSerializerOptions { WriteIndented = false }),
            StoredAt = now,
        });
    }

    /// <summary>A stable registration UUID per run (name-based from the run id).</summary>
    public static Guid RegistrationFor(long runId)
    {
        var bytes = new byte[16];
        var id = BitConverter.GetBytes(runId);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(id);
        }

        Array.Copy(id, 2, bytes, 10, 6); // the low 48 bits of the run id
        bytes[0] = 0xCA;
        bytes[1] = 0x5E;
        bytes[6] = 0x80; // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
