using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>
/// Generates the fictional demo organisation — Thameside University Hospitals NHS Foundation Trust
/// ("RZZ"): three sites, a division → department → ward tree, staff across all nine staff groups with
/// realistic roles and bands, the standard CSTF rules, one justified local refresher override, subject
/// targets and six years of training history. Pure and deterministic: the same seed, staff count, day
/// and catalogue give the same organisation, record for record.
/// </summary>
public static class DemoOrganisationGenerator
{
    public const string OrganisationCode = DemoStructure.OrganisationCode;
    public const string OrganisationName = DemoStructure.OrganisationName;
    public const string StaffEmailDomain = DemoStructure.EmailDomain;

    /// <summary>Who recorded the demo's local decisions (the compliance lead's sign-in).</summary>
    public const string RecordedBy = "compliance@careready.example";

    public const string RulesUpdatedBy = "CareReady demo data";
    public const string FireSafetyOverrideJustification =
        "Trust fire strategy 2025: annual training after the 2024 ward evacuation review";

    public const decimal InformationGovernanceTarget = 95m;

    /// <param name="seed">Seed of the random draws.</param>
    /// <param name="staffCount">Number of staff records (leavers included).</param>
    /// <param name="today">The day the organisation is generated for; history runs up to it.</param>
    /// <param name="competencies">The competency catalogue with real (or, in tests, fake) ids; CSTF and AI framework codes are looked up by code.</param>
    public static DemoOrganisation Generate(int seed, int staffCount, DateOnly today, IEnumerable<Competency> competencies)
    {
        ArgumentNullException.ThrowIfNull(competencies);
        var catalogue = competencies.OrderBy(c => c.Id).ToDictionary(c => c.Id);
        var workforce = new DemoWorkforceGenerator(new Random(seed), today, staffCount).Build();
        var acuteId = workforce.DepartmentIds[DemoStructure.AcuteDivision];
        var acuteName = workforce.Departments[acuteId - 1].Name;

        var rules = CstfStandardRules.Build(0, catalogue.Values, acuteId, Utc(today.AddDays(-400), 9, 0), RulesUpdatedBy, acuteDepartmentName: acuteName).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            rules[i].Id = i + 1;
        }

        var overrides = new List<RefresherOverride>();
        if (catalogue.Values.FirstOrDefault(c => c.Code == "CSTF-FIRE-1") is { } fire)
        {
            overrides.Add(new RefresherOverride
            {
                Id = 1,
                CompetencyId = fire.Id,
                Months = 12,
                Justification = FireSafetyOverrideJustification,
                RecordedBy = RecordedBy,
                RecordedAt = Utc(today.AddDays(-210), 10, 30),
            });
        }

        var targets = Targets(catalogue.Values);

        var paths = workforce.Departments.ToDictionary(d => d.Id, d => d.Path);
        var scoped = rules.Select(r => new RuleWithScope(r, r.DepartmentId is int d ? paths[d] : null)).ToList();
        var history = new DemoTrainingHistory(new Random(unchecked((seed * 7919) + 104_729)), today, scoped, catalogue,
            overrides.ToDictionary(o => o.CompetencyId, o => o.Months), paths);

        var aiLevel1 = catalogue.Values.Where(c => IsAi(c) && c.Level == 1).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        var aiLevel2 = aiLevel1
            .Select(l1 => (l1.Id, L2: catalogue.Values.FirstOrDefault(c => c.SubjectId == l1.SubjectId && c.Level == 2)))
            .Where(x => x.L2 is not null)
            .ToDictionary(x => x.Id, x => x.L2!);
        var digital = workforce.DepartmentIds["DIGITAL"];
        var education = workforce.DepartmentIds[DemoStructure.EducationDepartment];

        var perPerson = new List<Completion>[workforce.Staff.Count];
        for (var i = 0; i < workforce.Staff.Count; i++)
        {
            var person = workforce.Staff[i];
            var trait = workforce.Traits[i];
            var list = new List<Completion>(48);
            history.Simulate(person, trait, list);
            var main = person.Positions.First(p => p.Id == trait.PrimaryPositionId);
            var aiLikelihood = main.DepartmentId == digital ? 0.5
                : main.DepartmentId == education ? 0.6
                : main.JobRole == "Consultant" ? 0.15
                : 0.06;
            history.SimulateAi(person, aiLikelihood, aiLevel1, aiLevel2, list);
            list.Sort((a, b) => a.CompletedOn != b.CompletedOn ? a.CompletedOn.CompareTo(b.CompletedOn) : a.CompetencyId.CompareTo(b.CompetencyId));
            perPerson[i] = list;
        }

        // The impact story (training pushes and performance measures with planted effects) has its own draws,
        // so adding it left the rest of the organisation exactly as it was.
        var impact = DemoImpact.Plan(new Random(unchecked((seed * 31) + 11)), today, workforce, catalogue, perPerson);
        foreach (var list in perPerson)
        {
            list.Sort((a, b) => a.CompletedOn != b.CompletedOn ? a.CompletedOn.CompareTo(b.CompletedOn) : a.CompetencyId.CompareTo(b.CompetencyId));
        }

        var learner = PickLearner(workforce, history, catalogue, perPerson, today);
        var organisation = new Organisation { Code = OrganisationCode, Name = OrganisationName };
        return new DemoOrganisation
        {
            Organisation = organisation,
            Sites = workforce.Sites,
            Departments = workforce.Departments,
            Staff = workforce.Staff,
            Rules = rules,
            RefresherOverrides = overrides,
            SubjectTargets = targets,
            Completions = perPerson.SelectMany(l => l).ToList(),
            Personas = new DemoPersonas(learner, workforce.ManagerStaffId, workforce.DepartmentIds[DemoStructure.ManagerDepartment],
                workforce.EducatorStaffId, workforce.ComplianceLeadStaffId, workforce.AdminStaffId),
            AcuteDepartmentId = acuteId,
            LaggingDepartmentIds = DemoStructure.Lagging.Select(c => workforce.DepartmentIds[c]).ToList(),
            Impact = impact,
        };
    }

    private static List<SubjectTarget> Targets(IEnumerable<Competency> catalogue)
    {
        var cstf = catalogue.Where(IsCstf).ToList();
        var ig = cstf.FirstOrDefault(c => c.Code.StartsWith("CSTF-IG-", StringComparison.Ordinal))?.SubjectId;
        return cstf.Select(c => c.SubjectId).Distinct().Order()
            .Select((subjectId, i) => new SubjectTarget
            {
                Id = i + 1,
                SubjectId = subjectId,
                TargetPercent = subjectId == ig ? InformationGovernanceTarget : SubjectTarget.DefaultPercent,
            })
            .ToList();
    }

    /// <summary>
    /// The demo learner: a band 5 staff nurse on the medical ward with a record worth showing — mostly up
    /// to date, one or two items overdue or expired, something due for renewal.
    /// </summary>
    private static int PickLearner(DemoWorkforce workforce, DemoTrainingHistory history, Dictionary<int, Competency> catalogue, List<Completion>[] perPerson, DateOnly today)
    {
        var ward = workforce.DepartmentIds[DemoStructure.LearnerWard];
        var manager = workforce.Departments[workforce.DepartmentIds[DemoStructure.ManagerDepartment] - 1].Path;
        var paths = workforce.Departments.ToDictionary(d => d.Id, d => d.Path);

        bool Eligible(int i, bool strict)
        {
            var person = workforce.Staff[i];
            var trait = workforce.Traits[i];
            if (trait.FixedPost || !person.IsActiveOn(today) || trait.LapsedFrom is not null || person.StartDate > today.AddYears(-2))
            {
                return false;
            }

            var current = person.Positions.Where(p => p.IsCurrentOn(today)).ToList();
            return current.Count == 1 && current[0].JobRole == "Staff Nurse" && current[0].Band == "Band 5"
                && (strict ? current[0].DepartmentId == ward : DepartmentTree.IsWithin(paths[current[0].DepartmentId], manager));
        }

        var candidates = Enumerable.Range(0, workforce.Staff.Count).Where(i => Eligible(i, true)).ToList();
        if (candidates.Count == 0)
        {
            candidates = Enumerable.Range(0, workforce.Staff.Count).Where(i => Eligible(i, false)).ToList();
        }

        if (candidates.Count == 0)
        {
            return workforce.Staff.First(s => !workforce.Traits[s.Id - 1].FixedPost && s.IsActiveOn(today)).Id;
        }

        var best = candidates[0];
        var bestScore = -1;
        foreach (var i in candidates)
        {
            var statuses = history.Requirements(workforce.Staff[i]).Select(r => RequirementStatusCalculator.Evaluate(r,
                perPerson[i].Where(c => catalogue[c.CompetencyId].Satisfies(r.Competency)).Select(c => c.CompletedOn), today)).ToList();
            var missing = statuses.Count(s => !s.IsCompliant);
            var renewal = statuses.Count(s => s.State == ComplianceState.RenewalDue);
            var score = (missing is 1 or 2 ? 20 : missing == 0 ? 0 : 10) + Math.Min(renewal, 2);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return workforce.Staff[best].Id;
    }

    internal static bool IsCstf(Competency c) =>
        c.Subject?.FrameworkCode == ReferenceCatalogue.CstfCode
        || (c.Subject is null && c.Code.StartsWith(ReferenceCatalogue.CstfCode + "-", StringComparison.Ordinal));

    internal static bool IsAi(Competency c) =>
        c.Subject?.FrameworkCode == ReferenceCatalogue.AiFrameworkCode
        || (c.Subject is null && c.Code.StartsWith(ReferenceCatalogue.AiFrameworkCode + "-", StringComparison.Ordinal));

    private static DateTime Utc(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc);
}
