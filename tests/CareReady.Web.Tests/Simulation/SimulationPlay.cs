using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Simulation;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Helpers to publish the seed scenarios and play a run through the HTTP API.</summary>
public static class SimulationPlay
{
    public const string Deteriorating = "SIM-DETERIORATING-ADULT";

    public static string SeedFile(string name) => SeedScenarios.Files().Single(f => f.Name == name).Json;

    /// <summary>Publishes a seed file the way people do: the educator uploads and submits it, the compliance lead approves it.</summary>
    public static async Task PublishAsync(TestApp app, string fileName = "deteriorating-adult.json")
    {
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var (code, number) = await UploadAsync(educator, SeedFile(fileName));
        var submitted = await educator.PostAsync($"/api/v1/simulations/{code}/versions/{number}/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var approved = await lead.PostAsJsonAsync($"/api/v1/simulations/{code}/versions/{number}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    public static async Task<(string Code, int Number)> UploadAsync(HttpClient client, string json)
    {
        var response = await client.PostAsync("/api/v1/simulations", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("code").GetString()!, body.GetProperty("version").GetInt32());
    }

    public static async Task<long> StartAsync(HttpClient client, string code = Deteriorating)
    {
        var response = await client.PostAsync($"/api/v1/simulations/{code}/runs", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> ViewAsync(HttpClient client, long run) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/simulations/runs/{run}");

    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, long run, string node, string[]? options = null, string? number = null, int? confidence = null) =>
        await client.PostAsJsonAsync($"/api/v1/simulations/runs/{run}/steps", new { nodeId = node, options, number, confidence });

    public static async Task OkAsync(HttpClient client, long run, string node, string[]? options = null, string? number = null, int? confidence = null)
    {
        var response = await StepAsync(client, run, node, options, number, confidence);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Plays the deteriorating-adult scenario: right with the AI for Mr Okafor; for Mrs Patel right at first, then
    /// switches to the AI's wrong "wait" (one over-reliance); keeps the right answer against the AI for Mr Jones.
    /// </summary>
    public static async Task<long> PlayWithOneOverRelianceAsync(HttpClient learner)
    {
        var run = await StartAsync(learner);
        await OkAsync(learner, run, "intro");
        await OkAsync(learner, run, "okafor-obs");
        await OkAsync(learner, run, "okafor-news2", number: "8");
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 80);
        await OkAsync(learner, run, "okafor-ai", ["emergency"], confidence: 90);
        await OkAsync(learner, run, "patel-intro");
        await OkAsync(learner, run, "patel-obs");
        await OkAsync(learner, run, "patel-ai", ["urgent"], confidence: 70);
        await OkAsync(learner, run, "patel-ai", ["wait"], confidence: 60);
        await OkAsync(learner, run, "jones-obs");
        await OkAsync(learner, run, "jones-news2", number: "3");
        await OkAsync(learner, run, "jones-ai", ["continue"], confidence: 60);
        await OkAsync(learner, run, "jones-ai", ["continue"], confidence: 70);
        await OkAsync(learner, run, "handover", ["report"]);
        return run;
    }
}
