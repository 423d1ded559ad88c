using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CareReady.Core.Xapi;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>LRS clients and statements for the xAPI tests.</summary>
internal static class Lrs
{
    public const string Mbox = "mailto:amara.okafor@test.example";

    /// <summary>A new LRS client of <paramref name="organisationId"/> and an HttpClient that authenticates as it and sends the version header.</summary>
    public static async Task<HttpClient> ClientAsync(TestApp app, int organisationId, string version = "1.0.3", bool read = true, bool write = true)
    {
        LrsCredentials credentials;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            credentials = await scope.ServiceProvider.GetRequiredService<CreateLrsClient>()
                .RunAsync(new CreateLrsClientInput(organisationId, "Test LMS", read, write), "test");
        }

        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = Basic(credentials.Key, credentials.Secret);
        if (version.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Experience-API-Version", version);
        }

        return client;
    }

    public static AuthenticationHeaderValue Basic(string key, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(key + ":" + secret)));

    public static JsonObject Statement(string mbox = Mbox, string verb = "http://adlnet.gov/expapi/verbs/experienced", string activity = "https://careready.example/activities/fire-safety", Guid? id = null) =>
        new()
        {
            ["id"] = (id ?? Guid.NewGuid()).ToString(),
            ["actor"] = new JsonObject { ["objectType"] = "Agent", ["name"] = "Amara", ["mbox"] = mbox },
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-GB"] = "did", ["fr"] = "a fait" } },
            ["object"] = new JsonObject
            {
                ["id"] = activity,
                ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-GB"] = "Fire safety" } },
            },
        };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body) =>
        client.PostAsync("/xapi/statements", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>POSTs and asserts 200, naming the status and the LRS's message when it is not.</summary>
    public static async Task PostOkAsync(HttpClient client, JsonNode body)
    {
        var response = await PostAsync(client, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, JsonNode body, Guid id) =>
        client.PutAsync("/xapi/statements?statementId=" + id, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.StartsWith('{') && JsonNode.Parse(text)?["detail"] is JsonValue detail ? detail.GetValue<string>() : text;
    }

    public static string Agent(string mbox = Mbox) => Uri.EscapeDataString(new JsonObject { ["mbox"] = mbox }.ToJsonString());
}
