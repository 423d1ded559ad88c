using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>
/// Simulates each person's training record: for every competency they are required to hold, an
/// initial completion near their start and then renewal cycles. Diligent people renew inside the
/// renewal window (which extends from the previous expiry), others late by an amount that grows with
/// the refresher period; lapsed people stop renewing. Expiry is tracked exactly as
/// <see cref="RequirementStatusCalculator"/> computes it from the completions actually written.
/// </summary>
internal sealed class DemoTrainingHistory
{
    public const int HistoryYears = 6;
    public const string PriorLearningReference = "Inter Authority Transfer from previous NHS employer";

    private readonly Random rng;
    private readonly DateOnly today;
    private readonly DateOnly windowStart;
    private readonly IReadOnlyList<RuleWithScope> rules;
    private readonly IReadOnlyDictionary<int, Competency> competencies;
    private readonly IReadOnlyDictionary<int, int> overrides;
    private readonly IReadOnlyDictionary<int, string> paths;
    private readonly Dictionary<string, bool> clinicalGroups = ReferenceCatalogue.StaffGroups().ToDictionary(g => g.Code, g => g.Clinical, StringComparer.Ordinal);

    public DemoTrainingHistory(
        Random rng,
        DateOnly today,
        IReadOnlyList<RuleWithScope> rules,
        IReadOnlyDictionary<int, Competency> competencies,
        IReadOnlyDictionary<int, int> overrides,
        IReadOnlyDictionary<int, string> departmentPaths)
    {
        this.rng = rng;
        this.today = today;
        windowStart = today.AddYears(-HistoryYears);
        this.rules = rules;
        this.competencies = competencies;
        this.overrides = overrides;
        paths = departmentPaths;
    }

    public PositionFacts Facts(Position p) => new(
        p.Id, p.AssignmentNumber, p.StaffGroupCode, clinicalGroups.GetValueOrDefault(p.StaffGroupCode), p.JobRole,
        paths[p.DepartmentId], p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, p.StartDate, p.EndDate);

    /// <summary>The day a person's requirements are judged: today, or a leaver's last day.</summary>
    public DateOnly OnDate(StaffMember person) =>
        person.LeavingDate is DateOnly left && left <= today ? left.AddDays(-1) : today;

    public IReadOnlyList<Requirement> Requirements(StaffMember person) =>
        RequirementResolver.Resolve(person.Positions.Select(Facts), rules, competencies, overrides, OnDate(person));

    /// <summary>Appends the person's statutory and mandatory training history to <paramref name="into"/>.</summary>
    public void Simulate(StaffMember person, DemoPersonTraits trait, List<Completion> into)
    {
        var end = OnDate(person);
        foreach (var requirement in Requirements(person))
        {
            // Needed since the person started when it comes with their main job; otherwise since the extra position began.
            var from = requirement.Reasons.Any(r => r.PositionId == trait.PrimaryPositionId)
                ? person.StartDate
                : requirement.RequiredFrom;
            Cycles(person.Id, requirement, from, end, trait, into);
        }
    }

    private void Cycles(int staffId, Requirement requirement, DateOnly from, DateOnly end, DemoPersonTraits trait, List<Completion> into)
    {
        var grace = requirement.GraceDays;
        if (end < requirement.RequiredFrom.AddDays(grace) && from == requirement.RequiredFrom)
        {
            return; // new starter still in grace: nothing done yet
        }

        var competencyId = requirement.Competency.Id;
        if (requirement.RefresherMonths is not int months)
        {
            var once = from.AddDays(rng.Days(-5, grace));
            if (once <= end && once >= windowStart)
            {
                into.Add(New(staffId, competencyId, once, CompletionSource.Historic));
            }

            return;
        }

        var d = Math.Clamp(trait.Diligence + SubjectEffort(requirement.Competency.Code), 0.0, 1.0);
        var periodDays = months * 30.44;
        var onTime = 0.2 + (0.6 * d);
        var veryEarly = 0.04;
        var lateMean = periodDays * (0.8 - (0.6 * d));
        var window = RequirementStatusCalculator.DefaultRenewalWindowDays;
        var stopAfter = trait.LapsedFrom ?? DateOnly.MaxValue;

        DateOnly? expires = null; // as the calculator sees it, from written completions only
        DateOnly target;          // the expiry the person is working to
        DateOnly next;
        var source = CompletionSource.Historic;
        if (from < windowStart)
        {
            // Long-serving: already in a cycle when the history window opens.
            target = windowStart.AddDays(rng.Days(0, (int)periodDays));
            next = NextAfter(target);
        }
        else
        {
            var draw = rng.NextDouble();
            if (draw < 0.10 && from.DayNumber - windowStart.DayNumber > 300)
            {
                next = from.AddDays(-rng.Days(14, Math.Min(300, (int)periodDays - 30)));
                source = CompletionSource.PriorLearning;
            }
            else if (draw < 0.10 + onTime + 0.1)
            {
                next = from.AddDays(rng.Days(-5, grace - 1));
            }
            else
            {
                next = from.AddDays(grace + (int)rng.Exponential(lateMean * 0.5));
            }
        }

        while (next <= end && next <= stopAfter)
        {
            if (next >= windowStart)
            {
                into.Add(New(staffId, competencyId, next, source));
                var early = expires is DateOnly previous && next < previous && next >= previous.AddDays(-window);
                expires = early ? expires!.Value.AddMonths(months) : next.AddMonths(months);
                target = expires.Value;
            }
            else
            {
                target = next.AddMonths(months);
            }

            source = CompletionSource.Historic;
            next = NextAfter(target);
        }

        DateOnly NextAfter(DateOnly expiry)
        {
            var u = rng.NextDouble();
            if (u < veryEarly)
            {
                return expiry.AddDays(-rng.Days(window + 1, window + 60));
            }

            return u < veryEarly + onTime
                ? expiry.AddDays(-rng.Days(1, window))
                : expiry.AddDays(1 + (int)rng.Exponential(lateMean));
        }
    }

    /// <summary>
    /// Some subjects are harder to keep up than others: face-to-face practical sessions (resuscitation,
    /// patient handling) and the long level 3 safeguarding courses slip more than short e-learning.
    /// </summary>
    private static double SubjectEffort(string code) => code switch
    {
        _ when code.StartsWith("CSTF-RES-", StringComparison.Ordinal) => -0.10,
        "CSTF-MH-2" => -0.07,
        "CSTF-SGA-3" or "CSTF-SGC-3" or "CSTF-PREV-3" => -0.05,
        _ when code.StartsWith("CSTF-FIRE-", StringComparison.Ordinal) => -0.03,
        _ when code.StartsWith("CSTF-IG-", StringComparison.Ordinal) => -0.02,
        _ when code.StartsWith("CSTF-EDHR-", StringComparison.Ordinal) => 0.06,
        _ when code.StartsWith("CSTF-HSW-", StringComparison.Ordinal) => 0.04,
        _ when code.StartsWith("CSTF-PREV-", StringComparison.Ordinal) => 0.03,
        _ => 0.0,
    };

    /// <summary>A few AI &amp; digital capability completions (knowledge levels 1 and 2, no expiry).</summary>
    public void SimulateAi(StaffMember person, double likelihood, IReadOnlyList<Competency> aiLevel1, IReadOnlyDictionary<int, Competency> level2ByLevel1, List<Completion> into)
    {
        if (aiLevel1.Count == 0 || !rng.Chance(likelihood))
        {
            return;
        }

        var end = OnDate(person);
        var earliest = person.StartDate > today.AddDays(-900) ? person.StartDate : today.AddDays(-900);
        if (end <= earliest)
        {
            return;
        }

        var count = rng.Days(1, 3);
        var chosen = new List<Competency>();
        while (chosen.Count < count)
        {
            var c = rng.Pick(aiLevel1);
            if (!chosen.Contains(c)) chosen.Add(c);
        }

        foreach (var c in chosen)
        {
            var on = earliest.AddDays(rng.Days(0, end.DayNumber - earliest.DayNumber));
            into.Add(New(person.Id, c.Id, on, CompletionSource.Historic));
            if (rng.Chance(0.25) && level2ByLevel1.TryGetValue(c.Id, out var level2) && on < end)
            {
                into.Add(New(person.Id, level2.Id, on.AddDays(rng.Days(1, end.DayNumber - on.DayNumber)), CompletionSource.Historic));
            }
        }
    }

    private static Completion New(int staffId, int competencyId, DateOnly on, CompletionSource source) => new()
    {
        StaffMemberId = staffId,
        CompetencyId = competencyId,
        CompletedOn = on,
        Source = source,
        Reference = source == CompletionSource.PriorLearning ? PriorLearningReference : null,
    };
}
