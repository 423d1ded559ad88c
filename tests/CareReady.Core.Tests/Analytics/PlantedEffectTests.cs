using CareReady.Core.Analytics;
using CareReady.Core.Competencies;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Demo;
using CareReady.Core.Tests.Demo;
using Xunit.Abstractions;

namespace CareReady.Core.Tests.Analytics;

/// <summary>
/// The demo organisation's measures carry effects we planted (<see cref="DemoImpact"/>). The impact analysis,
/// run on compliance from the compliance engine exactly as the impact view reads it, must find each planted
/// effect inside its interval and find nothing where nothing was planted.
/// </summary>
public sealed class PlantedEffectTests(DemoOrganisationFixture fixture, ITestOutputHelper output) : IClassFixture<DemoOrganisationFixture>
{
    private const int OrgId = 1;

    [Theory]
    [InlineData("HAI")]
    [InlineData("FALLS")]
    [InlineData("TURNOVER")]
    public void The_impact_analysis_recovers_what_was_planted_and_nothing_else(string code)
    {
        var demo = fixture.Organisation;
        var planted = demo.Impact.Measures.Single(m => m.Measure.Code == code);
        var subject = fixture.Catalogue.First(c => c.Code.StartsWith(DemoImpact.PushSubjectCode + "-", StringComparison.Ordinal)).SubjectId;
        var engine = Build(demo, fixture.Catalogue);

        var measure = planted.Values.GroupBy(v => v.DepartmentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<DateOnly, double>)g.ToDictionary(v => v.PeriodStart, v => v.Value));
        var periods = planted.Values.Select(v => v.PeriodStart).Distinct().Order().ToList();
        var window = planted.Measure.Period == MeasurePeriod.Month ? 3 : 1;
        var wanted = measure.Keys.ToHashSet();
        var compliance = wanted.ToDictionary(u => u, _ => new Dictionary<DateOnly, double>());
        foreach (var (p, day) in ImpactCompliance.PeriodDays(periods, planted.Measure.Period, window, DemoOrganisationFixture.Today))
        {
            foreach (var (unit, percent) in ImpactCompliance.SubjectPercents(engine.AsOf(OrgId, day), subject, wanted))
            {
                compliance[unit][p] = percent;
            }
        }

        var pushes = demo.Impact.Pushes.ToDictionary(p => p.DepartmentId, p => p.StartsOn);
        var result = ImpactCalculator.Run(new ImpactInput(planted.Measure.Period, measure,
            compliance.ToDictionary(x => x.Key, x => (IReadOnlyDictionary<DateOnly, double>)x.Value), pushes, window));

        var did = result.DiD!;
        var association = result.Association!.Value;
        output.WriteLine($"{code}: units {result.Units.Count}, DiD {did.Effect} (planted {planted.PlantedEffect}), r {association}");
        output.WriteLine($"compliance change pushed {result.Units.Where(u => u.Pushed).Average(u => u.ComplianceChange):0.0} pp, others {result.Units.Where(u => !u.Pushed).Average(u => u.ComplianceChange):0.0} pp");

        Assert.True(result.Units.Count >= 16, "every ward with values takes part");
        Assert.True(did.Effect.Contains(planted.PlantedEffect), $"the planted effect {planted.PlantedEffect} lies in the interval {did.Effect}");
        Assert.True(result.Units.Where(u => u.Pushed).Average(u => u.ComplianceChange) > result.Units.Where(u => !u.Pushed).Average(u => u.ComplianceChange) + 3,
            "the push raised the pushed wards' IPC compliance (as the compliance engine computes it)");
        if (planted.PlantedEffect == 0)
        {
            Assert.False(did.Effect.ExcludesZero, "no difference was planted, none is found");
            Assert.False(association.ExcludesZero, "no association was planted, none is found");
        }
        else
        {
            Assert.True(did.Effect.ExcludesZero, "the planted effect is told apart from none");
            Assert.True(association.High < 0, "compliance that rose goes with infections that fell");
        }
    }

    private static ComplianceEngine Build(DemoOrganisation demo, IReadOnlyList<Competency> catalogue)
    {
        var b = new ComplianceEngineBuilder(catalogue, ReferenceCatalogue.StaffGroups());
        b.AddOrganisation(OrgId, demo.Organisation.RenewalWindowDays, demo.Rules, demo.RefresherOverrides.ToDictionary(o => o.CompetencyId, o => o.Months));
        foreach (var d in demo.Departments)
        {
            b.AddDepartment(d.Id, OrgId, d.ParentId, d.SiteId, d.Path, d.Kind);
        }

        foreach (var s in demo.Staff)
        {
            b.AddStaff(s.Id, OrgId, s.StartDate, s.LeavingDate);
            foreach (var p in s.Positions)
            {
                b.AddPosition(s.Id, p.StaffGroupCode, p.JobRole, p.DepartmentId, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate);
            }
        }

        foreach (var c in demo.Completions)
        {
            b.AddCompletion(c.StaffMemberId, OrgId, c.CompetencyId, c.CompletedOn);
        }

        return b.Build();
    }
}
