namespace CareReady.Core.Workforce;

/// <summary>
/// One job a person holds (ESR: an assignment). A person may hold several at once; a position that
/// ended keeps its row and its dates so history is never lost.
/// </summary>
public sealed class Position
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }

    /// <summary>The HR system's assignment number; unique within the organisation.</summary>
    public required string AssignmentNumber { get; set; }

    /// <summary>Code from the staff group list, e.g. "NMR".</summary>
    public required string StaffGroupCode { get; set; }

    public required string JobRole { get; set; }

    /// <summary>Agenda for Change band ("Band 5", "Band 8a") or a medical grade.</summary>
    public required string Band { get; set; }

    public int DepartmentId { get; set; }
    public Department? Department { get; set; }

    public bool PatientContact { get; set; }
    public bool WorksWithChildren { get; set; }
    public bool RegisteredClinician { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Last day is the day before; null while the position is open.</summary>
    public DateOnly? EndDate { get; set; }

    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate > date);
}
