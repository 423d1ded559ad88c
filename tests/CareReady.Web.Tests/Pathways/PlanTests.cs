using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Pathways;

/// <summary>The plan through the API and the page: order, reasons, refresher answers moving due dates.</summary>
public class PlanTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Plan_ranks_overdue_safety_first_then_refreshers_expiring_and_the_assigned_pathway_with_reasons(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, pathwayId) = await PathwayWorld.SetUpAsync(app);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var plan = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan");

        var items = plan.GetProperty("items").EnumerateArray().ToList();
        var summary = items.Select(i => (i.GetProperty("rank").GetInt32(), i.GetProperty("tier").GetString(), i.GetProperty("kind").GetString(), i.GetProperty("title").GetString())).ToList();
        Assert.Equal(
        [
            (1, "Urgent", "Requirement", "Resuscitation — Level 2 Adult Basic Life Support"),
            (2, "Urgent", "Refreshers", "Refresher questions"),
            (3, "ExpiringSoon", "Requirement", "Fire Safety — Level 1"),
            (4, "Development", "PathwayStep", summary[3].Item4),
            (5, "Development", "PathwayStep", summary[4].Item4),
        ], summary);
        Assert.Contains("you are overdue", Reason(items[0]), StringComparison.Ordinal);
        Assert.Contains("protects patients", Reason(items[0]), StringComparison.Ordinal);
        Assert.Contains("Adult BLS — clinical staff", Reason(items[0]), StringComparison.Ordinal);
        Assert.Equal(moduleId, items[0].GetProperty("module").GetProperty("moduleId").GetInt32());
        Assert.StartsWith("6 questions on safety-critical subjects (Resuscitation) due today", Reason(items[1]), StringComparison.Ordinal);
        Assert.Contains("in 20 days", Reason(items[2]), StringComparison.Ordinal);
        Assert.StartsWith("Step 1 of 2 of your pathway “AI champion” (assigned to Ward A on 2 March 2026)", Reason(items[3]), StringComparison.Ordinal);
        Assert.Contains("Pair with a digital nurse", Reason(items[4]), StringComparison.Ordinal);
        Assert.All(items.Skip(3), i => Assert.Equal(pathwayId, i.GetProperty("rolePathwayId").GetInt32()));
        Assert.Equal(6, plan.GetProperty("refreshersDue").GetInt32());

        var page = await learner.GetStringAsync("/pathways");
        Assert.Contains("Now: overdue or patient safety", page, StringComparison.Ordinal);
        Assert.Contains("Step 1 of 2 of your pathway", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refresher_answer_moves_the_due_date_and_is_logged(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PathwayWorld.SetUpAsync(app);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

        var session = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers");
        Assert.Equal(6, session.GetProperty("dueNow").GetInt32());
        var first = session.GetProperty("next");
        var right = await AnswerAsync(learner, first, TestModules.RightAnswers);
        Assert.True(right.GetProperty("correct").GetBoolean());
        Assert.Equal("Good", right.GetProperty("rating").GetString());
        Assert.Equal(today, DateOnly.Parse(right.GetProperty("previousDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var rightDue = DateOnly.Parse(right.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rightDue > today, $"next due {rightDue}");

        var second = (await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers")).GetProperty("next");
        Assert.NotEqual(first.GetProperty("cardId").GetInt64(), second.GetProperty("cardId").GetInt64());
        var wrong = await AnswerAsync(learner, second, TestModules.WrongAnswers);
        Assert.False(wrong.GetProperty("correct").GetBoolean());
        Assert.Equal("Again", wrong.GetProperty("rating").GetString());
        var wrongDue = DateOnly.Parse(wrong.GetProperty("nextDue").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(wrongDue > today && wrongDue < rightDue, $"wrong {wrongDue}, right {rightDue}");

        await using var db = app.NewDbContext();
        var card = await db.RefresherCards.SingleAsync(c => c.Id == first.GetProperty("cardId").GetInt64());
        Assert.Equal((rightDue, today, 1), (card.Due, card.LastReview!.Value, card.Reviews));
        Assert.Equal(2, await db.RefresherReviews.CountAsync(r => r.StaffMemberId == app.Data.NurseA.Id));

        // The plan now counts four due, and a day later the session offers them and nothing answered today.
        var plan = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan");
        Assert.Equal(4, plan.GetProperty("refreshersDue").GetInt32());

        // A badly formed answer is refused with the reason, and nothing moves.
        var third = (await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers")).GetProperty("next");
        var bad = await learner.PostAsJsonAsync($"/api/v1/pathways/me/refreshers/{third.GetProperty("cardId").GetInt64()}/answer",
            new { questionId = third.GetProperty("questionId").GetInt32(), response = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, await db.RefresherReviews.CountAsync(r => r.StaffMemberId == app.Data.NurseA.Id));
    }

    internal static async Task<JsonElement> AnswerAsync(HttpClient learner, JsonElement question, IReadOnlyDictionary<string, string> key)
    {
        var response = await learner.PostAsJsonAsync($"/api/v1/pathways/me/refreshers/{question.GetProperty("cardId").GetInt64()}/answer",
            new { questionId = question.GetProperty("questionId").GetInt32(), response = key[question.GetProperty("questionKey").GetString()!], sure = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Reason(JsonElement item) => item.GetProperty("reason").GetString()!;
}
