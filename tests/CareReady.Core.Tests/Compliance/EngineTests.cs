using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Compliance.Engine;
using CareReady.Core.Demo;
using CareReady.Core.Requirements;
using CareReady.Core.Tests.Demo;
using CareReady.Core.Workforce;

namespace CareReady.Core.Tests.Compliance;

/// <summary>
/// The engine against the pure reference (<see cref="RequirementResolver"/> + <see cref="RequirementStatusCalculator"/>,
/// the way <see cref="ComputeComplianceSnapshot"/> combines them) on a generated trust: role changes,
/// leavers, higher levels, a local refresher period, exemptions (some revoked), a job-role rule and a
/// short renewal window, on several days including renewal windows and the past.
/// </summary>
public sealed class EngineTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private const int OrgId = 1;
    private const int Window = 45;

    private sealed record Data(DemoOrganisation Demo, IReadOnlyList<Competency> Catalogue, List<Exemption> Exemptions, List<RuleWithScope> Rules, IReadOnlyList<Completion> Completions);

    private static Data Generate(int staff, int seed)
    {
        var catalogue = DemoCatalogue.Build();
        var demo = DemoOrganisationGenerator.Generate(seed, staff, Today, catalogue);
        var rules = demo.Rules.ToList();
        // A job-role rule and a department-scoped rule on top of the standard ones.
        var ai = catalogue.First(c => c.Code.StartsWith("AIDC", StringComparison.Ordinal) || c.Subject!.FrameworkCode != "CSTF");
        rules.Add(new RequirementRule { Id = 900, Name = "AI for staff nurses", CompetencyId = ai.Id, JobRole = " staff nurse ", GraceDays = 90 });
        rules.Add(new RequirementRule { Id = 901, Name = "AI in acute", CompetencyId = ai.Id, DepartmentId = demo.AcuteDepartmentId, GraceDays = 10 });
        rules.Add(new RequirementRule { Id = 902, Name = "Inactive", CompetencyId = ai.Id, IsActive = false });
        var random = new Random(seed);
        var exemptions = new List<Exemption>();
        foreach (var person in demo.Staff.Where(_ => random.NextDouble() < 0.08))
        {
            var start = Today.AddDays(-random.Next(0, 900));
            exemptions.Add(new Exemption
            {
                Id = exemptions.Count + 1, OrganisationId = OrgId, StaffMemberId = person.Id,
                CompetencyId = rules[random.Next(rules.Count - 1)].CompetencyId, Reason = "test", ApprovedBy = "test",
                StartsOn = start, EndsOn = start.AddDays(random.Next(20, 500)),
                RevokedAt = random.NextDouble() < 0.2 ? DateTime.UnixEpoch : null,
            });
        }

        var paths = demo.Departments.ToDictionary(d => d.Id, d => d.Path);
        var scoped = rules.Select(r => new RuleWithScope(r, r.DepartmentId is int d ? paths[d] : null)).ToList();
        return new Data(demo, catalogue, exemptions, scoped, demo.Completions);
    }

    private static ComplianceEngine Build(Data data, IEnumerable<Completion>? extra = null, Dictionary<Completion, DateOnly>? caps = null)
    {
        var b = new ComplianceEngineBuilder(data.Catalogue, ReferenceCatalogue.StaffGroups());
        b.AddOrganisation(OrgId, Window, data.Rules.Select(r => r.Rule), data.Demo.RefresherOverrides.ToDictionary(o => o.CompetencyId, o => o.Months));
        foreach (var d in data.Demo.Departments)
        {
            b.AddDepartment(d.Id, OrgId, d.ParentId, d.SiteId, d.Path, d.Kind);
        }

        foreach (var s in data.Demo.Staff)
        {
            b.AddStaff(s.Id, OrgId, s.StartDate, s.LeavingDate);
            foreach (var p in s.Positions)
            {
                b.AddPosition(s.Id, p.StaffGroupCode, p.JobRole, p.DepartmentId, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate);
            }
        }

        foreach (var c in data.Completions.Concat(extra ?? []))
        {
            b.AddCompletion(c.StaffMemberId, OrgId, c.CompetencyId, c.CompletedOn);
        }

        foreach (var e in data.Exemptions.Where(e => e.RevokedAt is null))
        {
            b.AddExemption(e.StaffMemberId, OrgId, e.CompetencyId, e.StartsOn, e.EndsOn);
        }

        foreach (var (c, until) in caps ?? new Dictionary<Completion, DateOnly>())
        {
            b.AddCap(c.StaffMemberId, OrgId, c.CompetencyId, c.CompletedOn, until);
        }

        return b.Build();
    }

    /// <summary>The reference, person by person, exactly as ComputeComplianceSnapshot combines the pure parts.</summary>
    private static Dictionary<int, List<RequirementStatus>> Reference(Data data, DateOnly day, IEnumerable<Completion>? extra = null, Dictionary<Completion, DateOnly>? caps = null)
    {
        var competencies = data.Catalogue.ToDictionary(c => c.Id);
        var groups = ReferenceCatalogue.StaffGroups().ToDictionary(g => g.Code, g => g);
        var paths = data.Demo.Departments.ToDictionary(d => d.Id, d => d.Path);
        var overrides = data.Demo.RefresherOverrides.ToDictionary(o => o.CompetencyId, o => o.Months);
        var completions = data.Completions.Concat(extra ?? []).ToLookup(c => c.StaffMemberId);
        var exemptions = data.Exemptions.Where(e => e.RevokedAt is null && e.StartsOn <= day).ToLookup(e => e.StaffMemberId);
        var result = new Dictionary<int, List<RequirementStatus>>();
        foreach (var person in data.Demo.Staff.Where(s => s.IsActiveOn(day) && s.Positions.Any(p => p.IsCurrentOn(day))))
        {
            var facts = person.Positions.Select(p => new PositionFacts(p.Id, p.AssignmentNumber, p.StaffGroupCode,
                groups.TryGetValue(p.StaffGroupCode, out var g) && g.Clinical, p.JobRole, paths[p.DepartmentId], p.PatientContact,
                p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate));
            var held = completions[person.Id].ToList();
            result[person.Id] = RequirementResolver.Resolve(facts, data.Rules, competencies, overrides, day)
                .Select(r => RequirementStatusCalculator.Evaluate(r,
                    held.Where(c => competencies[c.CompetencyId].Satisfies(r.Competency))
                        .Select(c => new CompletionEvidence(c.CompletedOn, caps is not null && caps.TryGetValue(c, out var until) ? until : null)),
                    exemptions[person.Id].Where(e => e.CompetencyId == r.Competency.Id).Select(e => new ExemptionPeriod(e.StartsOn, e.EndsOn)),
                    day, Window))
                .ToList();
        }

        return result;
    }

    private static List<SubjectTotal> Totals(Data data, Dictionary<int, List<RequirementStatus>> reference, DateOnly day, string? path)
    {
        var paths = data.Demo.Departments.ToDictionary(d => d.Id, d => d.Path);
        var members = data.Demo.Staff.Where(s => reference.ContainsKey(s.Id)
            && s.Positions.Any(p => p.IsCurrentOn(day) && (path is null || DepartmentTree.IsWithin(paths[p.DepartmentId], path))));
        return members.SelectMany(s => reference[s.Id].GroupBy(x => x.Requirement.Competency.SubjectId).Select(g => (g.Key, Met: g.All(x => x.IsCompliant))))
            .GroupBy(x => x.Key).OrderBy(g => g.Key)
            .Select(g => new SubjectTotal(g.Key, g.Count(), g.Count(x => x.Met))).ToList();
    }

    private static void AssertSameCells(IEnumerable<RequirementStatus> expected, IEnumerable<EngineCell> actual)
    {
        var e = expected.Select(s => (s.Requirement.Competency.Id, s.State, s.ExpiresOn)).OrderBy(x => x.Id).ToList();
        var a = actual.Select(c => (Id: c.CompetencyId, c.State, c.ExpiresOn)).OrderBy(x => x.Id).ToList();
        Assert.Equal(e, a);
    }

    public static TheoryData<int> Days => new() { 0, -1, -30, -59, -61, -200, -365, -730, -1500, 30, 45, 90 };

    [Theory]
    [MemberData(nameof(Days))]
    public void Engine_matches_the_reference_person_by_person_and_unit_by_unit(int offset)
    {
        var data = Generate(900, 4242);
        var engine = Build(data);
        var day = Today.AddDays(offset);
        var reference = Reference(data, day);

        var statesSeen = new HashSet<ComplianceState>();
        foreach (var person in data.Demo.Staff)
        {
            var cells = engine.PersonOn(person.Id, day);
            if (reference.TryGetValue(person.Id, out var expected))
            {
                AssertSameCells(expected, cells);
                statesSeen.UnionWith(expected.Select(s => s.State));
            }
            else
            {
                Assert.Empty(cells);
            }
        }

        if (offset == 0)
        {
            Assert.Superset(new HashSet<ComplianceState>(Enum.GetValues<ComplianceState>()), statesSeen);
            Assert.Contains(ComplianceState.Exempt, statesSeen);
            Assert.Contains(ComplianceState.RenewalDue, statesSeen);
            Assert.Contains(ComplianceState.Expired, statesSeen);
        }

        var asOf = engine.AsOf(OrgId, day);
        var org = asOf.Single(u => u.Kind == EngineUnitKind.Organisation);
        Assert.Equal(reference.Count, org.People);
        Assert.Equal(Totals(data, reference, day, null), org.Subjects.OrderBy(s => s.SubjectId).ToList());
        foreach (var d in data.Demo.Departments)
        {
            var unit = asOf.Single(u => u.Kind == EngineUnitKind.Department && u.Id == d.Id);
            Assert.Equal(Totals(data, reference, day, d.Path), unit.Subjects.OrderBy(s => s.SubjectId).ToList());
        }

        // The full recompute holds the same statuses and totals as the as-of path.
        engine.Recompute(day);
        Assert.Equal(org, engine.Summary(EngineUnitKind.Organisation, OrgId) with { Subjects = org.Subjects }, new SummaryComparer());
        foreach (var person in data.Demo.Staff.Take(200))
        {
            AssertSameCells(reference.GetValueOrDefault(person.Id) ?? [], engine.CellsOf(person.Id));
        }

        var all = engine.Summary(EngineUnitKind.All);
        Assert.Equal(org.Subjects, all.Subjects);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(75)]
    public void Regulatory_caps_give_the_same_statuses_in_the_engine_as_in_the_reference(int offset)
    {
        var data = Generate(700, 99);
        var random = new Random(5);
        var caps = new Dictionary<Completion, DateOnly>(ReferenceEqualityComparer.Instance);
        var extra = new List<Completion>();
        // Cap the latest completion of a competency for about a fifth of people: some in the past (expired now),
        // some inside the renewal window, some beyond the natural expiry (no effect); a few have a second,
        // uncapped completion the same day (which then stands), and a few a second cap (the lowest counts… per completion).
        foreach (var latest in data.Completions.GroupBy(c => (c.StaffMemberId, c.CompetencyId)).Select(g => g.OrderBy(c => c.CompletedOn).Last())
                     .Where(_ => random.NextDouble() < 0.2).ToList())
        {
            caps[latest] = Today.AddDays(random.Next(-200, 500));
            if (random.NextDouble() < 0.1)
            {
                extra.Add(new Completion { StaffMemberId = latest.StaffMemberId, CompetencyId = latest.CompetencyId, CompletedOn = latest.CompletedOn });
            }
            else if (random.NextDouble() < 0.1)
            {
                var twin = new Completion { StaffMemberId = latest.StaffMemberId, CompetencyId = latest.CompetencyId, CompletedOn = latest.CompletedOn };
                extra.Add(twin);
                caps[twin] = Today.AddDays(random.Next(-200, 500)); // both capped: the later cap counts
            }
        }

        var day = Today.AddDays(offset);
        var engine = Build(data, extra, caps);
        var reference = Reference(data, day, extra, caps);
        var capped = 0;
        foreach (var person in data.Demo.Staff)
        {
            var expected = reference.GetValueOrDefault(person.Id) ?? [];
            AssertSameCells(expected, engine.PersonOn(person.Id, day));
            capped += expected.Count(s => s.Cycles.Count > 0 && s.Cycles[^1].CappedByChange);
        }

        Assert.True(capped > 50, $"only {capped} capped statuses: the test would not show much");
        engine.Recompute(day);
        var org = engine.Summary(EngineUnitKind.Organisation, OrgId);
        Assert.Equal(Totals(data, reference, day, null), org.Subjects.OrderBy(s => s.SubjectId).ToList());
    }

    [Fact]
    public void Early_renewal_inside_the_window_runs_on_from_the_previous_expiry()
    {
        var data = Generate(300, 99);
        var fire = data.Catalogue.First(c => c.Code == "CSTF-FIRE-1");
        var person = data.Demo.Staff.First(s => s.IsActiveOn(Today) && s.Positions.Any(p => p.IsCurrentOn(Today)));
        data = data with { Completions = data.Completions.Where(c => !(c.StaffMemberId == person.Id && c.CompetencyId == fire.Id)).ToList() };
        // Fire safety has a 12-month local period: complete, then renew 20 days before expiry.
        var first = Today.AddDays(-700);
        var renewal = first.AddMonths(12).AddDays(-20);
        var extra = new[]
        {
            new Completion { StaffMemberId = person.Id, CompetencyId = fire.Id, CompletedOn = first },
            new Completion { StaffMemberId = person.Id, CompetencyId = fire.Id, CompletedOn = renewal },
        };
        var withRenewal = Build(data, extra);
        var cells = withRenewal.PersonOn(person.Id, renewal);
        var expected = Reference(data, renewal, extra)[person.Id];
        AssertSameCells(expected, cells);
        Assert.Equal(first.AddMonths(24), cells.Single(c => c.CompetencyId == fire.Id).ExpiresOn);
    }

    [Fact]
    public void Incremental_completions_give_the_same_statuses_and_totals_as_a_full_recompute()
    {
        var data = Generate(700, 7);
        var engine = Build(data);
        engine.Recompute(Today);
        var random = new Random(11);
        var cstf = data.Rules.Select(r => r.Rule.CompetencyId).Distinct().ToList();
        var extra = new List<Completion>();
        for (var i = 0; i < 300; i++)
        {
            var person = data.Demo.Staff[random.Next(data.Demo.Staff.Count)];
            var completion = new Completion
            {
                StaffMemberId = person.Id, CompetencyId = cstf[random.Next(cstf.Count)], CompletedOn = Today.AddDays(-random.Next(0, 800)),
            };
            extra.Add(completion);
            engine.AddCompletion(completion.StaffMemberId, completion.CompetencyId, completion.CompletedOn);
        }

        var fresh = Build(data, extra);
        fresh.Recompute(Today);
        Assert.Equal(fresh.Cells().ToList(), engine.Cells().ToList());
        var comparer = new SummaryComparer();
        Assert.Equal(fresh.Summary(EngineUnitKind.All), engine.Summary(EngineUnitKind.All), comparer);
        Assert.Equal(fresh.Summary(EngineUnitKind.Organisation, OrgId), engine.Summary(EngineUnitKind.Organisation, OrgId), comparer);
        foreach (var d in data.Demo.Departments)
        {
            Assert.Equal(fresh.Summary(EngineUnitKind.Department, d.Id), engine.Summary(EngineUnitKind.Department, d.Id), comparer);
        }

        foreach (var s in data.Demo.Sites)
        {
            Assert.Equal(fresh.Summary(EngineUnitKind.Site, s.Id), engine.Summary(EngineUnitKind.Site, s.Id), comparer);
        }

        // And both equal the reference.
        var reference = Reference(data, Today, extra);
        foreach (var person in data.Demo.Staff)
        {
            AssertSameCells(reference.GetValueOrDefault(person.Id) ?? [], engine.CellsOf(person.Id));
        }
    }

    [Fact]
    public void Day_calendar_add_months_matches_DateOnly()
    {
        for (var d = new DateOnly(2015, 1, 1); d < new DateOnly(2031, 1, 1); d = d.AddDays(1))
        {
            foreach (var m in new[] { 1, 6, 12, 24, 36, 60 })
            {
                Assert.Equal(d.AddMonths(m).DayNumber, DayCalendar.AddMonths(d.DayNumber, m));
            }
        }
    }

    private sealed class SummaryComparer : IEqualityComparer<UnitSummary>
    {
        public bool Equals(UnitSummary? x, UnitSummary? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Id == y.Id && x.People == y.People && x.Overdue == y.Overdue
            && x.Expiring30 == y.Expiring30 && x.Expiring60 == y.Expiring60 && x.Expiring90 == y.Expiring90 && x.Subjects.SequenceEqual(y.Subjects)
            && x.PatientFacing.People == y.PatientFacing.People && x.PatientFacing.WithGaps == y.PatientFacing.WithGaps
            && x.PatientFacing.Gaps.SequenceEqual(y.PatientFacing.Gaps);

        public int GetHashCode(UnitSummary obj) => obj.Id;
    }
}
