using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;

namespace CareReady.Web.Tests.Pathways;

/// <summary>Who sees whose plan, who may define and assign pathways, and where: everything outside scope is 404.</summary>
public class PathwayScopeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_learner_sees_only_their_own_plan_profile_and_cards(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await PathwayWorld.SetUpAsync(app);
        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/api/v1/pathways/people/{app.Data.NurseA.Id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/api/v1/pathways/people/{app.Data.NurseB.Id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/api/v1/pathways/people/{app.Data.NurseB.Id}/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/pathways/profile/{app.Data.NurseB.Id}")).StatusCode);

        // The manager's own card is not the learner's to answer.
        using var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var nurseCard = (await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/refreshers")).GetProperty("next");
        var other = await manager.PostAsJsonAsync($"/api/v1/pathways/me/refreshers/{nurseCard.GetProperty("cardId").GetInt64()}/answer",
            new { questionId = nurseCard.GetProperty("questionId").GetInt32(), response = "1" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // Learners neither define nor assign pathways.
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync("/api/v1/pathways/role-pathways", new { name = "x", description = "y", steps = new[] { new { competencyCode = "AIDHT-D1-L1" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync("/api/v1/pathways/role-pathways/1/assignments", new { staffMemberId = app.Data.NurseA.Id })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_manager_reads_and_assigns_only_within_their_units_and_another_organisation_gets_404(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, pathwayId) = await PathwayWorld.SetUpAsync(app);
        using var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/pathways/people/{app.Data.NurseA.Id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/pathways/people/{app.Data.NurseB.Id}/plan")).StatusCode);

        var toPerson = await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { staffMemberId = app.Data.NurseA.Id });
        Assert.Equal(HttpStatusCode.Created, toPerson.StatusCode);
        var again = await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { staffMemberId = app.Data.NurseA.Id });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alreadyAssigned").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { staffMemberId = app.Data.NurseB.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { departmentId = app.Data.WardB.Id })).StatusCode);
        var both = await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { staffMemberId = app.Data.NurseA.Id, departmentId = app.Data.WardA.Id });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);

        // The assign page: a person outside the manager's teams is refused by name of the field.
        var form = await manager.PostFormAsync($"/pathways/manage/{pathwayId}/assign", new Dictionary<string, string> { ["Target"] = "person", ["EmployeeNumber"] = app.Data.NurseB.EmployeeNumber });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Nobody in your teams has the employee number 10000002", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var otherOrg = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.GetAsync($"/api/v1/pathways/people/{app.Data.NurseA.Id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { staffMemberId = app.Data.OtherOrgNurse.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOrg.PutAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}", new { name = "Hijack", description = "x", steps = new[] { new { competencyCode = "AIDHT-D1-L1" } } })).StatusCode);
        Assert.Empty((await otherOrg.GetFromJsonAsync<JsonElement>("/api/v1/pathways/role-pathways")).EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_educator_defines_a_pathway_checked_whole_and_a_learner_chooses_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        var bad = await educator.PostAsJsonAsync("/api/v1/pathways/role-pathways", new
        {
            name = "Preceptorship", description = "",
            steps = new[] { new { competencyCode = "CSTF-FIRE-1" }, new { competencyCode = "NOPE-1" }, new { competencyCode = "CSTF-FIRE-1" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Step 2: there is no competency with the code “NOPE-1” (see the Competencies page)", errors.GetProperty("steps[2].competencyCode")[0].GetString());
        Assert.Equal("Step 3: “CSTF-FIRE-1” is already a step of this pathway", errors.GetProperty("steps[3].competencyCode")[0].GetString());
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.Empty(await educator.GetFromJsonAsync<JsonElement[]>("/api/v1/pathways/role-pathways") ?? []);

        var created = await educator.PostAsJsonAsync("/api/v1/pathways/role-pathways", new
        {
            name = "Preceptorship", description = "The first year of a newly registered nurse.",
            steps = new[] { new { competencyCode = "AIDHT-D1-L1" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Created, (await learner.PostAsync($"/api/v1/pathways/role-pathways/{id}/choose", null)).StatusCode);
        var plan = await learner.GetFromJsonAsync<JsonElement>("/api/v1/pathways/me/plan");
        var step = plan.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "PathwayStep");
        Assert.StartsWith("Step 1 of 1 of your pathway “Preceptorship” (you chose it on 2 March 2026)", step.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
