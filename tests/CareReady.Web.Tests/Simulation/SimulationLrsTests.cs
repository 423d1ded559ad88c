using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Simulation;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>A run's xAPI statements reach the organisation's LRS: readable at /xapi/statements by its clients, never lost, never duplicated.</summary>
public class SimulationLrsTests
{
    private const string Activity = XapiStatements.ActivityBase + Deteriorating;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_played_scenario_is_read_back_through_the_LRS_by_activity_and_registration_exactly_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Simulation:IngestEnabled"] = "false" });
        await PublishAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var run = await PlayWithOneOverRelianceAsync(learner);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, write: false);

        // The scenario activity: launched, completed, passed — newest first, as the LRS orders them.
        var byActivity = await Lrs.GetJsonAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(Activity));
        var verbs = byActivity["statements"]!.AsArray().Select(s => s!["verb"]!["id"]!.GetValue<string>()[(s["verb"]!["id"]!.GetValue<string>().LastIndexOf('/') + 1)..]).ToList();
        Assert.Equal(["passed", "completed", "launched"], verbs);
        var stored = byActivity["statements"]![0]!;
        Assert.Equal("careready-simulations", stored["authority"]!["account"]!["name"]!.GetValue<string>());
        Assert.Equal($"staff-{app.Data.NurseA.Id}", stored["actor"]!["account"]!["name"]!.GetValue<string>());

        // The whole run by its registration, and one decision point by its activity.
        var registration = XapiStatements.RegistrationFor(run);
        Assert.Equal(9, (await Lrs.GetJsonAsync(lrs, $"/xapi/statements?registration={registration}&limit=50"))["statements"]!.AsArray().Count);
        var patel = (await Lrs.GetJsonAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(Activity + "/nodes/patel-ai")))["statements"]!.AsArray();
        Assert.False(Assert.Single(patel)!["result"]!["success"]!.GetValue<bool>());

        // The existing feed still serves them, now marked as taken in.
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var feed = JsonNode.Parse(await lead.GetStringAsync("/api/v1/simulations/statements"))!;
        Assert.Equal(9, feed["statements"]!.AsArray().Count);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.SimulationStatements.CountAsync(s => s.IngestedAt == null));

            // As if the process had stopped after storing in the LRS but before marking, and another run's statement
            // was written but never stored: the background round stores the missing one and duplicates nothing.
            await db.SimulationStatements.ExecuteUpdateAsync(u => u.SetProperty(s => s.IngestedAt, (DateTime?)null));
            var launched = await db.SimulationStatements.FirstAsync(s => s.RunId == run && s.Verb == "launched");
            var lostId = Guid.NewGuid();
            db.SimulationStatements.Add(new SimulationStatement
            {
                OrganisationId = app.Data.OrgA, StatementId = lostId, RunId = run, StaffMemberId = app.Data.NurseA.Id, Verb = "launched",
                Json = launched.Json.Replace(launched.StatementId.ToString(), lostId.ToString(), StringComparison.Ordinal), StoredAt = launched.StoredAt,
            });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(10, await scope.ServiceProvider.GetRequiredService<IngestSimulationStatements>().RunAllAsync());
        }

        Assert.Equal(10, (await Lrs.GetJsonAsync(lrs, $"/xapi/statements?registration={registration}&limit=50"))["statements"]!.AsArray().Count);
        Assert.Equal(4, (await Lrs.GetJsonAsync(lrs, "/xapi/statements?activity=" + Uri.EscapeDataString(Activity)))["statements"]!.AsArray().Count);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.SimulationStatements.CountAsync(s => s.IngestedAt == null));
            Assert.Equal(10, await db.XapiStatements.CountAsync(s => s.OrganisationId == app.Data.OrgA));
        }

        // Another organisation's LRS client sees none of it.
        var other = await Lrs.ClientAsync(app, app.Data.OrgB, write: false);
        Assert.Empty((await Lrs.GetJsonAsync(other, "/xapi/statements?activity=" + Uri.EscapeDataString(Activity)))["statements"]!.AsArray());
    }
}
