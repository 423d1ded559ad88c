using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Pathways;

/// <summary>
/// Nurse A of the test world, set up for a plan: overdue on adult BLS (a published BLS module exists),
/// holding resuscitation awareness (so the BLS questions become her refresher cards), fire safety
/// expiring in 20 days, and an "AI champion" pathway assigned to Ward A.
/// </summary>
public static class PathwayWorld
{
    public static async Task<(int ModuleId, int PathwayId)> SetUpAsync(TestApp app)
    {
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA);
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code, c => c.Id);
            var fire = await db.Completions.SingleAsync(c => c.StaffMemberId == app.Data.NurseA.Id && c.CompetencyId == competencies["CSTF-FIRE-1"]);
            fire.CompletedOn = today.AddYears(-2).AddDays(20);
            db.Completions.Add(new Completion
            {
                OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.NurseA.Id, CompetencyId = competencies["CSTF-RES-1"],
                CompletedOn = today.AddDays(-100), Source = CompletionSource.Historic,
            });
            await db.SaveChangesAsync();
        }

        using var educator = await SignedInAsync(app, TestData.EducatorEmail);
        var created = await educator.PostAsJsonAsync("/api/v1/pathways/role-pathways", new
        {
            name = "AI champion",
            description = "For staff who lead the safe use of AI on their ward.",
            steps = new[] { new { competencyCode = "AIDHT-D1-L1", note = (string?)null }, new { competencyCode = "AIDHT-D2.1-L1", note = (string?)"Pair with a digital nurse" } },
        });
        created.EnsureSuccessStatusCode();
        var pathwayId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        using var manager = await SignedInAsync(app, TestData.ManagerEmail);
        var assigned = await manager.PostAsJsonAsync($"/api/v1/pathways/role-pathways/{pathwayId}/assignments", new { departmentId = app.Data.WardA.Id });
        assigned.EnsureSuccessStatusCode();
        return (moduleId, pathwayId);
    }

    /// <summary>A signed-in client, also when the app listens on a real port for a browser test.</summary>
    private static async Task<HttpClient> SignedInAsync(TestApp app, string email)
    {
        if (app.BaseUrl is null)
        {
            return await app.SignedInClientAsync(email);
        }

#pragma warning disable CA2000 // the client owns the handler
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.BaseUrl };
#pragma warning restore CA2000
        await client.SignInAsync(email, TestData.Password);
        return client;
    }
}
