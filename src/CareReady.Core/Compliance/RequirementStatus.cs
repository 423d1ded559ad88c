using CareReady.Core.Requirements;

namespace CareReady.Core.Compliance;

public enum ComplianceState
{
    /// <summary>Never completed, still inside the new-starter grace period.</summary>
    NotStartedInGrace,

    /// <summary>Never completed and past the grace period.</summary>
    NotStartedOverdue,

    Certified,

    /// <summary>Certified, but the renewal window is open.</summary>
    RenewalDue,

    Expired,

    /// <summary>A time-limited exemption applies: counts as met, shown as exempt.</summary>
    Exempt,
}

/// <summary>One certification cycle: a completion and the expiry it produced.</summary>
/// <param name="CompletedOn">The day of the completion.</param>
/// <param name="ExpiresOn">The expiry it gave (null when the competency never expires).</param>
/// <param name="RenewedEarly">True when it was completed inside the renewal window, so the expiry ran on from the previous one.</param>
/// <param name="CappedByChange">True when a regulatory change cut the expiry short (<see cref="Regulation.CertificationCap"/>).</param>
public sealed record CertificationCycle(DateOnly CompletedOn, DateOnly? ExpiresOn, bool RenewedEarly, bool CappedByChange = false);

/// <summary>A completion as the calculator sees it: its day, and the cap a regulatory change put on it (null: none).</summary>
public readonly record struct CompletionEvidence(DateOnly CompletedOn, DateOnly? ValidUntil);

/// <summary>An exemption's effective days: from <paramref name="StartsOn"/> up to (not including) <paramref name="EndsOn"/>.</summary>
public readonly record struct ExemptionPeriod(DateOnly StartsOn, DateOnly EndsOn)
{
    public bool Covers(DateOnly date) => StartsOn <= date && date < EndsOn;
}

/// <summary>The state of one requirement for one person on a given day, with its key dates and history.</summary>
public sealed record RequirementStatus(
    Requirement Requirement,
    ComplianceState State,
    DateOnly? LastCompleted,
    DateOnly? ExpiresOn,
    DateOnly DueBy,
    IReadOnlyList<CertificationCycle> Cycles,
    DateOnly? ExemptUntil = null)
{
    /// <summary>Counts towards the target: certified (renewal window open or not) or exempt.</summary>
    public bool IsCompliant => State is ComplianceState.Certified or ComplianceState.RenewalDue or ComplianceState.Exempt;

    /// <summary>Red / amber / green for matrices; exempt is shown grey.</summary>
    public string Rag => State switch
    {
        ComplianceState.Certified => "green",
        ComplianceState.RenewalDue or ComplianceState.NotStartedInGrace => "amber",
        ComplianceState.Exempt => "grey",
        _ => "red",
    };

    public string Label => Labels.For(State);
}

public static class Labels
{
    public static string For(ComplianceState state) => state switch
    {
        ComplianceState.NotStartedInGrace => "Not started",
        ComplianceState.NotStartedOverdue => "Overdue",
        ComplianceState.Certified => "Up to date",
        ComplianceState.RenewalDue => "Renewal due",
        ComplianceState.Expired => "Expired",
        ComplianceState.Exempt => "Exempt",
        _ => state.ToString(),
    };
}

/// <summary>
/// Works out a requirement's state from completion dates (the Totara certification model):
/// expiry = completion + refresher period; a completion inside the renewal window (after it opens,
/// before expiry) extends from the previous expiry instead; after expiry the person is back to
/// needing it and shows as expired/overdue. Every completion is a cycle in the history. A higher
/// level of the subject counts (the caller passes completions of every satisfying competency).
/// An exemption covering the day makes it Exempt, whatever the completions say.
/// </summary>
public static class RequirementStatusCalculator
{
    public const int DefaultRenewalWindowDays = 60;

    public static RequirementStatus Evaluate(Requirement requirement, IEnumerable<DateOnly> completionDates, DateOnly onDate, int renewalWindowDays = DefaultRenewalWindowDays) =>
        Evaluate(requirement, completionDates, [], onDate, renewalWindowDays);

    public static RequirementStatus Evaluate(
        Requirement requirement, IEnumerable<DateOnly> completionDates, IEnumerable<ExemptionPeriod> exemptions,
        DateOnly onDate, int renewalWindowDays = DefaultRenewalWindowDays) =>
        Evaluate(requirement, completionDates.Select(d => new CompletionEvidence(d, null)), exemptions, onDate, renewalWindowDays);

    /// <param name="requirement">The requirement (refresher period, grace, when it started to apply).</param>
    /// <param name="completions">Completions of any competency that satisfies it, each with its cap if a regulatory change set one.</param>
    /// <param name="exemptions">The person's exemption periods for this requirement.</param>
    /// <param name="onDate">The day to evaluate; completions after it are ignored (as-of queries).</param>
    /// <param name="renewalWindowDays">How long before expiry the renewal window opens.</param>
    public static RequirementStatus Evaluate(
        Requirement requirement, IEnumerable<CompletionEvidence> completions, IEnumerable<ExemptionPeriod> exemptions,
        DateOnly onDate, int renewalWindowDays = DefaultRenewalWindowDays)
    {
        var graceEnd = requirement.RequiredFrom.AddDays(requirement.GraceDays);
        var cycles = new List<CertificationCycle>();
        DateOnly? expires = null;
        DateOnly? last = null;
        // Completions on the same day are one cycle; it is capped only when every one of them is (the latest cap then).
        var days = completions.Where(c => c.CompletedOn <= onDate)
            .GroupBy(c => c.CompletedOn)
            .Select(g => (Day: g.Key, Cap: g.Any(c => c.ValidUntil is null) ? null : g.Max(c => c.ValidUntil)))
            .OrderBy(g => g.Day);
        foreach (var (completed, cap) in days)
        {
            last = completed;
            DateOnly? uncapped = null;
            var earlyRenewal = false;
            if (requirement.RefresherMonths is int months)
            {
                earlyRenewal = expires is DateOnly previous
                    && completed < previous
                    && completed >= previous.AddDays(-renewalWindowDays);
                uncapped = earlyRenewal ? expires!.Value.AddMonths(months) : completed.AddMonths(months);
            }

            expires = cap is DateOnly c && (uncapped is null || c < uncapped) ? c : uncapped;
            cycles.Add(new CertificationCycle(completed, expires, earlyRenewal, cap is DateOnly until && until == expires));
        }

        var exemption = exemptions.Where(e => e.Covers(onDate)).Select(e => (DateOnly?)e.EndsOn).Max();

        if (last is null)
        {
            var state = exemption is not null ? ComplianceState.Exempt
                : onDate < graceEnd ? ComplianceState.NotStartedInGrace : ComplianceState.NotStartedOverdue;
            return new RequirementStatus(requirement, state, null, null, graceEnd, cycles, exemption);
        }

        if (expires is null)
        {
            return new RequirementStatus(requirement, exemption is null ? ComplianceState.Certified : ComplianceState.Exempt,
                last, null, last.Value, cycles, exemption);
        }

        var result = exemption is not null ? ComplianceState.Exempt
            : onDate >= expires.Value ? ComplianceState.Expired
            : onDate >= expires.Value.AddDays(-renewalWindowDays) ? ComplianceState.RenewalDue
            : ComplianceState.Certified;
        return new RequirementStatus(requirement, result, last, expires, expires.Value, cycles, exemption);
    }
}
