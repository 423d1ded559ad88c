namespace CareReady.Core.Workforce.Import;

/// <summary>
/// The staff import file (modelled on an NHS ESR extract): one row per position (ESR assignment); a
/// person with two positions has two rows with the same employee number and the same person details.
/// This is the single source of truth for the column list: the reader, the README and the import page
/// all use <see cref="Columns"/>. Columns not listed here are ignored, so a full ESR extract can be
/// uploaded as it is.
/// </summary>
public static class StaffCsvFormat
{
    public const string EmployeeNumber = "Employee Number";
    public const string AssignmentNumber = "Assignment Number";
    public const string FirstName = "First Name";
    public const string LastName = "Last Name";
    public const string WorkEmail = "Work Email";
    public const string PersonStartDate = "Person Start Date";
    public const string LeavingDate = "Leaving Date";
    public const string RegistrationBody = "Registration Body";
    public const string RegistrationNumber = "Registration Number";
    public const string StaffGroup = "Staff Group";
    public const string JobRole = "Job Role";
    public const string Band = "Band";
    public const string DepartmentCode = "Department Code";
    public const string PatientContact = "Patient Contact";
    public const string WorksWithChildren = "Works With Children";
    public const string RegisteredClinician = "Registered Clinician";
    public const string AssignmentStartDate = "Assignment Start Date";
    public const string AssignmentEndDate = "Assignment End Date";

    public const int MaxEmployeeNumberLength = 12;
    public const int MaxAssignmentNumberLength = 20;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 256;
    public const int MaxRegistrationNumberLength = 32;
    public const int MaxJobRoleLength = 120;
    public const int MaxBandLength = 32;

    /// <summary>The accepted date formats: ISO and ESR's day-first form (leading zeros optional).</summary>
    public static IReadOnlyList<string> DateFormats { get; } = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>How dates are described to people.</summary>
    public const string DateDescription = "a date as YYYY-MM-DD or DD/MM/YYYY";

    /// <summary>Accepted values of a yes/no column (case-insensitive); how they are described to people.</summary>
    public static IReadOnlyList<string> YesValues { get; } = ["Y", "Yes", "true"];

    public static IReadOnlyList<string> NoValues { get; } = ["N", "No", "false"];

    public const string YesNoDescription = "one of Y, N, Yes, No";

    /// <summary>UK healthcare and social care regulators, spelled as they are stored.</summary>
    public static IReadOnlyList<string> RegistrationBodies { get; } = ["NMC", "GMC", "HCPC", "GPhC", "GDC", "GOC", "SWE", "PSNI"];

    private const string YesNoFormat = "Y or N (Yes/No and true/false are accepted too)";

    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new(EmployeeNumber, true, "1 to 12 digits; the same on every row of one person", "12345678"),
        new(AssignmentNumber, true, "1 to 20 letters, digits or '-'; different on every row", "12345678-2"),
        new(FirstName, true, "text, up to 100 characters", "Amina"),
        new(LastName, true, "text, up to 100 characters", "Okafor"),
        new(WorkEmail, true, "an email address, up to 256 characters", "amina.okafor@nhs.net"),
        new(PersonStartDate, true, "YYYY-MM-DD or DD/MM/YYYY", "2019-09-02"),
        new(LeavingDate, false, "YYYY-MM-DD or DD/MM/YYYY, on or after Person Start Date; empty while employed. Ends every open position of the person that started before it", "2025-03-31"),
        new(RegistrationBody, false, "one of " + string.Join(", ", RegistrationBodies) + "; empty if not registered", "NMC"),
        new(RegistrationNumber, false, "up to 32 characters; required when Registration Body is given, empty otherwise", "12A3456E"),
        new(StaffGroup, true, "a staff group code or its full name, e.g. NMR or Nursing and Midwifery Registered", "NMR"),
        new(JobRole, true, "text, up to 120 characters", "Staff Nurse"),
        new(Band, true, "text, up to 32 characters, e.g. Band 5, Band 8a, Consultant", "Band 5"),
        new(DepartmentCode, true, "the code of an existing department of the organisation", "WARD-7A"),
        new(PatientContact, true, YesNoFormat, "Y"),
        new(WorksWithChildren, true, YesNoFormat, "N"),
        new(RegisteredClinician, true, YesNoFormat, "Y"),
        new(AssignmentStartDate, true, "YYYY-MM-DD or DD/MM/YYYY, not before Person Start Date", "2019-09-02"),
        new(AssignmentEndDate, false, "YYYY-MM-DD or DD/MM/YYYY, after Assignment Start Date; empty while the position is current", "2024-04-01"),
    ];

    /// <summary>The header row, in the documented column order (a blank template to download).</summary>
    public static string HeaderLine { get; } = string.Join(",", Columns.Select(c => c.Header));
}
