using CareReady.Core.Compliance;
using CareReady.Core.Identity;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Audit;

/// <summary>
/// The entity types whose every insert, update and delete is recorded, and which of their fields.
/// Reference data (frameworks, subjects, competencies, staff groups) is national and loaded by the
/// migration, so it is not audited; neither are Identity's internal tables (claims, logins, tokens),
/// except role membership, which is recorded against the account.
/// </summary>
public static class AuditedTypes
{
    /// <summary>Account fields worth recording; password hashes, security stamps and sign-in counters never are.</summary>
    private static readonly HashSet<string> AccountFields = new(StringComparer.Ordinal)
    {
        nameof(AppUser.Id), nameof(AppUser.UserName), nameof(AppUser.Email), nameof(AppUser.EmailConfirmed),
        nameof(AppUser.OrganisationId), nameof(AppUser.StaffMemberId), nameof(AppUser.DisplayName),
    };

    private static readonly Dictionary<Type, AuditedType> ByClrType = new[]
    {
        new AuditedType(typeof(Organisation)),
        new AuditedType(typeof(Site)),
        new AuditedType(typeof(Department)),
        new AuditedType(typeof(StaffMember)),
        new AuditedType(typeof(Position)),
        new AuditedType(typeof(RequirementRule)),
        new AuditedType(typeof(RefresherOverride)),
        new AuditedType(typeof(SubjectTarget)),
        new AuditedType(typeof(Completion), f => f != nameof(Completion.IsLatest)), // the marker is derived, not evidence
        new AuditedType(typeof(Exemption)),
        new AuditedType(typeof(ExternalCertificate)),
        new AuditedType(typeof(ManagerScope)),
        new AuditedType(typeof(Learning.Module)),
        new AuditedType(typeof(Learning.ModuleVersion)),
        new AuditedType(typeof(Learning.IssuedCertificate)),
        new AuditedType(typeof(Simulation.Scenario)),
        new AuditedType(typeof(Simulation.ScenarioVersion), f => f != nameof(Simulation.ScenarioVersion.Definition)), // the file by its hash
        new AuditedType(typeof(Supervision.ObservedAssessment)),
        new AuditedType(typeof(Supervision.SelfAssessment)),
        new AuditedType(typeof(Regulation.GuidelineSource)),
        new AuditedType(typeof(Regulation.GuidelineVersion)),
        new AuditedType(typeof(Regulation.RegulatoryChange)),
        new AuditedType(typeof(Regulation.ContentReviewFlag)),
        new AuditedType(typeof(Analytics.PerformanceMeasure)),
        new AuditedType(typeof(Analytics.TrainingPush)),
        new AuditedType(typeof(Analytics.StrategicGoal)),
        new AuditedType(typeof(Pathways.RolePathways.RolePathway)),
        new AuditedType(typeof(Pathways.RolePathways.PathwayAssignment)),
        new AuditedType(typeof(Pathways.Refreshers.PathwaySettings)),
        new AuditedType(typeof(AppUser), AccountFields.Contains),
    }.ToDictionary(t => t.ClrType);

    /// <summary>The names used in <see cref="AuditEntry.EntityType"/> ("StaffMember", "RequirementRule", …).</summary>
    public static IReadOnlyCollection<string> Names { get; } = [.. ByClrType.Values.Select(t => t.Name).Order(StringComparer.Ordinal)];

    public static bool IsAudited(string entityType) => Names.Contains(entityType, StringComparer.Ordinal);

    internal static AuditedType? Find(Type clrType) => ByClrType.GetValueOrDefault(clrType);
}

/// <summary>One audited entity type: its name in the trail and which fields are recorded.</summary>
internal sealed class AuditedType(Type clrType, Func<string, bool>? includes = null)
{
    public Type ClrType { get; } = clrType;
    public string Name { get; } = clrType.Name;
    public bool IsOrganisation { get; } = clrType == typeof(Organisation);

    public bool Includes(string field) => includes?.Invoke(field) ?? true;
}
