namespace CareReady.Core.Requirements;

/// <summary>The organisation's compliance target for a subject (default 90%).</summary>
public sealed class SubjectTarget
{
    public const decimal DefaultPercent = 90m;

    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int SubjectId { get; set; }
    public decimal TargetPercent { get; set; } = DefaultPercent;
}
