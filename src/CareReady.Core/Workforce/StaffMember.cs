namespace CareReady.Core.Workforce;

/// <summary>A person employed by an organisation. Never deleted: a leaver gets a leaving date.</summary>
public sealed class StaffMember
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The HR system's employee number (ESR: 8 digits); unique within the organisation.</summary>
    public required string EmployeeNumber { get; set; }

    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string WorkEmail { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? LeavingDate { get; set; }
    public string? RegistrationBody { get; set; }
    public string? RegistrationNumber { get; set; }

    public List<Position> Positions { get; set; } = [];

    public string FullName => FirstName + " " + LastName;

    public bool IsActiveOn(DateOnly date) => StartDate <= date && (LeavingDate is null || LeavingDate > date);
}
