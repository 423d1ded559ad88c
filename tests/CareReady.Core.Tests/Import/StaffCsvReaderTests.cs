using System.Text;
using CareReady.Core.Workforce;
using CareReady.Core.Workforce.Import;
using F = CareReady.Core.Workforce.Import.StaffCsvFormat;

namespace CareReady.Core.Tests.Import;

public class StaffCsvReaderTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static readonly StaffGroup[] Groups =
    [
        new() { Code = "NMR", Name = "Nursing and Midwifery Registered", Clinical = true },
        new() { Code = "AC", Name = "Administrative and Clerical" },
        new() { Code = "MD", Name = "Medical and Dental", Clinical = true },
    ];

    private static readonly string[] Departments = ["WARD-7A", "ICU"];

    private static readonly Dictionary<string, string> Defaults = new()
    {
        [F.EmployeeNumber] = "12345678",
        [F.AssignmentNumber] = "12345678",
        [F.FirstName] = "Amina",
        [F.LastName] = "Okafor",
        [F.WorkEmail] = "amina.okafor@nhs.net",
        [F.PersonStartDate] = "2019-09-02",
        [F.LeavingDate] = "",
        [F.RegistrationBody] = "NMC",
        [F.RegistrationNumber] = "12A3456E",
        [F.StaffGroup] = "NMR",
        [F.JobRole] = "Staff Nurse",
        [F.Band] = "Band 5",
        [F.DepartmentCode] = "WARD-7A",
        [F.PatientContact] = "Y",
        [F.WorksWithChildren] = "N",
        [F.RegisteredClinician] = "Y",
        [F.AssignmentStartDate] = "2019-09-02",
        [F.AssignmentEndDate] = "",
    };

    private static readonly string[] AllColumns = [.. F.Columns.Select(c => c.Header)];

    private static StaffCsvReader Reader() => new(Groups, Departments, Today);

    private static StaffCsvReadResult Read(string text) => Reader().Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static string Header(IEnumerable<string>? columns = null) => string.Join(",", (columns ?? AllColumns).Select(Quote));

    /// <summary>One data line in the order of <paramref name="columns"/>: defaults, with some values replaced.</summary>
    private static string Line(IEnumerable<string> columns, params (string Column, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>(Defaults);
        foreach (var (column, value) in overrides)
        {
            values[column] = value;
        }

        return string.Join(",", columns.Select(c => Quote(values.GetValueOrDefault(c, ""))));
    }

    private static string Line(params (string Column, string Value)[] overrides) => Line(AllColumns, overrides);

    private static string Quote(string value) =>
        value.Contains(',') || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static (int Row, string Column)[] Where(StaffCsvReadResult result) => [.. result.Errors.Select(e => (e.Row, e.Column))];

    [Fact]
    public void A_person_with_two_positions_gives_two_typed_rows()
    {
        var result = Read(Csv(
            Header(),
            Line(),
            Line((F.AssignmentNumber, "12345678-2"), (F.StaffGroup, "nursing and midwifery registered"), (F.JobRole, "Bank Nurse"),
                (F.Band, "Band 6"), (F.DepartmentCode, "icu"), (F.PatientContact, "yes"), (F.WorksWithChildren, "TRUE"),
                (F.RegisteredClinician, "no"), (F.RegistrationBody, "nmc"), (F.AssignmentStartDate, "2021-04-01"),
                (F.AssignmentEndDate, "2024-04-01"))));

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(2, result.Rows.Count);

        var first = result.Rows[0];
        Assert.Equal(new StaffCsvRow(2, "12345678", "12345678", "Amina", "Okafor", "amina.okafor@nhs.net", new DateOnly(2019, 9, 2), null,
            "NMC", "12A3456E", "NMR", "Staff Nurse", "Band 5", "WARD-7A", true, false, true, new DateOnly(2019, 9, 2), null), first);

        var second = result.Rows[1];
        Assert.Equal(3, second.Row);
        Assert.Equal("12345678-2", second.AssignmentNumber);
        Assert.Equal("NMR", second.StaffGroupCode);           // full name → code
        Assert.Equal("ICU", second.DepartmentCode);           // the stored spelling
        Assert.Equal("NMC", second.RegistrationBody);         // stored as listed
        Assert.Equal((true, true, false), (second.PatientContact, second.WorksWithChildren, second.RegisteredClinician));
        Assert.Equal(new DateOnly(2021, 4, 1), second.AssignmentStartDate);
        Assert.Equal(new DateOnly(2024, 4, 1), second.AssignmentEndDate);
        Assert.All(F.Columns, c => Assert.True(result.HasColumn(c.Header)));
    }

    [Theory]
    [InlineData("2019-09-02")]
    [InlineData("02/09/2019")]
    [InlineData("2/9/2019")]
    public void Dates_are_read_as_iso_or_day_first(string text)
    {
        var result = Read(Csv(Header(), Line((F.PersonStartDate, text), (F.AssignmentStartDate, text), (F.LeavingDate, text))));

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Equal(new DateOnly(2019, 9, 2), row.PersonStartDate);
        Assert.Equal(new DateOnly(2019, 9, 2), row.AssignmentStartDate);
        Assert.Equal(new DateOnly(2019, 9, 2), row.LeavingDate);
    }

    public static TheoryData<string, string, string, string> FieldErrors() => new()
    {
        // column,             value,                 column in error,        expected
        { F.EmployeeNumber, "", F.EmployeeNumber, "an employee number of 1 to 12 digits (e.g. 12345678)" },
        { F.EmployeeNumber, "E1234", F.EmployeeNumber, "an employee number of 1 to 12 digits (e.g. 12345678)" },
        { F.EmployeeNumber, "1234567890123", F.EmployeeNumber, "an employee number of 1 to 12 digits (e.g. 12345678)" },
        { F.AssignmentNumber, "", F.AssignmentNumber, "an assignment number of 1 to 20 letters, digits or '-' (e.g. 12345678-2)" },
        { F.AssignmentNumber, "1234/2", F.AssignmentNumber, "an assignment number of 1 to 20 letters, digits or '-' (e.g. 12345678-2)" },
        { F.AssignmentNumber, new string('1', 21), F.AssignmentNumber, "an assignment number of 1 to 20 letters, digits or '-' (e.g. 12345678-2)" },
        { F.FirstName, "", F.FirstName, "a first name of 1 to 100 characters" },
        { F.LastName, new string('x', 101), F.LastName, "a last name of 1 to 100 characters" },
        { F.WorkEmail, "", F.WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)" },
        { F.WorkEmail, "amina.okafor", F.WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)" },
        { F.WorkEmail, "Amina <amina@nhs.net>", F.WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)" },
        { F.WorkEmail, "amina@localhost", F.WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)" },
        { F.WorkEmail, new string('a', 250) + "@nhs.net", F.WorkEmail, "a valid email address of up to 256 characters (e.g. name@nhs.net)" },
        { F.PersonStartDate, "", F.PersonStartDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
        { F.PersonStartDate, "2019-13-01", F.PersonStartDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
        { F.PersonStartDate, "09/02/19", F.PersonStartDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
        { F.PersonStartDate, "1899-12-31", F.PersonStartDate, "a date between 1900-01-01 and 2035-06-01" },
        { F.LeavingDate, "31/02/2024", F.LeavingDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
        { F.LeavingDate, "2019-09-01", F.LeavingDate, "a date on or after the Person Start Date" },
        { F.RegistrationBody, "RCN", F.RegistrationBody, "one of NMC, GMC, HCPC, GPhC, GDC, GOC, SWE, PSNI, or empty" },
        { F.RegistrationNumber, "", F.RegistrationNumber, "a registration number (required when a Registration Body is given)" },
        { F.RegistrationNumber, new string('9', 33), F.RegistrationNumber, "a registration number of up to 32 characters" },
        { F.StaffGroup, "", F.StaffGroup, "one of the staff group codes AC, MD, NMR, or its full name (e.g. Administrative and Clerical)" },
        { F.StaffGroup, "Nursing", F.StaffGroup, "one of the staff group codes AC, MD, NMR, or its full name (e.g. Administrative and Clerical)" },
        { F.JobRole, "", F.JobRole, "a job role of 1 to 120 characters" },
        { F.JobRole, new string('r', 121), F.JobRole, "a job role of 1 to 120 characters" },
        { F.Band, "", F.Band, "a band or grade of 1 to 32 characters (e.g. Band 5, Band 8a, Consultant)" },
        { F.Band, new string('b', 33), F.Band, "a band or grade of 1 to 32 characters (e.g. Band 5, Band 8a, Consultant)" },
        { F.DepartmentCode, "", F.DepartmentCode, "a department code that exists in this organisation (e.g. ICU)" },
        { F.DepartmentCode, "WARD-99", F.DepartmentCode, "a department code that exists in this organisation (e.g. ICU)" },
        { F.PatientContact, "", F.PatientContact, "one of Y, N, Yes, No" },
        { F.WorksWithChildren, "maybe", F.WorksWithChildren, "one of Y, N, Yes, No" },
        { F.RegisteredClinician, "1", F.RegisteredClinician, "one of Y, N, Yes, No" },
        { F.AssignmentStartDate, "", F.AssignmentStartDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
        { F.AssignmentStartDate, "2019-09-01", F.AssignmentStartDate, "a date on or after the Person Start Date" },
        { F.AssignmentEndDate, "2019-09-02", F.AssignmentEndDate, "a date after the Assignment Start Date" },
        { F.AssignmentEndDate, "2035-06-02", F.AssignmentEndDate, "a date between 1900-01-01 and 2035-06-01" },
        { F.AssignmentEndDate, "soon", F.AssignmentEndDate, "a date as YYYY-MM-DD or DD/MM/YYYY" },
    };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public void A_bad_field_is_reported_with_its_row_column_and_what_was_expected(string column, string value, string errorColumn, string expected)
    {
        var result = Read(Csv(Header(), Line(), Line((F.AssignmentNumber, "12345678-2"), (column, value))));

        var error = Assert.Single(result.Errors);
        Assert.Equal(new ImportError(3, errorColumn, value, expected), error);
        Assert.Equal(2, Assert.Single(result.Rows).Row); // the bad row is not returned
    }

    [Fact]
    public void A_registration_number_without_a_body_is_an_error_on_the_number()
    {
        var result = Read(Csv(Header(), Line((F.RegistrationBody, ""), (F.RegistrationNumber, "12A3456E"))));

        Assert.Equal([new ImportError(2, F.RegistrationNumber, "12A3456E", "empty, because no Registration Body is given")], result.Errors);
    }

    [Fact]
    public void An_unregistered_person_has_no_body_or_number()
    {
        var result = Read(Csv(Header(), Line((F.RegistrationBody, ""), (F.RegistrationNumber, ""), (F.StaffGroup, "ac"))));

        var row = Assert.Single(result.Rows);
        Assert.Null(row.RegistrationBody);
        Assert.Null(row.RegistrationNumber);
        Assert.Equal("AC", row.StaffGroupCode);
    }

    [Fact]
    public void Quoted_values_may_hold_commas_quotes_and_line_breaks_and_rows_count_records_as_a_spreadsheet_does()
    {
        var text = Csv(
            Header(),
            Line((F.LastName, "Okafor, Jr"), (F.JobRole, "Nurse \"Practitioner\"")),
            Line((F.EmployeeNumber, "22222222"), (F.AssignmentNumber, "22222222"), (F.WorkEmail, "b@nhs.net"), (F.JobRole, "Ward\nManager")),
            Line((F.EmployeeNumber, "33333333"), (F.AssignmentNumber, "33333333"), (F.WorkEmail, "c@nhs.net"), (F.Band, "")));

        var result = Read(text);

        // A spreadsheet shows the record with a line break as one row, so the third record is row 4.
        Assert.Equal([new ImportError(4, F.Band, "", "a band or grade of 1 to 32 characters (e.g. Band 5, Band 8a, Consultant)")], result.Errors);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("Okafor, Jr", result.Rows[0].LastName);
        Assert.Equal("Nurse \"Practitioner\"", result.Rows[0].JobRole);
        Assert.Equal(3, result.Rows[1].Row);
        Assert.Equal("Ward\nManager", result.Rows[1].JobRole);
    }

    [Fact]
    public void An_error_in_a_record_that_spans_lines_is_reported_on_the_row_where_it_starts()
    {
        var text = Csv(
            Header(),
            Line((F.JobRole, "Ward\r\nManager\r\n(acting)"), (F.PatientContact, "sometimes")),
            Line((F.AssignmentNumber, "12345678-2"), (F.Band, "")));

        var result = Read(text);

        Assert.Equal([(2, F.PatientContact), (3, F.Band)], Where(result));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_still_counted()
    {
        var text = Csv(Header(), "", Line(), ",,,", Line((F.AssignmentNumber, "12345678-2"), (F.FirstName, "")), "");

        var result = Read(text);

        Assert.Equal([(5, F.FirstName)], Where(result));
        Assert.Equal(3, Assert.Single(result.Rows).Row);
    }

    [Fact]
    public void A_missing_required_column_is_reported_once_on_row_1()
    {
        var columns = AllColumns.Where(c => c != F.DepartmentCode && c != F.WorkEmail).ToArray();

        var result = Read(Csv(Header(columns), Line(columns), Line(columns, (F.AssignmentNumber, "12345678-2"), (F.Band, ""))));

        Assert.Equal(
            [
                new ImportError(1, F.WorkEmail, "", "a column headed \"Work Email\""),
                new ImportError(1, F.DepartmentCode, "", "a column headed \"Department Code\""),
                new ImportError(3, F.Band, "", "a band or grade of 1 to 32 characters (e.g. Band 5, Band 8a, Consultant)"),
            ],
            result.Errors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Optional_columns_may_be_left_out()
    {
        string[] columns = [.. F.Columns.Where(c => c.Required).Select(c => c.Header)];

        var result = Read(Csv(Header(columns), Line(columns)));

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Rows);
        Assert.Null(row.LeavingDate);
        Assert.Null(row.RegistrationBody);
        Assert.Null(row.AssignmentEndDate);
        Assert.False(result.HasColumn(F.LeavingDate));
        Assert.False(result.HasColumn(F.RegistrationBody));
        Assert.True(result.HasColumn(F.EmployeeNumber));
    }

    [Fact]
    public void A_column_given_twice_is_an_error()
    {
        string[] columns = [.. AllColumns, "band"];

        var result = Read(Csv(Header(columns), Line(columns)));

        Assert.Equal([new ImportError(1, F.Band, "band", "each column only once")], result.Errors);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(Header(), Line((F.FirstName, "Zoë"))))).ToArray();

        var result = Reader().Read(new MemoryStream(bytes));

        Assert.Empty(result.Errors);
        Assert.Equal("12345678", Assert.Single(result.Rows).EmployeeNumber);
        Assert.Equal("Zoë", result.Rows[0].FirstName);
    }

    [Fact]
    public void A_file_not_saved_as_utf8_is_reported_on_the_value()
    {
        var latin1 = Encoding.Latin1.GetBytes(Csv(Header(), Line((F.FirstName, "Zoë"))));

        var result = Reader().Read(new MemoryStream(latin1));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, F.FirstName), (error.Row, error.Column));
        Assert.Equal("text saved as UTF-8 (in Excel: Save As, CSV UTF-8)", error.Expected);
    }

    [Fact]
    public void Extra_columns_are_ignored_and_headers_match_loosely_in_any_order()
    {
        string[] columns = ["Payroll Id", .. Enumerable.Reverse(AllColumns), "Org L3"];
        var header = string.Join(",", columns.Select(c => c switch
        {
            "Payroll Id" or "Org L3" => c,
            _ => "  " + c.ToUpperInvariant() + " ",
        }));
        var values = new Dictionary<string, string> { ["Payroll Id"] = "P-99", ["Org L3"] = "\"Surgery, Division\"" };
        var line = string.Join(",", columns.Select(c => values.TryGetValue(c, out var v) ? v : Quote(Defaults[c])));

        var result = Read(Csv(header, line));

        Assert.Empty(result.Errors);
        Assert.Equal("Okafor", Assert.Single(result.Rows).LastName);
        Assert.Equal(F.Columns.Count, result.Columns.Count);
    }

    [Fact]
    public void An_empty_file_is_one_error()
    {
        Assert.Equal([new ImportError(1, "", "", "a header row and at least one row of staff; the file is empty")], Read("").Errors);
        Assert.Equal([new ImportError(1, "", "", "a header row and at least one row of staff; the file is empty")], Read("\r\n \r\n").Errors);
    }

    [Fact]
    public void A_header_without_rows_is_one_error()
    {
        var result = Read(Csv(Header()));

        Assert.Equal([new ImportError(2, "", "", "at least one row of staff below the header row")], result.Errors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void The_same_employee_with_different_person_details_is_an_error_on_the_later_row_naming_each_column()
    {
        var result = Read(Csv(
            Header(),
            Line(),
            Line((F.AssignmentNumber, "12345678-2"), (F.LastName, "Okafor-Smith"), (F.LeavingDate, "2025-03-31")),
            Line((F.AssignmentNumber, "12345678-3"), (F.WorkEmail, "a.okafor@nhs.net"), (F.PersonStartDate, "01/09/2019"),
                (F.AssignmentStartDate, "2019-09-02"), (F.RegistrationBody, "HCPC"), (F.RegistrationNumber, "PA12345"))));

        Assert.Equal(
            [
                (3, F.LastName), (3, F.LeavingDate),
                (4, F.WorkEmail), (4, F.PersonStartDate), (4, F.RegistrationBody), (4, F.RegistrationNumber),
            ],
            Where(result));
        Assert.All(result.Errors, e => Assert.Equal(
            $"the same {e.Column} as on row 2, because every row of one employee number must have the same person details", e.Expected));
        Assert.Equal("Okafor-Smith", result.Errors[0].Value);
    }

    [Fact]
    public void Person_details_written_differently_but_meaning_the_same_are_not_a_conflict()
    {
        var result = Read(Csv(
            Header(),
            Line(),
            Line((F.AssignmentNumber, "12345678-2"), (F.PersonStartDate, "02/09/2019"), (F.RegistrationBody, "nmc"), (F.FirstName, " Amina "))));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Rows.Count);
    }

    [Fact]
    public void An_assignment_number_used_twice_is_an_error_on_the_later_row()
    {
        var result = Read(Csv(
            Header(),
            Line(),
            Line((F.EmployeeNumber, "87654321"), (F.WorkEmail, "someone@nhs.net"), (F.FirstName, "Sam")),
            Line((F.EmployeeNumber, "87654321"), (F.AssignmentNumber, "87654321"), (F.WorkEmail, "someone@nhs.net"), (F.FirstName, "Sam"))));

        Assert.Equal(
            [new ImportError(3, F.AssignmentNumber, "12345678", "an assignment number used only once in the file (it is already on row 2)")],
            result.Errors);
    }

    [Fact]
    public void All_errors_are_collected_not_just_the_first()
    {
        var result = Read(Csv(
            Header(),
            Line((F.EmployeeNumber, "x"), (F.WorkEmail, "nope"), (F.Band, "")),
            Line((F.AssignmentNumber, "12345678-2"), (F.PatientContact, "?"), (F.AssignmentEndDate, "2019-01-01")),
            Line((F.AssignmentNumber, "12345678-3")),
            Line((F.AssignmentNumber, "12345678-4"), (F.DepartmentCode, "NOPE"), (F.StaffGroup, "XX"), (F.FirstName, "Aminah"))));

        Assert.Equal(
            [
                (2, F.EmployeeNumber), (2, F.WorkEmail), (2, F.Band),
                (3, F.PatientContact), (3, F.AssignmentEndDate),
                (5, F.StaffGroup), (5, F.DepartmentCode), (5, F.FirstName),
            ],
            Where(result));
        Assert.Equal(4, Assert.Single(result.Rows).Row);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_the_row_where_it_starts()
    {
        var text = Csv(Header(), Line(), Line((F.AssignmentNumber, "12345678-2"))).Replace("12345678-2,", "\"12345678-2,", StringComparison.Ordinal)
            + Line((F.AssignmentNumber, "12345678-3")) + "\r\n";

        var result = Read(text);

        Assert.Contains(result.Errors, e => e.Row == 3 && e.Expected.StartsWith("a closing quotation mark", StringComparison.Ordinal));
        Assert.Equal(2, Assert.Single(result.Rows).Row);
    }

    [Fact]
    public void The_format_lists_every_column_once_and_its_examples_are_valid()
    {
        Assert.Equal(18, F.Columns.Count);
        Assert.Equal(F.Columns.Count, F.Columns.Select(c => c.Header.ToUpperInvariant()).Distinct().Count());
        Assert.StartsWith("Employee Number,Assignment Number,First Name,", F.HeaderLine, StringComparison.Ordinal);

        var examples = F.Columns.ToDictionary(c => c.Header, c => c.Example);
        var result = Read(Csv(F.HeaderLine, string.Join(",", AllColumns.Select(c => Quote(examples[c])))));

        Assert.Empty(result.Errors);
    }
}
