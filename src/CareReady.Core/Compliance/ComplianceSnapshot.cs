namespace CareReady.Core.Compliance;

/// <summary>One person in a snapshot: who, where (their position in the unit), and every requirement's status.</summary>
public sealed record SnapshotPerson(
    int StaffMemberId,
    string EmployeeNumber,
    string FirstName,
    string LastName,
    int DepartmentId,
    string DepartmentName,
    string JobRole,
    string StaffGroupCode,
    bool PatientContact,
    bool RegisteredClinician,
    IReadOnlyList<RequirementStatus> Statuses)
{
    public string Name => FirstName + " " + LastName;
}

/// <summary>
/// Compliance with one subject across the snapshot's people: a person counts as compliant when every
/// requirement they have in the subject is met (certified, renewal due, or exempt).
/// </summary>
public sealed record SnapshotSubject(int SubjectId, string SubjectCode, string SubjectName, decimal TargetPercent, int Required, int Compliant)
{
    /// <summary>Percentage compliant, 0–100, one decimal; 100 when nobody requires it.</summary>
    public decimal Percent => Required == 0 ? 100m : Math.Round(100m * Compliant / Required, 1);

    public bool MeetsTarget => Percent >= TargetPercent;
}

/// <summary>
/// The compliance of a unit (a department subtree, or the whole organisation) on one day:
/// every person × requirement status, and per-subject totals against the organisation's targets.
/// </summary>
public sealed record ComplianceSnapshot(
    int OrganisationId,
    int? DepartmentId,
    string UnitName,
    DateOnly AsOf,
    IReadOnlyList<SnapshotPerson> People,
    IReadOnlyList<SnapshotSubject> Subjects);
