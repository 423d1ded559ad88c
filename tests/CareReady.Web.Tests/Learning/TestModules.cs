using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Learning;

/// <summary>
/// A small published module for organisation A (or B) that confers Adult BLS (which nurse A is overdue
/// on), with two outcomes of three questions each (every question type), two drawn per outcome, and
/// the answer key the tests use to answer right or wrong.
/// </summary>
public static class TestModules
{
    public const string Code = "BLS-TEST";

    /// <summary>The right response per question key, in the form the API takes.</summary>
    public static readonly IReadOnlyDictionary<string, string> RightAnswers = new Dictionary<string, string>
    {
        ["Q1"] = "1", ["Q2"] = "0,2", ["Q3"] = "true", ["Q4"] = "30", ["Q5"] = "0,1,2", ["Q6"] = "2",
    };

    public static readonly IReadOnlyDictionary<string, string> WrongAnswers = new Dictionary<string, string>
    {
        ["Q1"] = "0", ["Q2"] = "0", ["Q3"] = "false", ["Q4"] = "15", ["Q5"] = "2,1,0", ["Q6"] = "0",
    };

    /// <summary>Starts an attempt through the API and returns it as the learner sees it.</summary>
    public static async Task<JsonElement> StartAttemptAsync(HttpClient learner, int moduleId)
    {
        var started = await learner.PostAsync($"/api/v1/modules/{moduleId}/attempts", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attemptId").GetInt64();
        return await learner.GetFromJsonAsync<JsonElement>($"/api/v1/attempts/{id}");
    }

    /// <summary>The responses to an attempt's questions from an answer key, keyed by position as the API takes them.</summary>
    public static Dictionary<string, string> Responses(JsonElement attempt, IReadOnlyDictionary<string, string> key) =>
        attempt.GetProperty("items").EnumerateArray().ToDictionary(
            i => i.GetProperty("position").GetInt32().ToString(CultureInfo.InvariantCulture),
            i => key[i.GetProperty("questionKey").GetString()!]);

    public static async Task<(int ModuleId, int VersionId)> AddAsync(TestApp app, int organisationId, int attemptLimit = 2)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var bls = await db.Competencies.SingleAsync(c => c.Code == "CSTF-RES-2A");
        var version = new ModuleVersion
        {
            OrganisationId = organisationId,
            Module = new Module { OrganisationId = organisationId, Code = Code, CreatedAt = TestApp.DefaultNow.UtcDateTime },
            Number = 1,
            Status = ModuleStatus.Published,
            Title = "Adult basic life support",
            Summary = "Recognise cardiac arrest and start CPR.",
            EstimatedMinutes = 20,
            AttemptLimit = attemptLimit,
            Contact = "Resuscitation team, extension 2222",
            CreatedBy = "test",
            Lessons =
            [
                new ModuleLesson { Position = 1, Title = "Recognising cardiac arrest", Markdown = "## Check for a response\n\n| Step | Do |\n|---|---|\n| 1 | Shout |\n\n> [!WARNING]\n> Do not delay.\n\n![Chain of survival](media/chain.svg)\n\n<script>alert(1)</script>" },
                new ModuleLesson { Position = 2, Title = "Compressions", Markdown = "Push hard and fast." },
            ],
            Outcomes =
            [
                new LearningOutcome { Position = 1, Code = "LO1", Text = "Recognise cardiac arrest" },
                new LearningOutcome { Position = 2, Code = "LO2", Text = "Give effective compressions" },
            ],
            Questions =
            [
                new Question { Position = 1, Key = "Q1", OutcomeCode = "LO1", Type = QuestionType.Single, Text = "First thing to check?", Feedback = "Danger first.",
                    Options = [new("Pulse", false), new("Danger", true), new("Pupils", false)] },
                new Question { Position = 2, Key = "Q2", OutcomeCode = "LO1", Type = QuestionType.Multiple, Text = "Signs of cardiac arrest?", Feedback = "Unresponsive, not breathing normally.",
                    Options = [new("Unresponsive", true), new("Talking", false), new("Not breathing normally", true)] },
                new Question { Position = 3, Key = "Q3", OutcomeCode = "LO1", Type = QuestionType.TrueFalse, Text = "Agonal gasps are not normal breathing.", Feedback = "They are a sign of arrest.", TrueFalseAnswer = true },
                new Question { Position = 4, Key = "Q4", OutcomeCode = "LO2", Type = QuestionType.Numeric, Text = "Compressions before two breaths?", Feedback = "30:2.", NumericAnswer = 30, Tolerance = 0, Unit = "compressions" },
                new Question { Position = 5, Key = "Q5", OutcomeCode = "LO2", Type = QuestionType.Ordering, Text = "Order the steps.", Feedback = "Safety, response, call.",
                    Items = ["Check for danger", "Check for a response", "Call for help"] },
                new Question { Position = 6, Key = "Q6", OutcomeCode = "LO2", Type = QuestionType.Single, Text = "Compression depth in adults?", Feedback = "5 to 6 cm.",
                    Options = [new("1–2 cm", false), new("3–4 cm", false), new("5–6 cm", true)] },
            ],
            Media = [new ModuleMedia { Path = "media/chain.svg", ContentType = "image/svg+xml", Content = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Chain</title></svg>"u8.ToArray() }],
        };
        db.ModuleVersions.Add(version);
        await db.SaveChangesAsync();
        db.ModuleConferrals.Add(new ModuleConferral { ModuleVersionId = version.Id, CompetencyId = bls.Id });
        await db.SaveChangesAsync();
        return (version.ModuleId, version.Id);
    }
}
