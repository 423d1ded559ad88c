using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// The demo trust's learning records: stored through the LRS (readable by a client of the trust, by activity and
/// by agent), passes on the mapped fire safety course recorded as completions of the module (the demo learner's
/// among them), fails not; seeding again changes nothing.
/// </summary>
public class DemoLearningRecordsTests
{
    private const string Password = "Demo-password-2026";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Demo_statements_are_in_the_lrs_and_passes_on_the_mapped_course_count(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var today = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);
        int stored;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                new DemoOptions(DemoOptions.DefaultSeed, 300, today, Password));
            stored = await scope.ServiceProvider.GetRequiredService<DemoLearningRecords>().SeedAsync(today);
        }

        Assert.InRange(stored, 60 * 2, 60 * 3 * 2); // 60 people, one to three courses, two statements a course

        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var org = await db.Organisations.Where(o => o.Code == DemoOrganisationGenerator.OrganisationCode).Select(o => o.Id).SingleAsync();
        Assert.Equal(stored, await db.XapiStatements.CountAsync(s => s.OrganisationId == org));

        // Read back through the LRS like any reporting tool.
        var reader = await Lrs.ClientAsync(app, org, read: true, write: false);
        var fireSafety = await Lrs.GetJsonAsync(reader, "/xapi/statements?limit=500&activity=" + Uri.EscapeDataString(DemoLearningRecords.FireSafetyCourse));
        var onCourse = fireSafety["statements"]!.AsArray();
        var passes = onCourse.Count(s => s!["verb"]!["id"]!.GetValue<string>().EndsWith("/passed", StringComparison.Ordinal));
        var fails = onCourse.Count(s => s!["verb"]!["id"]!.GetValue<string>().EndsWith("/failed", StringComparison.Ordinal));
        Assert.Equal(60, onCourse.Count(s => s!["verb"]!["id"]!.GetValue<string>().EndsWith("/attempted", StringComparison.Ordinal)));
        Assert.Equal(60, passes + fails);
        Assert.True(passes > 0 && fails > 0, $"{passes} passes, {fails} fails");

        // Each pass on the mapped course is one completion of the module's competency; a fail is none.
        var fromXapi = await db.Completions.Where(c => c.OrganisationId == org && c.Source == CompletionSource.Xapi).ToListAsync();
        Assert.Equal(passes, fromXapi.Count);
        Assert.All(fromXapi, c => Assert.Contains("module FIRE-SAFETY", c.Reference, StringComparison.Ordinal));

        // The demo learner passed: their record carries it, and the LRS finds their statements by agent.
        var learner = await db.Users.Where(u => u.Email == DemoSeeder.LearnerEmail).Select(u => u.StaffMemberId).SingleAsync();
        Assert.Contains(fromXapi, c => c.StaffMemberId == learner);
        var email = await db.Staff.Where(s => s.Id == learner).Select(s => s.WorkEmail).SingleAsync();
        var agent = Uri.EscapeDataString(new JsonObject { ["mbox"] = "mailto:" + email.ToLowerInvariant() }.ToJsonString());
        var mine = (await Lrs.GetJsonAsync(reader, "/xapi/statements?agent=" + agent))["statements"]!.AsArray();
        Assert.Contains(mine, s => s!["object"]!["id"]!.GetValue<string>() == DemoLearningRecords.FireSafetyCourse
            && s["verb"]!["id"]!.GetValue<string>().EndsWith("/passed", StringComparison.Ordinal));

        // Once only.
        await using var again = app.Services.CreateAsyncScope();
        Assert.Equal(0, await again.ServiceProvider.GetRequiredService<DemoLearningRecords>().SeedAsync(today));
        Assert.Equal(stored, await db.XapiStatements.CountAsync(s => s.OrganisationId == org));
    }
}
