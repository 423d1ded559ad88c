using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Learning;

/// <summary>Building modules through the authoring API for the authoring tests.</summary>
public static class AuthoringApi
{
    public const string Base = "/api/v1/authoring/modules";

    public static string Version(int moduleId, int number) => $"{Base}/{moduleId}/versions/{number}";

    public static async Task<int> CreateAsync(HttpClient client, string code, string competency = "CSTF-FIRE-1")
    {
        var response = await client.PostAsJsonAsync(Base, new
        {
            code, title = "Fire safety " + code, summary = "What to do when the alarm sounds.", estimatedMinutes = 20, competencies = new[] { competency },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("moduleId").GetInt32();
    }

    public static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Lessons, two outcomes and a question of every type (enough for 2 per outcome): ready to submit.</summary>
    public static async Task FillAsync(HttpClient client, int moduleId, int number = 1)
    {
        var v = Version(moduleId, number);
        await OkAsync(client.PostAsJsonAsync($"{v}/lessons", new { title = "Why fire safety matters", markdown = "Fires start fast.\n\nRaise the alarm.\n\nKnow your exits." }));
        await OkAsync(client.PostAsJsonAsync($"{v}/lessons", new { title = "The fire triangle", markdown = "Heat, fuel and oxygen." }));
        await OkAsync(client.PostAsJsonAsync($"{v}/outcomes", new { code = "LO1", text = "Explain the fire triangle" }));
        await OkAsync(client.PostAsJsonAsync($"{v}/outcomes", new { code = "LO2", text = "Act on discovering a fire" }));
        foreach (var question in Questions)
        {
            await OkAsync(client.PostAsJsonAsync($"{v}/questions", question));
        }
    }

    public static readonly object[] Questions =
    [
        new { key = "F1", outcomeCode = "LO1", type = "Single", text = "Which three make the fire triangle?", feedback = "Heat, fuel, oxygen.",
            options = new[] { new { text = "Heat, fuel and oxygen", correct = true }, new { text = "Heat, smoke and fuel", correct = false } } },
        new { key = "F2", outcomeCode = "LO1", type = "Multiple", text = "Common ignition sources?", feedback = "Electrics and smoking.",
            options = new[] { new { text = "Faulty electrics", correct = true }, new { text = "Smoking", correct = true }, new { text = "A closed door", correct = false } } },
        new { key = "F3", outcomeCode = "LO2", type = "TrueFalse", text = "Use the lift in a fire.", feedback = "Never, unless it is an evacuation lift.", answer = false },
        new { key = "F4", outcomeCode = "LO2", type = "Numeric", text = "Seconds for a door to close?", feedback = "25 seconds.", numericAnswer = 25, tolerance = 5, unit = "seconds" },
        new { key = "F5", outcomeCode = "LO2", type = "Ordering", text = "Order the actions.", feedback = "Alarm first.",
            items = new[] { "Raise the alarm", "Call 2222", "Evacuate" } },
    ];

    public static async Task<JsonElement> GetAsync(HttpClient client, int moduleId, int number) =>
        await client.GetFromJsonAsync<JsonElement>(Version(moduleId, number));

    public static async Task AddRoleAsync(TestApp app, string email, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.True((await users.AddToRoleAsync(user!, role)).Succeeded);
    }
}
