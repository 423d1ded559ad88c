using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>Finding a scenario version of the caller's organisation for an authoring step.</summary>
internal static class ScenarioVersions
{
    public static Task<ScenarioVersion?> FindAsync(AppDbContext db, AccessScope scope, string code, int number, CancellationToken ct) =>
        db.ScenarioVersions.Include(v => v.Scenario)
            .FirstOrDefaultAsync(v => v.OrganisationId == scope.OrganisationId && v.Scenario!.Code == code && v.Number == number, ct);

    public static string Describe(ModuleStatus status) => status switch
    {
        ModuleStatus.Draft => "a draft",
        ModuleStatus.InReview => "in review",
        ModuleStatus.Published => "published",
        _ => "retired",
    };
}
