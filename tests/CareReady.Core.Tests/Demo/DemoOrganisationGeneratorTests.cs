using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Demo;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;
using Xunit.Abstractions;

namespace CareReady.Core.Tests.Demo;

/// <summary>One full-size demo organisation shared by the tests of this class (generation takes a moment).</summary>
public sealed class DemoOrganisationFixture
{
    public static readonly DateOnly Today = new(2026, 11, 27);
    public const int Seed = 20261127;
    public const int StaffCount = 6000;

    public DemoOrganisationFixture()
    {
        Catalogue = DemoCatalogue.Build();
        Organisation = DemoOrganisationGenerator.Generate(Seed, StaffCount, Today, Catalogue);
        Compliance = DemoCompliance.Evaluate(Organisation, Catalogue, Today);
    }

    public IReadOnlyList<Competency> Catalogue { get; }
    public DemoOrganisation Organisation { get; }
    public DemoCompliance Compliance { get; }
}

/// <summary>The reference catalogue as the database would hold it, with made-up ids.</summary>
internal static class DemoCatalogue
{
    public static IReadOnlyList<Competency> Build()
    {
        var list = new List<Competency>();
        var subjectId = 100;
        var competencyId = 1000;
        foreach (var s in ReferenceCatalogue.Subjects())
        {
            var subject = new Subject { Id = subjectId++, FrameworkCode = s.FrameworkCode, Code = s.Code, Name = s.Name };
            foreach (var c in s.Competencies)
            {
                var competency = new Competency
                {
                    Id = competencyId++, SubjectId = subject.Id, Subject = subject, Code = c.Code, Name = c.Name, Level = c.Level,
                    Variant = c.Variant, DefaultRefresherMonths = c.RefresherMonths, FrameworkAudience = c.Audience, EsrCompetenceName = c.EsrName, Kind = c.Kind,
                };
                subject.Competencies.Add(competency);
                list.Add(competency);
            }
        }

        return list;
    }
}

/// <summary>Compliance of active staff today, per CSTF subject and per department (own positions), straight from the rule engine.</summary>
public sealed class DemoCompliance
{
    public required IReadOnlyDictionary<string, (int Compliant, int Total)> BySubject { get; init; }
    public required IReadOnlyDictionary<int, (int Compliant, int Total)> ByDepartment { get; init; }
    public required IReadOnlyDictionary<ComplianceState, int> ByState { get; init; }

    public static double Percent((int Compliant, int Total) x) => x.Total == 0 ? 100 : 100.0 * x.Compliant / x.Total;

    public static DemoCompliance Evaluate(DemoOrganisation org, IReadOnlyList<Competency> catalogue, DateOnly today)
    {
        var competencies = catalogue.ToDictionary(c => c.Id);
        var groups = ReferenceCatalogue.StaffGroups().ToDictionary(g => g.Code, g => g.Clinical);
        var paths = org.Departments.ToDictionary(d => d.Id, d => d.Path);
        var rules = org.RulesWithScope();
        var overrides = org.RefresherOverrides.ToDictionary(o => o.CompetencyId, o => o.Months);
        var completions = org.Completions.ToLookup(c => c.StaffMemberId);
        var bySubject = new Dictionary<string, (int, int)>();
        var byDepartment = new Dictionary<int, (int, int)>();
        var byState = new Dictionary<ComplianceState, int>();

        foreach (var person in org.Staff.Where(s => s.IsActiveOn(today)))
        {
            var facts = person.Positions.Select(p => new PositionFacts(p.Id, p.AssignmentNumber, p.StaffGroupCode, groups[p.StaffGroupCode],
                p.JobRole, paths[p.DepartmentId], p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate));
            var held = completions[person.Id].ToList();
            var departments = person.Positions.Where(p => p.IsCurrentOn(today)).Select(p => p.DepartmentId).Distinct().ToList();
            foreach (var requirement in RequirementResolver.Resolve(facts, rules, competencies, overrides, today))
            {
                var dates = held.Where(c => competencies[c.CompetencyId].Satisfies(requirement.Competency)).Select(c => c.CompletedOn);
                var status = RequirementStatusCalculator.Evaluate(requirement, dates, today);
                var ok = status.IsCompliant ? 1 : 0;
                byState[status.State] = byState.GetValueOrDefault(status.State) + 1;
                var subject = requirement.Competency.Subject!.Name;
                var s = bySubject.GetValueOrDefault(subject);
                bySubject[subject] = (s.Item1 + ok, s.Item2 + 1);
                foreach (var d in departments)
                {
                    var x = byDepartment.GetValueOrDefault(d);
                    byDepartment[d] = (x.Item1 + ok, x.Item2 + 1);
                }
            }
        }

        return new DemoCompliance { BySubject = bySubject, ByDepartment = byDepartment, ByState = byState };
    }
}

public class DemoOrganisationGeneratorTests(DemoOrganisationFixture fixture, ITestOutputHelper output) : IClassFixture<DemoOrganisationFixture>
{
    private static readonly DateOnly Today = DemoOrganisationFixture.Today;
    private static readonly string[] RegistrationBodies = ["NMC", "GMC", "HCPC"];
    private static readonly string[] MaternityWards = ["LABOUR-WARD", "WARD-WILLOW"];

    private static string Fingerprint(DemoOrganisation org) => string.Join("\n",
        org.Staff.Select(s => string.Join("|", s.Id, s.EmployeeNumber, s.FirstName, s.LastName, s.WorkEmail, s.StartDate, s.LeavingDate,
            s.RegistrationBody, s.RegistrationNumber, string.Join(";", s.Positions.Select(p =>
                string.Join(",", p.Id, p.AssignmentNumber, p.StaffGroupCode, p.JobRole, p.Band, p.DepartmentId, p.PatientContact,
                    p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate))))))
        + "\n" + string.Join("\n", org.Completions.Select(c => string.Join("|", c.StaffMemberId, c.CompetencyId, c.CompletedOn, c.Source, c.Reference)))
        + "\n" + org.Personas;

    [Fact]
    public void Same_seed_gives_the_same_organisation_and_a_different_seed_does_not()
    {
        var catalogue = DemoCatalogue.Build();
        var a = DemoOrganisationGenerator.Generate(42, 1500, Today, catalogue);
        var b = DemoOrganisationGenerator.Generate(42, 1500, Today, DemoCatalogue.Build());
        var c = DemoOrganisationGenerator.Generate(43, 1500, Today, catalogue);

        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.Equal(a.Completions.Count, b.Completions.Count);
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
        Assert.NotEqual(a.Staff.Select(s => s.EmployeeNumber), c.Staff.Select(s => s.EmployeeNumber));
    }

    [Fact]
    public void The_full_size_organisation_is_deterministic_too()
    {
        var again = DemoOrganisationGenerator.Generate(DemoOrganisationFixture.Seed, DemoOrganisationFixture.StaffCount, Today, DemoCatalogue.Build());
        Assert.Equal(Fingerprint(fixture.Organisation), Fingerprint(again));
    }

    [Fact]
    public void Organisation_has_the_expected_shape()
    {
        var org = fixture.Organisation;
        Assert.Equal("RZZ", org.Organisation.Code);
        Assert.Equal("Thameside University Hospitals NHS Foundation Trust", org.Organisation.Name);
        Assert.Equal(3, org.Sites.Count);
        Assert.InRange(org.Departments.Count, 55, 65);
        Assert.Equal(DemoOrganisationFixture.StaffCount, org.Staff.Count);

        var departmentIds = org.Departments.Select(d => d.Id).ToHashSet();
        var siteIds = org.Sites.Select(s => s.Id).ToHashSet();
        foreach (var d in org.Departments)
        {
            Assert.True(d.ParentId is null || departmentIds.Contains(d.ParentId.Value));
            Assert.True(d.SiteId is null || siteIds.Contains(d.SiteId.Value));
            var parent = d.ParentId is int p ? org.Departments.Single(x => x.Id == p) : null;
            Assert.Equal(DepartmentTree.PathOf(parent?.Path, d.Id), d.Path);
            Assert.Equal(d.ParentId is null ? DepartmentKind.Division : parent!.Kind + 1, d.Kind);
        }

        Assert.Equal(org.Departments.Count, org.Departments.Select(d => d.Code).Distinct().Count());
        Assert.Contains(org.Departments, d => d.Code == "ED");
        Assert.Contains(org.Departments, d => d.Code == "WARD-7A");
        Assert.Contains(org.Departments, d => d.Code == "THEATRES-N");
        Assert.Equal(org.Sites.Count, org.Departments.Where(d => d.SiteId is not null).Select(d => d.SiteId).Distinct().Count());

        var positions = org.Positions.ToList();
        Assert.All(positions, p => Assert.Contains(p.DepartmentId, departmentIds));
        Assert.All(positions, p => Assert.True(p.EndDate is null || p.EndDate > p.StartDate));
        Assert.InRange(positions.Count, 6200, 6900);

        Assert.Equal(org.Staff.Count, org.Staff.Select(s => s.EmployeeNumber).Distinct().Count());
        Assert.All(org.Staff, s => Assert.Matches("^[1-9][0-9]{7}$", s.EmployeeNumber));
        Assert.Equal(positions.Count, positions.Select(p => p.AssignmentNumber).Distinct().Count());
        Assert.All(org.Staff, s => Assert.All(s.Positions, p => Assert.StartsWith(s.EmployeeNumber, p.AssignmentNumber, StringComparison.Ordinal)));
        Assert.Equal(org.Staff.Count, org.Staff.Select(s => s.WorkEmail).Distinct().Count());
        Assert.All(org.Staff, s => Assert.Matches("^[a-z0-9-]+\\.[a-z0-9-]+[0-9]*@thameside\\.nhs\\.example$", s.WorkEmail));
    }

    [Fact]
    public void Staff_groups_roles_and_flags_are_realistic()
    {
        var org = fixture.Organisation;
        var primary = org.Staff.Select(s => s.Positions.Last(p => !p.JobRole.StartsWith("Bank ", StringComparison.Ordinal) && !p.JobRole.StartsWith("Locum ", StringComparison.Ordinal))).ToList();
        var shares = primary.GroupBy(p => p.StaffGroupCode).ToDictionary(g => g.Key, g => 100.0 * g.Count() / primary.Count);
        output.WriteLine(string.Join(", ", shares.OrderByDescending(x => x.Value).Select(x => $"{x.Key} {x.Value:0.0}%")));

        Assert.Equal(ReferenceCatalogue.StaffGroups().Select(g => g.Code).Order(), shares.Keys.Order());
        Assert.InRange(shares["NMR"], 23, 29);
        Assert.InRange(shares["ACS"], 19, 25);
        Assert.InRange(shares["AC"], 17, 23);
        Assert.InRange(shares["MD"], 9, 13);
        Assert.InRange(shares["STU"], 0.5, 2);

        var registeredGroups = new[] { "NMR", "MD", "AHP", "HS" };
        var allPositions = org.Positions.ToList();
        Assert.All(allPositions.Where(p => p.RegisteredClinician), p => Assert.Contains(p.StaffGroupCode, registeredGroups));
        Assert.All(allPositions.Where(p => p.StaffGroupCode is "NMR" or "MD" or "AHP"), p => Assert.True(p.RegisteredClinician));
        var byId = org.Staff.ToDictionary(s => s.Id);
        Assert.All(allPositions.Where(p => p.RegisteredClinician), p =>
        {
            var body = byId[p.StaffMemberId].RegistrationBody;
            Assert.Contains(body, RegistrationBodies);
            Assert.False(string.IsNullOrEmpty(byId[p.StaffMemberId].RegistrationNumber));
        });

        var departments = org.Departments.ToDictionary(d => d.Id);
        Assert.All(allPositions.Where(p => p.JobRole == "Porter"), p => Assert.Equal("PORTERING", departments[p.DepartmentId].Code));
        Assert.All(allPositions.Where(p => p.JobRole == "Midwife"), p => Assert.Contains(departments[p.DepartmentId].Code, MaternityWards));
        Assert.All(allPositions.Where(p => p.JobRole == "Children's Staff Nurse"), p => Assert.True(p.WorksWithChildren));
        Assert.Contains(allPositions, p => p.JobRole == "Staff Nurse" && p.Band == "Band 5");
        Assert.Contains(allPositions, p => p.JobRole == "Consultant");
        Assert.Contains(allPositions, p => p.JobRole == "Foundation Year 1" && p.Band == "FY1");
        Assert.Contains(allPositions, p => p.JobRole == "Biomedical Scientist" && p.Band == "Band 6");
        Assert.Contains(allPositions, p => p.JobRole == "Ward Manager" && p.Band == "Band 7");
        Assert.DoesNotContain(allPositions, p => p.StaffGroupCode is "AC" or "EA" && p.WorksWithChildren);

        // Two positions, leavers, new starters, long service.
        var active = org.Staff.Where(s => s.IsActiveOn(Today)).ToList();
        var twoCurrent = active.Count(s => s.Positions.Count(p => p.IsCurrentOn(Today)) >= 2);
        Assert.InRange(100.0 * twoCurrent / active.Count, 3, 7);
        var leavers = org.Staff.Where(s => s.LeavingDate is not null).ToList();
        Assert.InRange(leavers.Count, 120, 400);
        Assert.All(leavers, s => Assert.All(s.Positions, p => Assert.True(p.EndDate is not null && p.EndDate <= s.LeavingDate)));
        Assert.InRange(org.Staff.Count(s => s.StartDate > Today.AddDays(-60)), 100, 300);
        Assert.Contains(org.Staff, s => s.StartDate < Today.AddYears(-20));
        Assert.All(org.Staff, s => Assert.True(s.StartDate >= Today.AddYears(-25).AddDays(-1)));
    }

    [Fact]
    public void Rules_override_and_targets_follow_the_framework()
    {
        var org = fixture.Organisation;
        Assert.Equal(21, org.Rules.Count);
        var codes = fixture.Catalogue.ToDictionary(c => c.Id, c => c.Code);
        var fire = Assert.Single(org.Rules, r => codes[r.CompetencyId] == "CSTF-FIRE-1");
        Assert.Equal("Fire Safety — all staff", fire.Name);
        var acute = Assert.Single(org.Rules, r => codes[r.CompetencyId] == "CSTF-RES-3A");
        Assert.Equal(org.AcuteDepartmentId, acute.DepartmentId);
        Assert.True(acute.RegisteredClinician);

        var fireOverride = Assert.Single(org.RefresherOverrides);
        Assert.Equal("CSTF-FIRE-1", codes[fireOverride.CompetencyId]);
        Assert.Equal(12, fireOverride.Months);
        Assert.False(string.IsNullOrWhiteSpace(fireOverride.Justification));

        Assert.Equal(11, org.SubjectTargets.Count);
        var subjects = fixture.Catalogue.Select(c => c.Subject!).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        Assert.All(org.SubjectTargets, t => Assert.Equal(subjects[t.SubjectId].Code == "CSTF-IG" ? 95m : 90m, t.TargetPercent));
    }

    [Fact]
    public void Compliance_is_realistic_with_a_few_departments_clearly_behind()
    {
        var org = fixture.Organisation;
        var compliance = fixture.Compliance;
        foreach (var (subject, x) in compliance.BySubject.OrderBy(x => x.Key))
        {
            output.WriteLine($"{subject,-45} {DemoCompliance.Percent(x),5:0.0}%  ({x.Total})");
        }

        var names = org.Departments.ToDictionary(d => d.Id, d => d.Name);
        foreach (var (id, x) in compliance.ByDepartment.OrderBy(x => DemoCompliance.Percent(x.Value)))
        {
            output.WriteLine($"{names[id],-45} {DemoCompliance.Percent(x),5:0.0}%  ({x.Total})");
        }

        output.WriteLine(string.Join(", ", compliance.ByState.Select(x => $"{x.Key} {x.Value}")));
        output.WriteLine($"completions {org.Completions.Count}, positions {org.Positions.Count()}");

        Assert.Equal(11, compliance.BySubject.Count);
        var inBand = compliance.BySubject.Values.Count(x => DemoCompliance.Percent(x) is >= 80 and <= 95);
        Assert.True(inBand >= 9, $"only {inBand} of 11 CSTF subjects are between 80% and 95%");

        var behind = compliance.ByDepartment.Where(x => x.Value.Total >= 100 && DemoCompliance.Percent(x.Value) < 70).Select(x => x.Key).ToList();
        Assert.InRange(behind.Count, 2, 4);
        Assert.All(org.LaggingDepartmentIds, id => Assert.True(DemoCompliance.Percent(compliance.ByDepartment[id]) < 70, names[id]));

        // New starters still in grace have nothing yet; some people renewed early inside the window.
        Assert.True(compliance.ByState.GetValueOrDefault(ComplianceState.NotStartedInGrace) > 0);
        Assert.True(compliance.ByState.GetValueOrDefault(ComplianceState.RenewalDue) > 0);
        Assert.InRange(org.Completions.Count, 120_000, 450_000);
        Assert.All(org.Completions, c => Assert.InRange(c.CompletedOn, Today.AddYears(-6), Today));
    }

    [Fact]
    public void Early_renewals_inside_the_window_and_ai_completions_exist()
    {
        var org = fixture.Organisation;
        var codes = fixture.Catalogue.ToDictionary(c => c.Id, c => c.Code);
        var ai = org.Completions.Where(c => codes[c.CompetencyId].StartsWith("AIDHT-", StringComparison.Ordinal)).ToList();
        Assert.InRange(ai.Select(c => c.StaffMemberId).Distinct().Count(), 100, 1500);
        Assert.All(ai, c => Assert.Matches("-L[12]$", codes[c.CompetencyId]));
        Assert.Contains(ai, c => codes[c.CompetencyId].EndsWith("-L2", StringComparison.Ordinal));

        // Annual IG renewals done 1–60 days before the anniversary of the previous completion.
        var ig = fixture.Catalogue.Single(c => c.Code == "CSTF-IG-1").Id;
        var early = org.Completions.Where(c => c.CompetencyId == ig).GroupBy(c => c.StaffMemberId)
            .Sum(g => g.Zip(g.Skip(1)).Count(p => p.Second.CompletedOn < p.First.CompletedOn.AddMonths(12)
                && p.Second.CompletedOn >= p.First.CompletedOn.AddMonths(12).AddDays(-60)));
        Assert.True(early > 1000, $"{early} early renewals");
        Assert.Contains(org.Completions, c => c.Source == CompletionSource.PriorLearning);
    }

    [Fact]
    public void Personas_are_suitable()
    {
        var org = fixture.Organisation;
        var p = org.Personas;
        var staff = org.Staff.ToDictionary(s => s.Id);
        var departments = org.Departments.ToDictionary(d => d.Id);
        Position Current(int id) => Assert.Single(staff[id].Positions, x => x.IsCurrentOn(Today));

        var learner = Current(p.LearnerStaffId);
        Assert.Equal(("Staff Nurse", "Band 5", "WARD-7A"), (learner.JobRole, learner.Band, departments[learner.DepartmentId].Code));
        Assert.Equal("Matron", Current(p.ManagerStaffId).JobRole);
        Assert.Equal(p.ManagerDepartmentId, Current(p.ManagerStaffId).DepartmentId);
        var wards = org.Departments.Count(d => d.ParentId == p.ManagerDepartmentId);
        Assert.InRange(wards, 2, 3);
        Assert.True(DepartmentTree.IsWithin(departments[learner.DepartmentId].Path, departments[p.ManagerDepartmentId].Path));
        Assert.Equal("Clinical Practice Educator", Current(p.EducatorStaffId).JobRole);
        Assert.Equal("Statutory and Mandatory Training Lead", Current(p.ComplianceLeadStaffId).JobRole);
        Assert.Equal("Learning Systems Administrator", Current(p.AdminStaffId).JobRole);

        // The learner's record is worth showing: mostly up to date, with something to act on.
        var competencies = fixture.Catalogue.ToDictionary(c => c.Id);
        var paths = org.Departments.ToDictionary(d => d.Id, d => d.Path);
        var facts = staff[p.LearnerStaffId].Positions.Select(x => new PositionFacts(x.Id, x.AssignmentNumber, x.StaffGroupCode, true, x.JobRole,
            paths[x.DepartmentId], x.PatientContact, x.WorksWithChildren, x.RegisteredClinician, x.StartDate, x.EndDate));
        var held = org.Completions.Where(c => c.StaffMemberId == p.LearnerStaffId).ToList();
        var statuses = RequirementResolver.Resolve(facts, org.RulesWithScope(), competencies, org.RefresherOverrides.ToDictionary(o => o.CompetencyId, o => o.Months), Today)
            .Select(r => RequirementStatusCalculator.Evaluate(r, held.Where(c => competencies[c.CompetencyId].Satisfies(r.Competency)).Select(c => c.CompletedOn), Today))
            .ToList();
        Assert.InRange(statuses.Count(s => !s.IsCompliant), 1, 3);
        Assert.True(statuses.Count(s => s.IsCompliant) > statuses.Count / 2);
    }
}

public class CstfStandardRulesTests
{
    private static readonly DateTime Stamp = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Every_cstf_audience_becomes_a_rule_with_matching_criteria()
    {
        var catalogue = DemoCatalogue.Build();
        var codes = catalogue.ToDictionary(c => c.Id, c => c.Code);
        var rules = CstfStandardRules.Build(7, catalogue, acuteDepartmentId: 42, Stamp, "test").ToDictionary(r => codes[r.CompetencyId]);

        Assert.Equal(21, rules.Count);
        Assert.DoesNotContain(rules.Keys, c => c.StartsWith("AIDHT", StringComparison.Ordinal));
        Assert.All(rules.Values, r => Assert.Equal((7, 30, true, Stamp, "test"), (r.OrganisationId, r.GraceDays, r.IsActive, r.UpdatedAt, r.UpdatedBy)));

        static (bool?, bool?, bool?, bool?, int?) Criteria(RequirementRule r) => (r.Clinical, r.PatientContact, r.WorksWithChildren, r.RegisteredClinician, r.DepartmentId);
        Assert.Equal((null, null, null, null, null), Criteria(rules["CSTF-FIRE-1"]));
        Assert.Equal((null, true, null, null, null), Criteria(rules["CSTF-CR-1"]));
        Assert.Equal((true, null, null, null, null), Criteria(rules["CSTF-RES-2A"]));
        Assert.Equal((false, null, null, null, null), Criteria(rules["CSTF-RES-1"]));
        Assert.Equal((true, true, null, null, null), Criteria(rules["CSTF-MH-2"]));
        Assert.Equal((null, null, null, true, null), Criteria(rules["CSTF-SGA-3"]));
        Assert.Equal((null, null, null, true, 42), Criteria(rules["CSTF-RES-3A"]));
        Assert.Equal((null, null, true, null, null), Criteria(rules["CSTF-RES-2P"]));

        Assert.Equal("Fire Safety — all staff", rules["CSTF-FIRE-1"].Name);
        Assert.Equal("Resuscitation Level 2 Adult Basic Life Support — clinical staff", rules["CSTF-RES-2A"].Name);
        Assert.Equal("Preventing Radicalisation Level 3 (Prevent Awareness) — registered clinicians", rules["CSTF-PREV-3"].Name);
    }

    [Fact]
    public void Acute_rule_is_skipped_without_an_acute_department()
    {
        var catalogue = DemoCatalogue.Build();
        var rules = CstfStandardRules.Build(1, catalogue, acuteDepartmentId: null, Stamp);
        Assert.Equal(20, rules.Count);
        Assert.DoesNotContain(rules, r => r.DepartmentId is not null);
    }
}
