using System.Globalization;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using static CareReady.Core.Workforce.Import.StaffCsvFormat;

namespace CareReady.Core.Workforce.Import;

/// <summary>
/// A problem with an import file, for a person to fix.
/// </summary>
/// <param name="Row">The spreadsheet row number: the header is row 1, the first data row is 2. For a quoted value spanning lines, the row where the record starts.</param>
/// <param name="Column">The column header as documented in <see cref="StaffCsvFormat"/>; empty for a problem with the whole file.</param>
/// <param name="Value">The value found (trimmed; shortened when very long). The only place a file's content appears.</param>
/// <param name="Expected">What was expected, as a sentence.</param>
public sealed record ImportError(int Row, string Column, string Value, string Expected);

/// <summary>One valid row of the file: a position, with the details of the person who holds it.</summary>
/// <param name="StaffGroupCode">Always the code (a name in the file is translated).</param>
/// <param name="DepartmentCode">The department's code as stored (the file may differ in case).</param>
/// <param name="RegistrationBody">As spelled in <see cref="StaffCsvFormat.RegistrationBodies"/>.</param>
public sealed record StaffCsvRow(
    int Row,
    string EmployeeNumber,
    string AssignmentNumber,
    string FirstName,
    string LastName,
    string WorkEmail,
    DateOnly PersonStartDate,
    DateOnly? LeavingDate,
    string? RegistrationBody,
    string? RegistrationNumber,
    string StaffGroupCode,
    string JobRole,
    string Band,
    string DepartmentCode,
    bool PatientContact,
    bool WorksWithChildren,
    bool RegisteredClinician,
    DateOnly AssignmentStartDate,
    DateOnly? AssignmentEndDate);

/// <summary>What <see cref="StaffCsvReader.Read"/> found.</summary>
/// <param name="Rows">The rows that passed every check of their own fields, in file order.</param>
/// <param name="Errors">Every problem found, in row order; the file may be used only when this is empty.</param>
/// <param name="Columns">The documented columns present in the header (as spelled in <see cref="StaffCsvFormat"/>).</param>
public sealed record StaffCsvReadResult(IReadOnlyList<StaffCsvRow> Rows, IReadOnlyList<ImportError> Errors, IReadOnlySet<string> Columns)
{
    public bool IsValid => Errors.Count == 0;

    public bool HasColumn(string header) => Columns.Contains(header);
}

/// <summary>
/// Reads and validates a staff import file (<see cref="StaffCsvFormat"/>) without touching a database:
/// every field of every row is checked and all problems are collected, then rows are checked against each
/// other (one employee number must carry the same person details on every row; an assignment number
/// appears once).
/// </summary>
public sealed partial class StaffCsvReader
{
    private const string EncodingExpected = "text saved as UTF-8 (in Excel: Save As, CSV UTF-8)";
    private const int MaxValueShown = 300; // longer than any valid value

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);
    private static readonly string[] DateFormatArray = [.. DateFormats];

    private static readonly string[] PersonColumns =
        [FirstName, LastName, WorkEmail, PersonStartDate, LeavingDate, RegistrationBody, RegistrationNumber];

    private static readonly Dictionary<string, string> RegistrationBodyLookup =
        RegistrationBodies.ToDictionary(b => b, b => b, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> staffGroups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly string staffGroupExpected;
    private readonly string departmentExpected;
    private readonly DateOnly latestDate;
    private readonly string dateRangeExpected;

    /// <param name="staffGroups">The valid staff groups; a value may be a code or a name.</param>
    /// <param name="departmentCodes">The codes of the organisation's departments.</param>
    /// <param name="today">Dates more than ten years after today (or before 1900) are rejected as typing mistakes.</param>
    public StaffCsvReader(IEnumerable<StaffGroup> staffGroups, IEnumerable<string> departmentCodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(staffGroups);
        ArgumentNullException.ThrowIfNull(departmentCodes);

        var groups = staffGroups.OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            this.staffGroups.TryAdd(group.Code, group.Code);
        }

        foreach (var group in groups)
        {
            this.staffGroups.TryAdd(group.Name, group.Code);
        }

        staffGroupExpected = groups.Count == 0
            ? "a staff group code or name (no staff groups are set up yet)"
            : $"one of the staff group codes {string.Join(", ", groups.Select(g => g.Code))}, or its full name (e.g. {groups[0].Name})";

        var codes = departmentCodes.OrderBy(c => c, StringComparer.Ordinal).ToList();
        foreach (var code in codes)
        {
            departments.TryAdd(code, code);
        }

        departmentExpected = codes.Count == 0
            ? "a department code that exists in this organisation (it has no departments yet: add them first)"
            : $"a department code that exists in this organisation (e.g. {codes[0]})";

        latestDate = today.AddYears(10);
        dateRangeExpected = $"a date between {EarliestDate:yyyy-MM-dd} and {latestDate:yyyy-MM-dd}";
    }

    [GeneratedRegex(@"\A[0-9]{1,12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmployeeNumberPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9-]{1,20}\z", RegexOptions.CultureInvariant)]
    private static partial Regex AssignmentNumberPattern();

    /// <summary>Reads the whole stream (UTF-8, with or without a byte order mark). Never throws for bad content.</summary>
    public StaffCsvReadResult Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);

        var errors = new List<ImportError>();
        var rows = new List<StaffCsvRow>();
        var people = new Dictionary<string, PersonSeen>(StringComparer.Ordinal);
        var assignments = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>? columns = null;
        var headerRow = 0;
        var dataRows = 0;

        var file = CsvRecords.Read(csv);
        foreach (var (row, fields) in file.Records)
        {
            if (columns is null)
            {
                headerRow = row;
                columns = ReadHeader(fields, row, errors);
                continue;
            }

            dataRows++;
            var record = new RecordFields(fields, columns, row, errors);
            var parsed = ReadRecord(record);
            CheckAgainstEarlierRows(record, parsed, people, assignments);
            if (record.Valid)
            {
                rows.Add(parsed.ToRow(row));
            }
        }

        if (columns is null)
        {
            return new StaffCsvReadResult([], [new ImportError(1, "", "",
                "a header row and at least one row of staff; the file is empty")], new HashSet<string>());
        }

        if (file.Unterminated is (int badRow, int field))
        {
            errors.Add(CsvRecords.UnterminatedQuote(badRow, columns.FirstOrDefault(c => c.Value == field).Key ?? ""));
        }

        if (dataRows == 0)
        {
            errors.Add(new ImportError(headerRow + 1, "", "", "at least one row of staff below the header row"));
        }

        return new StaffCsvReadResult(rows, errors, new HashSet<string>(columns.Keys, StringComparer.Ordinal));
    }

    private static Dictionary<string, int> ReadHeader(string[] fields, int row, List<ImportError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim().Trim('\uFEFF').Trim();
            var column = Columns.FirstOrDefault(c => string.Equals(c.Header, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                continue; // extra columns are ignored
            }

            if (!columns.TryAdd(column.Header, i))
            {
                errors.Add(new ImportError(row, column.Header, Shorten(fields[i].Trim()), "each column only once"));
            }
        }

        foreach (var column in Columns.Where(c => c.Required && !columns.ContainsKey(c.Header)))
        {
            errors.Add(new ImportError(row, column.Header, "", $"a column headed \"{column.Header}\""));
        }

        return columns;
    }

    private Parsed ReadRecord(RecordFields r)
    {
        var p = new Parsed();
        p.EmployeeNumber = RequiredText(r, EmployeeNumber, "an employee number of 1 to 12 digits (e.g. 12345678)",
            v => EmployeeNumberPattern().IsMatch(v));
        p.AssignmentNumber = RequiredText(r, AssignmentNumber, "an assignment number of 1 to 20 letters, digits or '-' (e.g. 12345678-2)",
            v => AssignmentNumberPattern().IsMatch(v));
        p.FirstName = RequiredText(r, FirstName, "a first name of 1 to 100 characters", v => v.Length <= MaxNameLength);
        p.LastName = RequiredText(r, LastName, "a last name of 1 to 100 characters", v => v.Length <= MaxNameLength);
        p.WorkEmail = RequiredText(r, WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)", IsEmail);
        p.PersonStart = RequiredDate(r, PersonStartDate);
        p.Leaving = OptionalDate(r, LeavingDate);
        if (p.Leaving is { Ok: true, Value: DateOnly leaving } && p.PersonStart is DateOnly start && leaving < start)
        {
            r.Fail(LeavingDate, "a date on or after the Person Start Date");
            p.Leaving = default;
        }

        var body = r.Value(RegistrationBody);
        if (body.Length == 0)
        {
            p.RegistrationBody = new(null, true);
        }
        else if (RegistrationBodyLookup.TryGetValue(body, out var canonical))
        {
            p.RegistrationBody = new(canonical, true);
        }
        else
        {
            r.Fail(RegistrationBody, "one of " + string.Join(", ", RegistrationBodies) + ", or empty");
        }

        var number = r.Value(RegistrationNumber);
        if (body.Length > 0 && number.Length == 0)
        {
            r.Fail(RegistrationNumber, "a registration number (required when a Registration Body is given)");
        }
        else if (body.Length == 0 && number.Length > 0)
        {
            r.Fail(RegistrationNumber, "empty, because no Registration Body is given");
        }
        else if (number.Length > MaxRegistrationNumberLength || HasBadEncoding(number))
        {
            r.Fail(RegistrationNumber, HasBadEncoding(number) ? EncodingExpected : "a registration number of up to 32 characters");
        }
        else
        {
            p.RegistrationNumber = new(number.Length == 0 ? null : number, true);
        }

        p.StaffGroupCode = Lookup(r, StaffCsvFormat.StaffGroup, staffGroups, staffGroupExpected);
        p.JobRole = RequiredText(r, JobRole, "a job role of 1 to 120 characters", v => v.Length <= MaxJobRoleLength);
        p.Band = RequiredText(r, Band, "a band or grade of 1 to 32 characters (e.g. Band 5, Band 8a, Consultant)", v => v.Length <= MaxBandLength);
        p.DepartmentCode = Lookup(r, DepartmentCode, departments, departmentExpected);
        p.PatientContact = YesNo(r, PatientContact);
        p.WorksWithChildren = YesNo(r, WorksWithChildren);
        p.RegisteredClinician = YesNo(r, RegisteredClinician);

        p.AssignmentStart = RequiredDate(r, AssignmentStartDate);
        if (p.AssignmentStart is DateOnly assignmentStart && p.PersonStart is DateOnly personStart && assignmentStart < personStart)
        {
            r.Fail(AssignmentStartDate, "a date on or after the Person Start Date");
            p.AssignmentStart = null;
        }

        p.AssignmentEnd = OptionalDate(r, AssignmentEndDate);
        if (p.AssignmentEnd is { Ok: true, Value: DateOnly end } && p.AssignmentStart is DateOnly from && end <= from)
        {
            r.Fail(AssignmentEndDate, "a date after the Assignment Start Date");
        }
        else if (p.AssignmentEnd is { Ok: true, Value: DateOnly ends } && p.Leaving is { Ok: true, Value: DateOnly left } && ends > left)
        {
            r.Fail(AssignmentEndDate, "a date on or before the Leaving Date (a position cannot outlast the person's employment)");
        }

        return p;
    }

    private static void CheckAgainstEarlierRows(RecordFields r, Parsed p, Dictionary<string, PersonSeen> people, Dictionary<string, int> assignments)
    {
        if (p.AssignmentNumber is string assignment && !assignments.TryAdd(assignment, r.Row))
        {
            r.Fail(AssignmentNumber, $"an assignment number used only once in the file (it is already on row {assignments[assignment]})");
        }

        if (p.EmployeeNumber is not string employee)
        {
            return;
        }

        var details = p.PersonDetails();
        if (!people.TryGetValue(employee, out var first))
        {
            people.Add(employee, new PersonSeen(r.Row, details));
            return;
        }

        for (var i = 0; i < PersonColumns.Length; i++)
        {
            if (details[i].Ok && first.Details[i].Ok && !string.Equals(details[i].Value as string, first.Details[i].Value as string, StringComparison.Ordinal))
            {
                r.Fail(PersonColumns[i],
                    $"the same {PersonColumns[i]} as on row {first.Row}, because every row of one employee number must have the same person details");
            }
        }
    }

    private static string? RequiredText(RecordFields r, string column, string expected, Func<string, bool> isValid)
    {
        if (!r.Has(column))
        {
            r.Invalidate(); // reported once, as a missing column
            return null;
        }

        var value = r.Value(column);
        if (value.Length == 0 || !isValid(value))
        {
            r.Fail(column, expected);
            return null;
        }

        if (HasBadEncoding(value))
        {
            r.Fail(column, EncodingExpected);
            return null;
        }

        return value;
    }

    private static string? Lookup(RecordFields r, string column, Dictionary<string, string> valid, string expected) =>
        RequiredText(r, column, expected, valid.ContainsKey) is string value ? valid[value] : null;

    private static bool? YesNo(RecordFields r, string column)
    {
        if (!r.Has(column))
        {
            r.Invalidate();
            return null;
        }

        var value = r.Value(column);
        if (YesValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (NoValues.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        r.Fail(column, YesNoDescription);
        return null;
    }

    private DateOnly? RequiredDate(RecordFields r, string column)
    {
        if (!r.Has(column))
        {
            r.Invalidate();
            return null;
        }

        return ParseDate(r, column, r.Value(column));
    }

    /// <returns>Ok with a null value when the cell is empty or the column absent; not Ok when invalid.</returns>
    private Field OptionalDate(RecordFields r, string column)
    {
        var value = r.Value(column);
        if (value.Length == 0)
        {
            return new(null, true);
        }

        return ParseDate(r, column, value) is DateOnly date ? new(date, true) : default;
    }

    private DateOnly? ParseDate(RecordFields r, string column, string value)
    {
        if (!DateOnly.TryParseExact(value, DateFormatArray, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            r.Fail(column, DateDescription);
            return null;
        }

        if (date < EarliestDate || date > latestDate)
        {
            r.Fail(column, dateRangeExpected);
            return null;
        }

        return date;
    }

    private static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.EndsWith('.');

    /// <summary>A file saved in a legacy encoding (Excel's "CSV", Windows-1252) decodes to replacement characters.</summary>
    private static bool HasBadEncoding(string value) => value.Contains('\uFFFD', StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length <= MaxValueShown ? value : value[..MaxValueShown] + "…";

    /// <summary>A value that may be absent (null) and may be invalid (not Ok).</summary>
    private readonly record struct Field(object? Value, bool Ok);

    private sealed record PersonSeen(int Row, Field[] Details);

    /// <summary>The fields of one record, by documented column, with error reporting for that row.</summary>
    private sealed class RecordFields(string[] fields, Dictionary<string, int> columns, int row, List<ImportError> errors)
    {
        public int Row => row;

        /// <summary>False once any field of the row has failed (or a required column is missing).</summary>
        public bool Valid { get; private set; } = true;

        public bool Has(string column) => columns.ContainsKey(column);

        /// <summary>The trimmed value; empty when the column is absent or the row is short.</summary>
        public string Value(string column) =>
            columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";

        public void Fail(string column, string expected)
        {
            Valid = false;
            errors.Add(new ImportError(row, column, Shorten(Value(column)), expected));
        }

        public void Invalidate() => Valid = false;
    }

    /// <summary>What one record parsed to; a null/not-Ok member failed (and was reported).</summary>
    private sealed class Parsed
    {
        public string? EmployeeNumber;
        public string? AssignmentNumber;
        public string? FirstName;
        public string? LastName;
        public string? WorkEmail;
        public DateOnly? PersonStart;
        public Field Leaving;
        public Field RegistrationBody;
        public Field RegistrationNumber;
        public string? StaffGroupCode;
        public string? JobRole;
        public string? Band;
        public string? DepartmentCode;
        public bool? PatientContact;
        public bool? WorksWithChildren;
        public bool? RegisteredClinician;
        public DateOnly? AssignmentStart;
        public Field AssignmentEnd;

        /// <summary>The person details in <see cref="PersonColumns"/> order, normalised for comparison.</summary>
        public Field[] PersonDetails() =>
        [
            Text(FirstName),
            Text(LastName),
            Text(WorkEmail),
            PersonStart is DateOnly start ? new(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), true) : default,
            Leaving.Ok ? new((Leaving.Value as DateOnly?)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), true) : default,
            RegistrationBody,
            RegistrationNumber,
        ];

        private static Field Text(string? value) => value is null ? default : new(value, true);

        /// <summary>Only called when the row is valid, so every member is set.</summary>
        public StaffCsvRow ToRow(int row) => new(
            row, EmployeeNumber!, AssignmentNumber!, FirstName!, LastName!, WorkEmail!, PersonStart!.Value,
            Leaving.Value as DateOnly?, RegistrationBody.Value as string, RegistrationNumber.Value as string,
            StaffGroupCode!, JobRole!, Band!, DepartmentCode!,
            PatientContact!.Value, WorksWithChildren!.Value, RegisteredClinician!.Value,
            AssignmentStart!.Value, AssignmentEnd.Value as DateOnly?);
    }
}
