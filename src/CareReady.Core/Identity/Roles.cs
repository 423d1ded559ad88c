namespace CareReady.Core.Identity;

/// <summary>The eight roles. A user may hold several.</summary>
public static class Roles
{
    public const string Learner = nameof(Learner);
    public const string Manager = nameof(Manager);
    public const string Educator = nameof(Educator);
    /// <summary>An educator who may approve and publish module versions (not their own).</summary>
    public const string EducatorLead = nameof(EducatorLead);
    public const string ComplianceLead = nameof(ComplianceLead);
    public const string Admin = nameof(Admin);

    /// <summary>Board and leadership: the organisation's dashboards, impact and goals (figures, not people's records).</summary>
    public const string Executive = nameof(Executive);

    /// <summary>
    /// A regional or national team in a deployment that holds many organisations: compliance figures per organisation
    /// across the deployment (the national heatmap), never anyone's record. Granted only from the command line by
    /// whoever runs the deployment (<c>careready user create --role NationalAnalyst</c>).
    /// </summary>
    public const string NationalAnalyst = nameof(NationalAnalyst);

    public static readonly IReadOnlyList<string> All = [Learner, Manager, Educator, EducatorLead, ComplianceLead, Admin, Executive, NationalAnalyst];
}
