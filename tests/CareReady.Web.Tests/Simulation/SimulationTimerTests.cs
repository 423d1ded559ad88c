using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Timed nodes: the player shows the time left (static text, and a live countdown's announcer), the server enforces the limit.</summary>
public class SimulationTimerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_right_answer_after_the_limit_scores_nothing_and_the_player_shows_the_time_left(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, settings: new Dictionary<string, string?> { ["Simulation:IngestEnabled"] = "false" });
        await PublishAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var run = await StartAsync(learner);
        await OkAsync(learner, run, "intro");
        await OkAsync(learner, run, "okafor-obs");
        await OkAsync(learner, run, "okafor-news2", number: "8");
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 80);
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 90);
        await OkAsync(learner, run, "patel-intro");
        await OkAsync(learner, run, "patel-obs");

        // Mrs Patel's decision has 5 minutes for both steps, measured on the server from when it was first shown.
        app.Clock.Advance(TimeSpan.FromSeconds(100));
        var page = await learner.GetStringAsync($"/simulations/runs/{run}");
        Assert.Contains("data-seconds-left=\"200\"", page, StringComparison.Ordinal);
        Assert.Contains("about 3:20 left when this page opened", page, StringComparison.Ordinal); // the text without script
        Assert.Contains("role=\"status\" aria-live=\"polite\"", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/simulation-timer.js\"", page, StringComparison.Ordinal);
        Assert.Equal(200, (await ViewAsync(learner, run)).GetProperty("secondsLeft").GetInt32());

        await OkAsync(learner, run, "patel-ai", ["urgent"], confidence: 70);
        app.Clock.Advance(TimeSpan.FromSeconds(201));
        Assert.Equal(0, (await ViewAsync(learner, run)).GetProperty("secondsLeft").GetInt32());
        await OkAsync(learner, run, "patel-ai", ["urgent"], confidence: 80);

        await using var db = app.NewDbContext();
        var answer = await db.ScenarioResponses.SingleAsync(r => r.RunId == run && r.NodeId == "patel-ai");
        Assert.Equal((true, true, 0, 301.0), (answer.Correct, answer.Late, answer.Points, answer.ElapsedSeconds));
        var okafor = await db.ScenarioResponses.SingleAsync(r => r.RunId == run && r.NodeId == "okafor-ai");
        Assert.Equal((false, 1), (okafor.Late, okafor.Points));
        var current = (await ViewAsync(learner, run)).GetProperty("nodeId").GetString();
        Assert.Equal("jones-obs", current); // no timeoutNext: a late answer follows the node's own link
        Assert.Equal(JsonValueKind.Null, (await ViewAsync(learner, run)).GetProperty("secondsLeft").ValueKind);
    }
}
