using CareReady.Core.Compliance;

namespace CareReady.Core.Learning;

/// <summary>
/// What a pass of a module version records, however it was taken (the assessment, a SCORM package, a cmi5 course):
/// one completion per competency the version confers, source Module, naming the version — so the compliance engine,
/// regulatory changes (which trace certifications to the module version) and the audit trail see them alike.
/// </summary>
public static class ModuleCompletions
{
    /// <param name="version">The version passed, with its module and what it confers loaded.</param>
    /// <param name="how">How it was passed, for the reference ("attempt 12 (85%)", "SCORM attempt 3 (completed)").</param>
    public static List<Completion> For(ModuleVersion version, int organisationId, int staffMemberId, DateTime now, string how, string recordedBy)
    {
        ArgumentNullException.ThrowIfNull(version);
        return [.. version.Confers.Select(c => new Completion
        {
            OrganisationId = organisationId,
            StaffMemberId = staffMemberId,
            CompetencyId = c.CompetencyId,
            CompletedOn = DateOnly.FromDateTime(now),
            Source = CompletionSource.Module,
            ModuleVersionId = version.Id,
            Reference = $"Module {version.Module!.Code} version {version.Number}, {how}",
            RecordedBy = recordedBy,
            RecordedAt = now,
        })];
    }
}
