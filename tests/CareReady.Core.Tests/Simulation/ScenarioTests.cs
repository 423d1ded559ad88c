using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Model;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Core.Tests.Simulation;

/// <summary>The shipped model, trained once for the test class into a temporary folder.</summary>
public sealed class ShippedModelFixture : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "careready-model-" + Guid.NewGuid().ToString("N"));

    public ShippedModelFixture() => Model = MlNetDeteriorationModel.LoadOrTrain(_dir, SimulationDefaults.ModelSeed);

    public MlNetDeteriorationModel Model { get; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public sealed class ScenarioTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    [Fact]
    public void Six_seed_scenarios_parse_and_each_has_an_ai_decision_where_the_ai_is_wrong()
    {
        var files = SeedScenarios.Files();
        Assert.Equal(6, files.Count);
        foreach (var (name, json) in files)
        {
            var parsed = ScenarioParser.Parse(json);
            Assert.True(parsed.Succeeded, name + ": " + string.Join("; ", parsed.Errors));
            var scenario = parsed.Scenario!;
            var verdicts = scenario.Nodes.Where(n => n.Kind == NodeKind.AiDecision)
                .Select(n => ScenarioEngine.AiOutput(scenario, n, fixture.Model).Answer == n.Correct).ToList();
            Assert.Contains(false, verdicts);
        }
    }

    [Fact]
    public void The_early_warning_cases_come_from_the_real_model_right_stale_and_out_of_scope()
    {
        var scenario = ScenarioParser.Parse(SeedScenarios.Files().Single(f => f.Name == "deteriorating-adult.json").Json).Scenario!;
        var okafor = ScenarioEngine.AiOutput(scenario, scenario.Node("okafor-ai"), fixture.Model);
        var patel = ScenarioEngine.AiOutput(scenario, scenario.Node("patel-ai"), fixture.Model);
        var jones = ScenarioEngine.AiOutput(scenario, scenario.Node("jones-ai"), fixture.Model);
        Assert.Equal("emergency", okafor.Answer);   // right
        Assert.Equal("wait", patel.Answer);         // wrong: seven-hour-old observations
        Assert.Equal(7, patel.HoursSinceObservations);
        Assert.Equal("escalate", jones.Answer);     // wrong: SpO2 scale 2 patient, outside scope
        Assert.NotEmpty(okafor.Factors);
        Assert.Contains("SpO2 below 96%", jones.Factors.Select(f => f.Factor));
        Assert.Equal(8, ScenarioEngine.NumericAnswer(scenario, scenario.Node("okafor-news2")));
        Assert.Equal(3, ScenarioEngine.NumericAnswer(scenario, scenario.Node("jones-news2")));
    }

    [Fact]
    public void A_file_with_errors_is_rejected_listing_each_error_with_its_path()
    {
        const string json = """
        {
          "format": "careready-scenario/1",
          "code": "bad code",
          "title": "Broken",
          "summary": "A file with mistakes",
          "colour": "blue",
          "state": { "escalated": 0 },
          "start": "nowhere",
          "nodes": [
            { "id": "intro", "type": "narrative", "text": "Hello", "next": "missing" },
            { "id": "intro", "type": "question", "kind": "single", "prompt": "?", "options": [ { "id": "a", "text": "A" }, { "id": "b", "text": "B" } ], "answer": ["c"], "next": "end" },
            { "id": "vitals", "type": "observations", "vitals": [ { "time": "08:00", "rr": "fast", "spo2": 97, "sbp": 120, "pulse": 80, "consciousness": "X" } ], "next": "end" },
            { "id": "ai", "type": "ai-decision", "prompt": "?", "options": [ { "id": "a", "text": "A" }, { "id": "b", "text": "B" } ], "correct": "z",
              "ai": { "source": "model", "observations": "intro", "highRisk": "a", "lowRisk": "q" },
              "links": [ { "when": { "var": "unknown", "op": "=>", "value": 1 }, "to": "end" } ] },
            { "id": "x", "type": "teleport" },
            { "id": "end", "type": "end", "text": "Done" }
          ]
        }
        """;
        var result = ScenarioParser.Parse(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Scenario);
        var paths = result.Errors.Select(e => e.Path).ToList();
        string[] expected =
        [
            "$.colour", "$.code", "$.start", "$.nodes[0].next", "$.nodes[1].id", "$.nodes[1].answer[0]",
            "$.nodes[2].vitals[0].rr", "$.nodes[2].vitals[0].consciousness", "$.nodes[3].correct", "$.nodes[3].ai.observations",
            "$.nodes[3].ai.lowRisk", "$.nodes[3].links[0].when.var", "$.nodes[3].links[0].when.op", "$.nodes[3].links", "$.nodes[4].type",
        ];
        foreach (var path in expected)
        {
            Assert.Contains(path, paths);
        }

        Assert.Equal(expected.Length, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Path == "$.nodes[0].next" && e.Message == "\"missing\" is not the id of a node.");
        Assert.Contains(result.Errors, e => e.Path == "$.nodes[2].vitals[0].rr" && e.Message == "expected a number, found text.");
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var result = ScenarioParser.Parse("{\n  \"code\": \"X\",\n  \"title\": \n}");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith("not valid JSON (line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditional_links_follow_the_state()
    {
        var node = new ScenarioNode("n", NodeKind.Narrative, "", "", [new Link(new Condition("escalated", ">=", 1), "yes"), new Link(null, "no")]);
        Assert.Equal("yes", ScenarioEngine.Next(node, null, new Dictionary<string, double> { ["escalated"] = 1 }));
        Assert.Equal("no", ScenarioEngine.Next(node, null, new Dictionary<string, double> { ["escalated"] = 0 }));
    }
}
