using CareReady.Core.Workforce;

namespace CareReady.Core.Requirements;

/// <summary>What the rule engine needs to know about one position.</summary>
public sealed record PositionFacts(
    int PositionId,
    string AssignmentNumber,
    string StaffGroupCode,
    bool Clinical,
    string JobRole,
    string DepartmentPath,
    bool PatientContact,
    bool WorksWithChildren,
    bool RegisteredClinician,
    DateOnly StartDate,
    DateOnly? EndDate)
{
    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate > date);
}

/// <summary>Decides whether a rule's audience includes a position.</summary>
public static class RuleMatcher
{
    /// <param name="rule">The rule.</param>
    /// <param name="ruleDepartmentPath">Materialised path of <see cref="RequirementRule.DepartmentId"/>, when set.</param>
    /// <param name="position">The position to test.</param>
    public static bool Matches(RequirementRule rule, string? ruleDepartmentPath, PositionFacts position)
    {
        if (!rule.IsActive)
        {
            return false;
        }

        if (rule.StaffGroupCode is not null
            && !string.Equals(rule.StaffGroupCode, position.StaffGroupCode, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.JobRole is not null
            && !string.Equals(rule.JobRole.Trim(), position.JobRole.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (rule.DepartmentId is not null
            && (ruleDepartmentPath is null || !DepartmentTree.IsWithin(position.DepartmentPath, ruleDepartmentPath)))
        {
            return false;
        }

        return FlagMatches(rule.Clinical, position.Clinical)
            && FlagMatches(rule.PatientContact, position.PatientContact)
            && FlagMatches(rule.WorksWithChildren, position.WorksWithChildren)
            && FlagMatches(rule.RegisteredClinician, position.RegisteredClinician);
    }

    private static bool FlagMatches(bool? wanted, bool actual) => wanted is null || wanted == actual;

    /// <summary>Plain-words description of a rule's audience, e.g. "clinical staff with patient contact in Emergency Department".</summary>
    public static string DescribeAudience(RequirementRule rule, string? departmentName, string? staffGroupName)
    {
        var parts = new List<string>();
        if (rule.Clinical == true) parts.Add("clinical staff");
        if (rule.Clinical == false) parts.Add("non-clinical staff");
        if (staffGroupName is not null) parts.Add("staff group " + staffGroupName);
        if (rule.JobRole is not null) parts.Add("job role " + rule.JobRole);
        if (rule.RegisteredClinician == true) parts.Add("registered clinicians");
        if (rule.RegisteredClinician == false) parts.Add("not registered clinicians");
        if (rule.PatientContact == true) parts.Add("with patient contact");
        if (rule.PatientContact == false) parts.Add("without patient contact");
        if (rule.WorksWithChildren == true) parts.Add("working with children");
        if (rule.WorksWithChildren == false) parts.Add("not working with children");
        if (departmentName is not null) parts.Add("in " + departmentName + " (and below)");
        return parts.Count == 0 ? "all staff" : string.Join(", ", parts);
    }
}
