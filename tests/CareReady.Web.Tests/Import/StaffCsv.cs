using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Import;

/// <summary>
/// One row of a staff import file, every cell as text (so a test can put a bad value anywhere).
/// The defaults make a valid row for a department of organisation A in <see cref="Infrastructure.TestData"/>.
/// </summary>
public sealed record ImportRow
{
    public required string EmployeeNumber { get; init; }
    public required string AssignmentNumber { get; init; }
    public string FirstName { get; init; } = "Test";
    public string LastName { get; init; } = "Person";
    public string WorkEmail { get; init; } = "test.person@nhs.example";
    public string PersonStartDate { get; init; } = "2021-09-01";
    public string LeavingDate { get; init; } = "";
    public string RegistrationBody { get; init; } = "";
    public string RegistrationNumber { get; init; } = "";
    public string StaffGroup { get; init; } = "AC";
    public string JobRole { get; init; } = "Ward Clerk";
    public string Band { get; init; } = "Band 3";
    public string DepartmentCode { get; init; } = "WARD-A";
    public string PatientContact { get; init; } = "N";
    public string WorksWithChildren { get; init; } = "N";
    public string RegisteredClinician { get; init; } = "N";
    public string AssignmentStartDate { get; init; } = "2021-09-01";
    public string AssignmentEndDate { get; init; } = "";

    public IEnumerable<string> Cells() =>
    [
        EmployeeNumber, AssignmentNumber, FirstName, LastName, WorkEmail, PersonStartDate, LeavingDate,
        RegistrationBody, RegistrationNumber, StaffGroup, JobRole, Band, DepartmentCode,
        PatientContact, WorksWithChildren, RegisteredClinician, AssignmentStartDate, AssignmentEndDate,
    ];
}

/// <summary>Builds import files and sends them; snapshots what the database holds.</summary>
public static class StaffCsv
{
    /// <summary>The header, spelled out here (not taken from the code under test) so a renamed column fails the tests.</summary>
    public const string Header =
        "Employee Number,Assignment Number,First Name,Last Name,Work Email,Person Start Date,Leaving Date," +
        "Registration Body,Registration Number,Staff Group,Job Role,Band,Department Code," +
        "Patient Contact,Works With Children,Registered Clinician,Assignment Start Date,Assignment End Date";

    /// <summary>The header (row 1) and the rows (2, 3, ...), CRLF line ends as Excel writes them.</summary>
    public static string Build(params ImportRow[] rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Cells().Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string csv) =>
        client.PostAsync("/api/v1/imports/staff", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string csv, string field = "file")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, field, "staff.csv" } };
        return client.PostAsync("/api/v1/imports/staff", form);
    }

    /// <summary>
    /// Every stored field of every person and position of one organisation, one line each, in a stable
    /// order: two snapshots are equal exactly when nothing of that organisation's workforce changed.
    /// </summary>
    public static async Task<List<string>> SnapshotAsync(AppDbContext db, int organisationId)
    {
        var people = await db.Staff.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync();
        var positions = await db.Positions.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync();
        var lines = people.Select(s => string.Join('|', "person", s.Id, s.EmployeeNumber, s.FirstName, s.LastName, s.WorkEmail,
                D(s.StartDate), D(s.LeavingDate), s.RegistrationBody, s.RegistrationNumber))
            .Concat(positions.Select(p => string.Join('|', "position", p.Id, p.StaffMemberId, p.AssignmentNumber, p.StaffGroupCode,
                p.JobRole, p.Band, p.DepartmentId, p.PatientContact, p.WorksWithChildren, p.RegisteredClinician, D(p.StartDate), D(p.EndDate))))
            .Order(StringComparer.Ordinal)
            .ToList();
        return lines;
    }

    private static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
