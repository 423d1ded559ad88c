using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Supervision;

/// <summary>A learner rates themselves, asks a supervisor, who confirms (a completion at the rated level) or returns it with a comment.</summary>
public class SelfAssessmentTests
{
    private static async Task<string> LineManagerIdAsync(HttpClient learner)
    {
        var choices = await learner.GetFromJsonAsync<JsonElement[]>("/api/v1/me/supervisors") ?? [];
        Assert.Contains(choices, c => c.GetProperty("role").GetString() == "Educator");
        Assert.Contains(choices, c => c.GetProperty("role").GetString() == "Compliance lead");
        return choices.Single(c => c.GetProperty("role").GetString() == "Line manager").GetProperty("userId").GetString()!;
    }

    private static object Request(string? supervisor, int rating = 2, bool request = true) => new
    {
        ratings = new[] { new { code = "AIDHT-D6.3", rating = (int?)rating, note = (string?)"I check AI outputs against the notes" }, new { code = "AIDHT-D1.1", rating = (int?)null, note = (string?)null } },
        requestConfirmation = request,
        requestFromUserId = supervisor,
    };

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Request_return_with_comment_then_confirm_records_a_completion_at_the_rated_level(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var managerId = await LineManagerIdAsync(learner);

        var noSupervisor = await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(null));
        Assert.Equal(HttpStatusCode.BadRequest, noSupervisor.StatusCode);
        Assert.True((await noSupervisor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("RequestFromUserId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId, rating: 5))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId))).StatusCode);
        // Waiting for confirmation: it cannot be changed.
        Assert.Equal(HttpStatusCode.BadRequest, (await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId, rating: 3))).StatusCode);

        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var request = Assert.Single(await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/self-assessments/requests") ?? []);
        Assert.Equal("Level 2", request.GetProperty("ratingLabel").GetString());
        var id = request.GetProperty("id").GetInt32();
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        Assert.Empty(await educator.GetFromJsonAsync<JsonElement[]>("/api/v1/self-assessments/requests") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await educator.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = true })).StatusCode);

        // Returning needs a comment.
        var bare = await manager.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = false, comment = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.True((await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Comment", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review",
            new { confirm = false, comment = "Give an example of a time you questioned an AI output" })).StatusCode);
        var returned = Assert.Single(await learner.GetFromJsonAsync<JsonElement[]>("/api/v1/me/self-assessments") ?? []);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Give an example of a time you questioned an AI output", returned.GetProperty("reviewComment").GetString());

        // Rated again and re-requested: the same line, confirmed this time.
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId))).StatusCode);
        var again = Assert.Single(await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/self-assessments/requests") ?? []);
        Assert.Equal(id, again.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = true })).StatusCode);

        await using var db = app.NewDbContext();
        var completion = await db.Completions.SingleAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.Source == CompletionSource.SelfAssessment);
        Assert.Equal("AIDHT-D6.3-L2", await db.Competencies.Where(c => c.Id == completion.CompetencyId).Select(c => c.Code).SingleAsync());
        Assert.Equal(new DateOnly(2026, 3, 2), completion.CompletedOn);
        Assert.Equal(TestData.ManagerEmail, completion.RecordedBy);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == "SelfAssessment"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Another_organisation_sees_nothing_and_a_manager_cannot_be_asked_by_someone_outside_their_ward(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var managerId = await LineManagerIdAsync(learner);
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId))).StatusCode);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var id = Assert.Single(await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/self-assessments/requests") ?? []).GetProperty("id").GetInt32();

        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Empty(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/self-assessments/requests") ?? []);
        Assert.Empty(await other.GetFromJsonAsync<JsonElement[]>("/api/v1/me/self-assessments") ?? []);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/self-assessments/{id}/review", new { confirm = true })).StatusCode);
        var otherChoices = await other.GetFromJsonAsync<JsonElement[]>("/api/v1/me/supervisors") ?? [];
        Assert.DoesNotContain(otherChoices, c => c.GetProperty("userId").GetString() == managerId);
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostAsJsonAsync("/api/v1/me/self-assessments", Request(managerId))).StatusCode);
    }
}
