using System.Globalization;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Demo;

/// <summary>
/// The demo trust's Learning Record Store: an LRS client for a (fictional) national e-learning service, its fire
/// safety course mapped to the FIRE-SAFETY module, and a few hundred statements from demo staff — attempts, passes
/// and fails on that course and two unmapped ones over the last two months. The statements go in through
/// <see cref="StoreStatements"/> like any client's, so the passes on the mapped course become completions of
/// the module's competencies (the demo learner's among them). Does nothing once the client exists.
/// </summary>
public sealed class DemoLearningRecords(AppDbContext db, StoreStatements store, ActivityMappings mappings, CreateLrsClient clients)
{
    public const string ClientName = "National e-learning (demo)";
    public const string Endpoint = "http://localhost:5080/xapi/";
    private const string Courses = "https://elearning.example.nhs.uk/xapi/courses/";
    public const string FireSafetyCourse = Courses + "fire-safety-level-1";

    private static readonly (string Iri, string Name)[] Catalogue =
    [
        (FireSafetyCourse, "Fire Safety – Level 1"),
        (Courses + "dementia-awareness", "Dementia Awareness"),
        (Courses + "sepsis-recognition", "Recognising Sepsis"),
    ];

    /// <returns>The number of statements stored (0 when the demo records exist already or there is no demo trust).</returns>
    public async Task<int> SeedAsync(DateOnly today, CancellationToken ct = default)
    {
        var orgId = await db.Organisations.AsNoTracking().Where(o => o.Code == DemoOrganisationGenerator.OrganisationCode)
            .Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (orgId is not int org || await db.LrsClients.AnyAsync(c => c.OrganisationId == org && c.Name == ClientName, ct))
        {
            return 0;
        }

        var credentials = await clients.RunAsync(new CreateLrsClientInput(org, ClientName, CanRead: true, CanWrite: true), "demo", ct);
        await mappings.AddAsync(org, new MappingInput(FireSafetyCourse, "FIRE-SAFETY", null), "demo", ct);

        // The demo learner first, then staff in employee-number order: the same people on every seed.
        var learner = await db.Users.AsNoTracking().Where(u => u.Email == DemoSeeder.LearnerEmail && u.StaffMemberId != null)
            .Select(u => u.StaffMemberId).FirstOrDefaultAsync(ct);
        var staff = await db.Staff.AsNoTracking().Where(s => s.OrganisationId == org && s.LeavingDate == null && s.WorkEmail != "")
            .OrderBy(s => s.Id == learner ? 0 : 1).ThenBy(s => s.EmployeeNumber)
            .Select(s => new { s.WorkEmail, Name = s.FirstName + " " + s.LastName }).Take(60).ToListAsync(ct);

        var random = new Random(2026);
        var statements = new List<JsonNode?>();
        for (var p = 0; p < staff.Count; p++)
        {
            var person = staff[p];
            foreach (var (iri, name) in Catalogue.Where((_, i) => p == 0 || random.Next(3) > 0 || i == 0))
            {
                var day = today.AddDays(-random.Next(1, 60));
                var at = day.ToDateTime(new TimeOnly(7 + random.Next(14), random.Next(60)), DateTimeKind.Utc);
                var registration = Guid.NewGuid();
                JsonObject Statement(string verb, int minutes, JsonObject? result = null) =>
                    StatementOf(person.WorkEmail, person.Name, verb, iri, name, registration, at.AddMinutes(minutes), result);

                statements.Add(Statement("attempted", 0));
                var minutes = 25 + random.Next(20);
                if (p == 0 || random.Next(10) < 8) // the demo learner passes: their record shows it
                {
                    statements.Add(Statement("passed", minutes, Scored(true, 0.8 + (random.Next(21) / 100.0))));
                }
                else
                {
                    statements.Add(Statement("failed", minutes, Scored(false, 0.4 + (random.Next(35) / 100.0))));
                }
            }
        }

        var caller = new LrsCaller(credentials.ClientId, org, ClientName, credentials.Key, CanRead: true, CanWrite: true, Endpoint);
        foreach (var batch in statements.Chunk(100))
        {
            await store.RunAsync(caller, batch, batch: true, XapiVersion.V103, putId: null, ct);
        }

        return statements.Count;
    }

    private static JsonObject Scored(bool success, double scaled) => new()
    {
        ["completion"] = true,
        ["success"] = success,
        ["score"] = new JsonObject { ["scaled"] = Math.Round(scaled, 2) },
    };

    private static JsonObject StatementOf(string email, string personName, string verb, string activity, string activityName, Guid registration, DateTime at, JsonObject? result)
    {
        var statement = new JsonObject
        {
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = personName, ["mbox"] = "mailto:" + email.ToLowerInvariant() },
            ["verb"] = new JsonObject
            {
                ["id"] = "http://adlnet.gov/expapi/verbs/" + verb,
                ["display"] = new JsonObject { ["en-GB"] = verb },
            },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activity,
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["en-GB"] = activityName },
                    ["type"] = "http://adlnet.gov/expapi/activities/course",
                },
            },
            ["context"] = new JsonObject { ["registration"] = registration.ToString("D"), ["platform"] = "National e-learning (demo)" },
            ["timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (result is not null)
        {
            statement["result"] = result;
        }

        return statement;
    }
}
