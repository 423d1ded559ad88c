namespace CareReady.Core.Workforce.Import;

/// <summary>
/// The department import file: one row per department (division, department or ward) of one organisation,
/// with the site it is at. Loaded before the staff file, whose Department Code column refers to these codes.
/// This is the single source of truth for the column list: the reader, the README and the import page all
/// use <see cref="Columns"/>. Columns not listed here are ignored.
/// </summary>
public static class DepartmentCsvFormat
{
    public const string Code = "Code";
    public const string Name = "Name";
    public const string Kind = "Kind";
    public const string ParentCode = "Parent Code";
    public const string SiteCode = "Site Code";
    public const string SiteName = "Site Name";

    /// <summary>Matches the database columns (Department.Code, Site.Code: 32; names: 200).</summary>
    public const int MaxCodeLength = 32;

    public const int MaxNameLength = 200;

    /// <summary>
    /// Deepest level a department may sit at (a top-level division is level 1). Keeps the materialised path
    /// within its 400 characters whatever the ids; real trusts use 3 to 5 levels.
    /// </summary>
    public const int MaxDepth = 30;

    /// <summary>The kinds, spelled as they are stored (the file may use any case).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. Enum.GetNames<DepartmentKind>()];

    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new(Code, true, "1 to 32 letters, digits, '-' or '_'; different on every row. Matches an existing department of the organisation whatever the case", "WARD-7A"),
        new(Name, true, "text, up to 200 characters", "Ward 7A (Respiratory)"),
        new(Kind, true, "one of " + string.Join(", ", Kinds), "Ward"),
        new(ParentCode, false, "the Code of another row of the file or of a department already in the organisation; empty for a top-level division. Rows may come in any order", "ACUTE-MED"),
        new(SiteCode, false, "1 to 32 letters, digits, '-' or '_': an existing site of the organisation, or a new one (created by the import); empty when the department has no single site", "TUH"),
        new(SiteName, false, "text, up to 200 characters; required on the first row that uses a new Site Code. For a site that already exists leave it empty or give the name as stored (an import does not rename sites)", "Thameside University Hospital"),
    ];

    /// <summary>The header row, in the documented column order (a blank template to download).</summary>
    public static string HeaderLine { get; } = string.Join(",", Columns.Select(c => c.Header));
}
