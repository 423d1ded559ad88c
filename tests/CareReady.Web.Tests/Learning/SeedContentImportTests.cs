using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Learning;

/// <summary>The shipped modules import, published, into an organisation's database; seeding again changes nothing.</summary>
public class SeedContentImportTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Every_seed_module_imports_published_once(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);

        var first = await SeedAsync(app);
        var second = await SeedAsync(app);

        Assert.Equal(14, first.Count);
        Assert.All(first, r => Assert.True(r.Result.Imported && r.Result.ModuleCreated, r.Package));
        Assert.All(second, r => Assert.True(r.Result.Skipped, r.Package));
        await using var db = app.NewDbContext();
        var versions = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).ToListAsync();
        Assert.Equal(14, versions.Count);
        Assert.All(versions, v => Assert.Equal((app.Data.OrgA, 1, ModuleStatus.Published, AuditContext.SystemActor), (v.OrganisationId, v.Number, v.Status, v.PublishedBy)));
        Assert.Contains("FIRE-SAFETY", versions.Select(v => v.Module!.Code));

        // Day one: a level 1 module of at least 10 questions for every CSTF subject, and three AI-readiness modules of at least 15.
        var questions = await db.Questions.GroupBy(q => q.ModuleVersionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var confers = await db.ModuleConferrals.Join(db.Competencies, m => m.CompetencyId, c => c.Id, (m, c) => new { m.ModuleVersionId, c.Code, c.Level, c.SubjectId, c.Subject!.FrameworkCode })
            .ToListAsync();
        var cstf = await db.Subjects.Where(x => x.FrameworkCode == "CSTF").Select(x => new { x.Id, x.Name }).ToListAsync();
        Assert.Equal(11, cstf.Count);
        Assert.All(cstf, subject => Assert.Contains(confers, c => c.SubjectId == subject.Id && c.Level == 1 && questions[c.ModuleVersionId] >= 10));
        Assert.True(confers.Where(c => c.FrameworkCode == "AIDHT" && questions[c.ModuleVersionId] >= 15).Select(c => c.ModuleVersionId).Distinct().Count() >= 3);
    }

    private static async Task<IReadOnlyList<SeedModuleResult>> SeedAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var import = new ImportContentPackage(scope.ServiceProvider.GetRequiredService<AppDbContext>(), app.Clock);
        return await new SeedContent(import).ImportAllAsync(app.Data.OrgA, AuditContext.SystemActor);
    }
}
