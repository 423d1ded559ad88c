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
}

/// <summary>The state of one requirement for one person on a given day, with its key dates.</summary>
public sealed record RequirementStatus(
    Requirement Requirement,
    ComplianceState State,
    DateOnly? LastCompleted,
    DateOnly? ExpiresOn,
    DateOnly DueBy)
{
    public bool IsCompliant => State is ComplianceState.Certified or ComplianceState.RenewalDue;

    /// <summary>Red / amber / green for matrices.</summary>
    public string Rag => State switch
    {
        ComplianceState.Certified => "green",
        ComplianceState.RenewalDue or ComplianceState.NotStartedInGrace => "amber",
        _ => "red",
    };

    public string Label => State switch
    {
        ComplianceState.NotStartedInGrace => "Not started",
        ComplianceState.NotStartedOverdue => "Overdue",
        ComplianceState.Certified => "Up to date",
        ComplianceState.RenewalDue => "Renewal due",
        ComplianceState.Expired => "Expired",
        _ => State.ToString(),
    };
}

/// <summary>
/// Works out a requirement's state from completion dates. Expiry = completion + refresher period;
/// renewing early inside the window extends from the previous expiry (the Totara reference model).
/// </summary>
public static class RequirementStatusCalculator
{
    public const int DefaultRenewalWindowDays = 60;

    /// <param name="requirement">The requirement.</param>
    /// <param name="completionDates">Dates of completions of any competency that satisfies it.</param>
    /// <param name="onDate">The day to evaluate.</param>
    /// <param name="renewalWindowDays">How long before expiry the renewal window opens.</param>
    public static RequirementStatus Evaluate(Requirement requirement, IEnumerable<DateOnly> completionDates, DateOnly onDate, int renewalWindowDays = DefaultRenewalWindowDays)
    {
        var graceEnd = requirement.RequiredFrom.AddDays(requirement.GraceDays);
        DateOnly? expires = null;
        DateOnly? last = null;
        foreach (var completed in completionDates.Where(d => d <= onDate).Order())
        {
            last = completed;
            if (requirement.RefresherMonths is not int months)
            {
                continue;
            }

            // Renewed inside the window (before expiry, after it opened): extend from the previous expiry.
            var earlyRenewal = expires is DateOnly previous
                && completed < previous
                && completed >= previous.AddDays(-renewalWindowDays);
            expires = earlyRenewal ? expires!.Value.AddMonths(months) : completed.AddMonths(months);
        }

        if (last is null)
        {
            var state = onDate < graceEnd ? ComplianceState.NotStartedInGrace : ComplianceState.NotStartedOverdue;
            return new RequirementStatus(requirement, state, null, null, graceEnd);
        }

        if (expires is null)
        {
            return new RequirementStatus(requirement, ComplianceState.Certified, last, null, last.Value);
        }

        var result = onDate >= expires.Value ? ComplianceState.Expired
            : onDate >= expires.Value.AddDays(-renewalWindowDays) ? ComplianceState.RenewalDue
            : ComplianceState.Certified;
        return new RequirementStatus(requirement, result, last, expires, expires.Value);
    }
}
