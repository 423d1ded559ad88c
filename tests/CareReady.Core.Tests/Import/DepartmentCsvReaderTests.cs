using System.Text;
using CareReady.Core.Workforce;
using CareReady.Core.Workforce.Import;
using F = CareReady.Core.Workforce.Import.DepartmentCsvFormat;

namespace CareReady.Core.Tests.Import;

public class DepartmentCsvReaderTests
{
    // The organisation already has: MED (division) → ACUTE (department) → WARD-1 (ward), and CORP at the top.
    private static readonly ExistingDepartment[] Existing =
    [
        new("MED", null),
        new("ACUTE", "MED"),
        new("WARD-1", "ACUTE"),
        new("CORP", null),
    ];

    private static readonly Site[] Sites = [new() { Code = "TUH", Name = "Thameside University Hospital" }];

    private const string Header = "Code,Name,Kind,Parent Code,Site Code,Site Name";

    private const string CodeExpected = "a code of 1 to 32 letters, digits, '-' or '_' (e.g. WARD-7A)";
    private const string ParentExpected =
        "the Code of another row of this file or of a department already in the organisation, or empty for a top-level department";

    private static DepartmentCsvReadResult Read(string text, IEnumerable<ExistingDepartment>? existing = null) =>
        new DepartmentCsvReader(existing ?? Existing, Sites).Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    [Fact]
    public void A_tree_in_any_order_gives_typed_rows_with_stored_spellings_and_new_sites()
    {
        var result = Read(Csv(
            Header,
            "WARD-9,Ward 9,ward,surg,GWH,Greenwater Hospital",   // child before its parent
            "SURG,Surgery,Department,DIV-S,GWH,",                // new site, named on its first row only
            "DIV-S,Surgical Division,DIVISION,,,",
            "ward-1,Ward One (renamed),Ward,acute,tuh,",         // existing, any case
            "WARD-2,Ward 2,Ward,ACUTE,TUH,Thameside University Hospital"));

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new DepartmentCsvRow(2, "WARD-9", "Ward 9", DepartmentKind.Ward, "SURG", "GWH"),
                new DepartmentCsvRow(3, "SURG", "Surgery", DepartmentKind.Department, "DIV-S", "GWH"),
                new DepartmentCsvRow(4, "DIV-S", "Surgical Division", DepartmentKind.Division, null, null),
                new DepartmentCsvRow(5, "WARD-1", "Ward One (renamed)", DepartmentKind.Ward, "ACUTE", "TUH"),
                new DepartmentCsvRow(6, "WARD-2", "Ward 2", DepartmentKind.Ward, "ACUTE", "TUH"),
            ],
            result.Rows);
        Assert.Equal([new DepartmentCsvSite(2, "GWH", "Greenwater Hospital")], result.NewSites);
        Assert.All(F.Columns, c => Assert.True(result.HasColumn(c.Header)));
    }

    [Fact]
    public void Only_the_required_columns_are_needed_and_extra_columns_are_ignored()
    {
        var result = Read(Csv(" code ,Cost Centre,NAME,Kind", "NEW-1,C100,New,Ward"));

        Assert.Empty(result.Errors);
        Assert.Equal([new DepartmentCsvRow(2, "NEW-1", "New", DepartmentKind.Ward, null, null)], result.Rows);
        Assert.False(result.HasColumn(F.ParentCode));
        Assert.False(result.HasColumn(F.SiteCode));
    }

    public static TheoryData<string, string, string, string> FieldErrors() => new()
    {
        // line after the valid row 2,                 column in error, value,     expected
        { ",Ward,Ward,,,", F.Code, "", CodeExpected },
        { "WARD 3,Ward,Ward,,,", F.Code, "WARD 3", CodeExpected },
        { "WARD/3,Ward,Ward,,,", F.Code, "WARD/3", CodeExpected },
        { new string('W', 33) + ",Ward,Ward,,,", F.Code, new string('W', 33), CodeExpected },
        { "WARD-3,,Ward,,,", F.Name, "", "a name of 1 to 200 characters" },
        { "WARD-3," + new string('n', 201) + ",Ward,,,", F.Name, new string('n', 201), "a name of 1 to 200 characters" },
        { "WARD-3,Ward,,,,", F.Kind, "", "one of Division, Department, Ward" },
        { "WARD-3,Ward,Unit,,,", F.Kind, "Unit", "one of Division, Department, Ward" },
        { "WARD-3,Ward,2,,,", F.Kind, "2", "one of Division, Department, Ward" },
        { "WARD-3,Ward,Ward,NOPE,,", F.ParentCode, "NOPE", ParentExpected },
        { "WARD-3,Ward,Ward,AC UTE,,", F.ParentCode, "AC UTE", ParentExpected },
        { "WARD-3,Ward,Ward,WARD-3,,", F.ParentCode, "WARD-3", "the Code of a different department, or empty: a department cannot be its own parent" },
        { "WARD-3,Ward,Ward,,T H,", F.SiteCode, "T H", "a site code of 1 to 32 letters, digits, '-' or '_', or empty" },
        { "WARD-3,Ward,Ward,,NEW,", F.SiteName, "", "the name of site NEW, which is new to the organisation: a Site Name is required on the first row that uses a new Site Code" },
        { "WARD-3,Ward,Ward,,,Somewhere", F.SiteName, "Somewhere", "empty, because no Site Code is given" },
        { "WARD-3,Ward,Ward,,NEW," + new string('s', 201), F.SiteName, new string('s', 201), "a site name of up to 200 characters" },
        { "WARD-3,Ward,Ward,,TUH,Thameside Hospital", F.SiteName, "Thameside Hospital",
            "empty, or \"Thameside University Hospital\" as site TUH is already named (an import does not rename sites)" },
        { "WARD-3,War\uFFFDd,Ward,,,", F.Name, "War\uFFFDd", "text saved as UTF-8 (in Excel: Save As, CSV UTF-8)" },
    };

    [Theory]
    [MemberData(nameof(FieldErrors))]
    public void A_bad_field_is_reported_with_its_row_column_and_what_was_expected(string line, string column, string value, string expected)
    {
        var result = Read(Csv(Header, "WARD-2,Ward 2,Ward,ACUTE,TUH,", line));

        Assert.Equal([new ImportError(3, column, value, expected)], result.Errors);
        Assert.Equal(2, Assert.Single(result.Rows).Row); // the bad row is not returned
    }

    [Theory]
    [InlineData("Division", DepartmentKind.Division)]
    [InlineData("department", DepartmentKind.Department)]
    [InlineData("WARD", DepartmentKind.Ward)]
    [InlineData(" Ward ", DepartmentKind.Ward)]
    public void Kinds_are_read_in_any_case(string text, DepartmentKind kind)
    {
        var result = Read(Csv(Header, $"X1,X,{text},,,"));

        Assert.Empty(result.Errors);
        Assert.Equal(kind, Assert.Single(result.Rows).Kind);
    }

    [Fact]
    public void A_code_may_appear_only_once_whatever_its_case()
    {
        var result = Read(Csv(Header, "WARD-3,Ward 3,Ward,ACUTE,,", "ACUTE,Acute,Department,MED,,", "ward-3,Ward three,Ward,ACUTE,,"));

        Assert.Equal([new ImportError(4, F.Code, "ward-3", "a code used only once in the file (it is already on row 2)")], result.Errors);
        Assert.Equal([2, 3], result.Rows.Select(r => r.Row));
    }

    [Fact]
    public void A_loop_within_the_file_is_reported_on_every_row_in_it()
    {
        var result = Read(Csv(
            Header,
            "A,A,Division,C,,",
            "B,B,Department,A,,",
            "C,C,Ward,B,,",
            "D,D,Ward,C,,")); // below the loop, not part of it

        Assert.Equal(
            [
                new ImportError(2, F.ParentCode, "C", "a parent that is not below this department: following each parent, A → C → B → A goes round in a loop"),
                new ImportError(3, F.ParentCode, "A", "a parent that is not below this department: following each parent, B → A → C → B goes round in a loop"),
                new ImportError(4, F.ParentCode, "B", "a parent that is not below this department: following each parent, C → B → A → C goes round in a loop"),
            ],
            result.Errors);
        Assert.Equal([5], result.Rows.Select(r => r.Row));
    }

    [Fact]
    public void Moving_a_department_below_its_own_stored_subtree_is_a_loop_through_departments_not_in_the_file()
    {
        // MED under WARD-1, which is (as stored) below ACUTE, which is below MED.
        var result = Read(Csv(Header, "MED,Medicine,Division,ward-1,,"));

        Assert.Equal(
            [new ImportError(2, F.ParentCode, "ward-1", "a parent that is not below this department: following each parent, MED → WARD-1 → ACUTE → MED goes round in a loop")],
            result.Errors);
    }

    [Fact]
    public void Moving_a_subtree_elsewhere_is_fine_and_so_is_swapping_parent_and_child()
    {
        // Stored: MED → ACUTE → WARD-1. The file turns the pair round: WARD-1 to the top, ACUTE below it.
        var result = Read(Csv(Header, "ACUTE,Acute,Department,WARD-1,,", "WARD-1,Ward 1,Ward,,,"));

        Assert.Empty(result.Errors);
        Assert.Equal([("ACUTE", "WARD-1"), ("WARD-1", (string?)null)], result.Rows.Select(r => (r.Code, r.ParentCode)));
    }

    [Fact]
    public void Without_a_parent_column_stored_parents_stand_and_cannot_make_a_loop()
    {
        var result = Read(Csv("Code,Name,Kind", "MED,Medicine,Division", "ACUTE,Acute,Department", "NEW,New,Ward"));

        Assert.Empty(result.Errors);
        Assert.All(result.Rows, r => Assert.Null(r.ParentCode));
    }

    [Fact]
    public void A_tree_deeper_than_the_limit_is_reported_on_the_row_that_makes_it_so()
    {
        // L1 → L2 → … → L31 in the file: row of L31 (row 32) puts it at level 31.
        var lines = Enumerable.Range(1, F.MaxDepth + 1).Select(i => $"L{i},Level {i},Department,{(i == 1 ? "" : $"L{i - 1}")},,");
        var result = Read(Csv([Header, .. lines]));

        Assert.Equal([new ImportError(F.MaxDepth + 2, F.ParentCode, $"L{F.MaxDepth}", $"a parent that keeps the tree at most {F.MaxDepth} levels deep (L{F.MaxDepth + 1} would be at level {F.MaxDepth + 1})")],
            result.Errors);
    }

    [Fact]
    public void Moving_a_stored_subtree_too_deep_is_reported_on_the_row_that_moves_it()
    {
        // ACUTE (with WARD-1 below it, as stored) moves under the last of a chain of new departments L1 → L2 → …:
        // under L28, WARD-1 is at level 30 (allowed); under L29 it would be at level 31.
        var lines = Enumerable.Range(1, F.MaxDepth - 1).Select(i => $"L{i},Level {i},Department,{(i == 1 ? "" : $"L{i - 1}")},,");
        var ok = Read(Csv([Header, .. lines.Take(F.MaxDepth - 2), $"ACUTE,Acute,Department,L{F.MaxDepth - 2},,"]));
        Assert.Empty(ok.Errors);

        var tooDeep = Read(Csv([Header, .. lines, $"ACUTE,Acute,Department,L{F.MaxDepth - 1},,"]));
        Assert.Equal([new ImportError(F.MaxDepth + 1, F.ParentCode, $"L{F.MaxDepth - 1}", $"a parent that keeps the tree at most {F.MaxDepth} levels deep (WARD-1 would be at level {F.MaxDepth + 1})")],
            tooDeep.Errors);
    }

    [Fact]
    public void A_new_site_is_named_on_its_first_row_and_the_same_on_later_rows()
    {
        var result = Read(Csv(
            Header,
            "W1,W1,Ward,,GWH,",                        // first use, no name
            "W2,W2,Ward,,GWH,Greenwater Hospital",
            "W3,W3,Ward,,MCH,Marshfield Community Hospital",
            "W4,W4,Ward,,mch,Marshfield Hospital",      // a different name for the same new site
            "W5,W5,Ward,,MCH,"));

        Assert.Equal(
            [
                new ImportError(2, F.SiteName, "", "the name of site GWH, which is new to the organisation: a Site Name is required on the first row that uses a new Site Code"),
                new ImportError(5, F.SiteName, "Marshfield Hospital", "empty, or the same Site Name as on row 4 (\"Marshfield Community Hospital\"), where site MCH is first used"),
            ],
            result.Errors);
        Assert.Equal([("W2", "GWH"), ("W3", "MCH"), ("W5", "MCH")], result.Rows.Select(r => (r.Code, r.SiteCode!)));
        Assert.Equal([new DepartmentCsvSite(4, "MCH", "Marshfield Community Hospital")], result.NewSites);
    }

    [Fact]
    public void Every_error_is_collected_in_row_then_column_order()
    {
        var result = Read(Csv(
            Header,
            "OK,Fine,Ward,LATER,,",
            ",,Bogus,MISSING,,",
            "LATER,Later,Division,,,"));

        Assert.Equal(
            [
                new ImportError(3, F.Code, "", CodeExpected),
                new ImportError(3, F.Name, "", "a name of 1 to 200 characters"),
                new ImportError(3, F.Kind, "Bogus", "one of Division, Department, Ward"),
                new ImportError(3, F.ParentCode, "MISSING", ParentExpected),
            ],
            result.Errors);
        Assert.Equal([2, 4], result.Rows.Select(r => r.Row));
    }

    [Fact]
    public void Header_problems_are_reported_on_row_1()
    {
        var result = Read(Csv("Code,Kind,Code,Site Name", "X,Ward,X,"));

        Assert.Equal(
            [
                new ImportError(1, F.Code, "Code", "each column only once"),
                new ImportError(1, F.Name, "", "a column headed \"Name\""),
            ],
            result.Errors);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_an_error()
    {
        Assert.Equal([new ImportError(1, "", "", "a header row and at least one row of departments; the file is empty")], Read("").Errors);
        Assert.Equal([new ImportError(2, "", "", "at least one row of departments below the header row")], Read(Csv(Header, "", ",,,,,")).Errors);
    }

    [Fact]
    public void Blank_lines_count_as_rows_and_a_quote_left_open_is_reported_where_it_starts()
    {
        var result = Read(Csv(Header, "", "A,\"Ward, \"\"A\"\"\",Ward,,,", "B,\"Unfinished,Ward,,,", "C,C,Ward,,,"));

        Assert.Equal([new ImportError(4, F.Name, "", "a closing quotation mark (\") for the quoted value that starts on this row; without it the rest of the file is read as one value")],
            result.Errors.Where(e => e.Expected.StartsWith("a closing", StringComparison.Ordinal)));
        Assert.Equal("Ward, \"A\"", result.Rows.Single(r => r.Code == "A").Name);
        Assert.Equal(3, result.Rows.Single(r => r.Code == "A").Row);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(Header, "A,A,Ward,,,"))).ToArray();
        var result = new DepartmentCsvReader(Existing, Sites).Read(new MemoryStream(bytes));

        Assert.Empty(result.Errors);
        Assert.Equal("A", Assert.Single(result.Rows).Code);
    }
}
