using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using static CareReady.Core.Workforce.Import.DepartmentCsvFormat;

namespace CareReady.Core.Workforce.Import;

/// <summary>A department the organisation already has, as the reader needs it: its code and its parent's code.</summary>
public sealed record ExistingDepartment(string Code, string? ParentCode);

/// <summary>One valid row of the department file.</summary>
/// <param name="Code">As stored when the department exists (the file may differ in case), otherwise as in the file.</param>
/// <param name="ParentCode">The parent's code spelled as <paramref name="Code"/> is; null for an empty cell or an absent column.</param>
/// <param name="SiteCode">The site's code as stored (or as first written in the file for a new site); null for an empty cell or an absent column.</param>
public sealed record DepartmentCsvRow(int Row, string Code, string Name, DepartmentKind Kind, string? ParentCode, string? SiteCode);

/// <summary>A site the file names that the organisation does not have yet.</summary>
/// <param name="Row">The first row that uses it (which gives its name).</param>
public sealed record DepartmentCsvSite(int Row, string Code, string Name);

/// <summary>What <see cref="DepartmentCsvReader.Read"/> found.</summary>
/// <param name="Rows">The rows that passed every check, in file order.</param>
/// <param name="NewSites">The sites to create, in order of first use.</param>
/// <param name="Errors">Every problem found, in row order (then column order); the file may be used only when this is empty.</param>
/// <param name="Columns">The documented columns present in the header (as spelled in <see cref="DepartmentCsvFormat"/>).</param>
public sealed record DepartmentCsvReadResult(
    IReadOnlyList<DepartmentCsvRow> Rows,
    IReadOnlyList<DepartmentCsvSite> NewSites,
    IReadOnlyList<ImportError> Errors,
    IReadOnlySet<string> Columns)
{
    public bool IsValid => Errors.Count == 0;

    public bool HasColumn(string header) => Columns.Contains(header);
}

/// <summary>
/// Reads and validates a department file (<see cref="DepartmentCsvFormat"/>) without touching a database:
/// every field of every row is checked and all problems are collected, then the tree the file would make
/// (together with the organisation's existing departments) is checked as a whole: every parent exists, no
/// department ends up below itself, no branch is deeper than <see cref="DepartmentCsvFormat.MaxDepth"/>.
/// </summary>
public sealed partial class DepartmentCsvReader
{
    private const string EncodingExpected = "text saved as UTF-8 (in Excel: Save As, CSV UTF-8)";
    private const int MaxValueShown = 300; // longer than any valid value

    private const string CodeExpected = "a code of 1 to 32 letters, digits, '-' or '_' (e.g. WARD-7A)";
    private const string NameExpected = "a name of 1 to 200 characters";
    private const string ParentExpected =
        "the Code of another row of this file or of a department already in the organisation, or empty for a top-level department";
    private const string SiteCodeExpected = "a site code of 1 to 32 letters, digits, '-' or '_', or empty";
    private const string SiteNameExpected = "a site name of up to 200 characters";

    private static readonly string KindExpected = "one of " + string.Join(", ", Kinds);

    private static readonly Dictionary<string, DepartmentKind> KindLookup =
        Enum.GetValues<DepartmentKind>().ToDictionary(k => k.ToString(), k => k, StringComparer.OrdinalIgnoreCase);

    private static readonly List<string> ColumnOrder = [.. Columns.Select(c => c.Header)];

    private readonly CodeLookup existingDepartments;
    private readonly Dictionary<string, string?> existingParents = new(StringComparer.Ordinal);
    private readonly CodeLookup existingSites;
    private readonly Dictionary<string, string> siteNames = new(StringComparer.Ordinal);

    /// <param name="departments">The organisation's departments.</param>
    /// <param name="sites">The organisation's sites.</param>
    public DepartmentCsvReader(IEnumerable<ExistingDepartment> departments, IEnumerable<Site> sites)
    {
        ArgumentNullException.ThrowIfNull(departments);
        ArgumentNullException.ThrowIfNull(sites);

        foreach (var department in departments)
        {
            existingParents.TryAdd(department.Code, department.ParentCode);
        }

        existingDepartments = new CodeLookup(existingParents.Keys);
        foreach (var site in sites)
        {
            siteNames.TryAdd(site.Code, site.Name);
        }

        existingSites = new CodeLookup(siteNames.Keys);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>Reads the whole stream (UTF-8, with or without a byte order mark). Never throws for bad content.</summary>
    public DepartmentCsvReadResult Read(Stream csv)
    {
        ArgumentNullException.ThrowIfNull(csv);

        var errors = new List<ImportError>();
        var records = new List<(RecordFields Fields, Parsed Parsed)>();
        var codesInFile = new Dictionary<string, Parsed>(StringComparer.OrdinalIgnoreCase);
        var newSites = new Dictionary<string, NewSiteSeen>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, int>? columns = null;
        var headerRow = 0;

        var file = CsvRecords.Read(csv);
        foreach (var (row, fields) in file.Records)
        {
            if (columns is null)
            {
                headerRow = row;
                columns = ReadHeader(fields, row, errors);
                continue;
            }

            var record = new RecordFields(fields, columns, row, errors);
            records.Add((record, ReadRecord(record, codesInFile, newSites)));
        }

        if (columns is null)
        {
            return new DepartmentCsvReadResult([], [], [new ImportError(1, "", "",
                "a header row and at least one row of departments; the file is empty")], new HashSet<string>());
        }

        if (file.Unterminated is (int badRow, int field))
        {
            errors.Add(CsvRecords.UnterminatedQuote(badRow, columns.FirstOrDefault(c => c.Value == field).Key ?? ""));
        }

        if (records.Count == 0)
        {
            errors.Add(new ImportError(headerRow + 1, "", "", "at least one row of departments below the header row"));
        }

        CheckTree(records, codesInFile, columns.ContainsKey(ParentCode));

        var rows = records
            .Where(r => r.Fields.Valid)
            .Select(r => new DepartmentCsvRow(r.Fields.Row, r.Parsed.Code!, r.Parsed.Name!, r.Parsed.Kind!.Value, r.Parsed.Parent, r.Parsed.SiteCode))
            .ToList();
        var sites = newSites.Values
            .Where(s => s.Name is not null)
            .Select(s => new DepartmentCsvSite(s.Row, s.Code, s.Name!))
            .ToList();
        var ordered = errors
            .OrderBy(e => e.Row)
            .ThenBy(e => e.Column.Length == 0 ? -1 : ColumnOrder.IndexOf(e.Column))
            .ToList();
        return new DepartmentCsvReadResult(rows, sites, ordered, new HashSet<string>(columns.Keys, StringComparer.Ordinal));
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

    /// <summary>Checks the fields of one row on their own, and its Code and site against earlier rows.</summary>
    private Parsed ReadRecord(RecordFields r, Dictionary<string, Parsed> codesInFile, Dictionary<string, NewSiteSeen> newSites)
    {
        var p = new Parsed(r);

        if (RequiredText(r, Code, CodeExpected, v => CodePattern().IsMatch(v)) is string code)
        {
            if (codesInFile.TryGetValue(code, out var first))
            {
                r.Fail(Code, $"a code used only once in the file (it is already on row {first.Fields.Row})");
            }
            else
            {
                p.Code = existingDepartments.Find(code) ?? code;
                codesInFile.Add(code, p);
            }
        }

        p.Name = RequiredText(r, Name, NameExpected, v => v.Length <= MaxNameLength);
        p.Kind = RequiredText(r, Kind, KindExpected, KindLookup.ContainsKey) is string kind ? KindLookup[kind] : null;
        p.ParentWritten = r.Value(ParentCode);

        var siteCode = r.Value(SiteCode);
        string? siteName = r.Value(SiteName);
        if (siteName.Length > MaxNameLength || HasBadEncoding(siteName))
        {
            r.Fail(SiteName, HasBadEncoding(siteName) ? EncodingExpected : SiteNameExpected);
            siteName = null; // reported; not checked again below
        }

        if (siteCode.Length == 0)
        {
            if (!string.IsNullOrEmpty(siteName))
            {
                r.Fail(SiteName, "empty, because no Site Code is given");
            }
        }
        else if (!CodePattern().IsMatch(siteCode))
        {
            r.Fail(SiteCode, SiteCodeExpected);
        }
        else if (existingSites.Find(siteCode) is string stored)
        {
            p.SiteCode = stored;
            if (!string.IsNullOrEmpty(siteName) && !string.Equals(siteName, siteNames[stored], StringComparison.Ordinal))
            {
                r.Fail(SiteName, $"empty, or \"{siteNames[stored]}\" as site {stored} is already named (an import does not rename sites)");
            }
        }
        else if (!newSites.TryGetValue(siteCode, out var seen))
        {
            newSites.Add(siteCode, new NewSiteSeen(r.Row, siteCode, string.IsNullOrEmpty(siteName) ? null : siteName));
            p.SiteCode = siteCode;
            if (siteName is "")
            {
                r.Fail(SiteName, $"the name of site {siteCode}, which is new to the organisation: a Site Name is required on the first row that uses a new Site Code");
            }
        }
        else
        {
            p.SiteCode = seen.Code;
            if (!string.IsNullOrEmpty(siteName) && seen.Name is not null && !string.Equals(siteName, seen.Name, StringComparison.Ordinal))
            {
                r.Fail(SiteName, $"empty, or the same Site Name as on row {seen.Row} (\"{seen.Name}\"), where site {seen.Code} is first used");
            }
        }

        return p;
    }

    /// <summary>
    /// Resolves every Parent Code, then looks at the tree the file would make with the departments already
    /// there: a department that ends up below itself, or below level <see cref="DepartmentCsvFormat.MaxDepth"/>,
    /// is reported on the row that put it there.
    /// </summary>
    private void CheckTree(List<(RecordFields Fields, Parsed Parsed)> records, Dictionary<string, Parsed> codesInFile, bool hasParentColumn)
    {
        // The final parent of every department: the file's for the rows in it (when it has the column),
        // the stored one for the rest.
        var parents = new Dictionary<string, string?>(existingParents, StringComparer.Ordinal);
        var rowOf = new Dictionary<string, RecordFields>(StringComparer.Ordinal);
        foreach (var p in codesInFile.Values)
        {
            rowOf[p.Code!] = p.Fields;
            if (hasParentColumn || !parents.ContainsKey(p.Code!))
            {
                parents[p.Code!] = null;
            }
        }

        foreach (var (r, p) in records)
        {
            if (p.ParentWritten.Length == 0)
            {
                continue;
            }

            var parent = codesInFile.TryGetValue(p.ParentWritten, out var inFile) ? inFile.Code : existingDepartments.Find(p.ParentWritten);
            if (parent is null)
            {
                r.Fail(ParentCode, ParentExpected);
                continue;
            }

            p.Parent = parent;
            if (p.Code is not null && codesInFile.TryGetValue(p.Code, out var owner) && owner == p)
            {
                parents[p.Code] = parent;
            }
        }

        ReportLoops(parents, rowOf);
        ReportDepth(parents, rowOf);
    }

    private static void ReportLoops(Dictionary<string, string?> parents, Dictionary<string, RecordFields> rowOf)
    {
        // The parent links form a forest plus, at worst, loops. Walk up from each department in the file;
        // a walk that meets itself has found a loop (the stored tree has none, so every loop has a row).
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in rowOf.Keys)
        {
            var path = new List<string>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            for (string? at = start; at is not null && !done.Contains(at); at = parents.GetValueOrDefault(at))
            {
                if (onPath.TryGetValue(at, out var loopStart))
                {
                    var loop = path[loopStart..];
                    foreach (var member in loop)
                    {
                        if (rowOf.TryGetValue(member, out var row))
                        {
                            row.Fail(ParentCode, LoopExpected(loop, member));
                        }
                    }

                    break;
                }

                onPath.Add(at, path.Count);
                path.Add(at);
            }

            done.UnionWith(path);
        }
    }

    private static string LoopExpected(List<string> loop, string member)
    {
        if (loop.Count == 1)
        {
            return "the Code of a different department, or empty: a department cannot be its own parent";
        }

        var from = loop.IndexOf(member);
        var chain = loop.Skip(from).Concat(loop.Take(from)).Append(member);
        return $"a parent that is not below this department: following each parent, {string.Join(" → ", chain)} goes round in a loop";
    }

    private static void ReportDepth(Dictionary<string, string?> parents, Dictionary<string, RecordFields> rowOf)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        var deepest = new Dictionary<RecordFields, (string Code, int Depth)>();
        foreach (var code in parents.Keys)
        {
            // Walk up to a department whose depth is known (or a top-level one), then fill in on the way down.
            var chain = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? at = code;
            var depth = 0;
            while (at is not null && !depths.TryGetValue(at, out depth))
            {
                if (!seen.Add(at))
                {
                    chain.Clear(); // in or below a loop: reported already, no depth
                    break;
                }

                chain.Add(at);
                at = parents.GetValueOrDefault(at);
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                depths[chain[i]] = ++depth;
            }

            if (!depths.TryGetValue(code, out var level) || level <= MaxDepth)
            {
                continue;
            }

            // Blame the nearest row of the file at or above it: the stored tree is within the limit.
            for (string? up = code; up is not null; up = parents.GetValueOrDefault(up))
            {
                if (rowOf.TryGetValue(up, out var row))
                {
                    if (!deepest.TryGetValue(row, out var worst) || worst.Depth < level)
                    {
                        deepest[row] = (code, level);
                    }

                    break;
                }
            }
        }

        foreach (var (row, (code, level)) in deepest)
        {
            row.Fail(ParentCode, $"a parent that keeps the tree at most {MaxDepth} levels deep ({code} would be at level {level})");
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

    /// <summary>A file saved in a legacy encoding (Excel's "CSV", Windows-1252) decodes to replacement characters.</summary>
    private static bool HasBadEncoding(string value) => value.Contains('\uFFFD', StringComparison.Ordinal);

    private static string Shorten(string value) => value.Length <= MaxValueShown ? value : value[..MaxValueShown] + "…";

    /// <summary>Finds a stored code as written, or else ignoring case; gives it as stored.</summary>
    private sealed class CodeLookup
    {
        private readonly HashSet<string> exact = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> anyCase = new(StringComparer.OrdinalIgnoreCase);

        public CodeLookup(IEnumerable<string> codes)
        {
            foreach (var code in codes.Order(StringComparer.Ordinal))
            {
                exact.Add(code);
                anyCase.TryAdd(code, code);
            }
        }

        public string? Find(string code) => exact.Contains(code) ? code : anyCase.GetValueOrDefault(code);
    }

    private sealed record NewSiteSeen(int Row, string Code, string? Name);

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

    /// <summary>What one record parsed to; a null member failed (and was reported) or was left empty.</summary>
    private sealed class Parsed(RecordFields fields)
    {
        public RecordFields Fields => fields;

        /// <summary>Null when invalid or a repeat of an earlier row's code.</summary>
        public string? Code;
        public string? Name;
        public DepartmentKind? Kind;
        public string ParentWritten = "";
        public string? Parent;
        public string? SiteCode;
    }
}
