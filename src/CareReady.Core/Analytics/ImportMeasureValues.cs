using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Workforce.Import;
using Microsoft.EntityFrameworkCore;
using static CareReady.Core.Analytics.MeasureCsvFormat;

namespace CareReady.Core.Analytics;

/// <summary>What an import of measure values did: nothing at all when <see cref="Errors"/> is not empty.</summary>
public sealed record MeasureImportResult(bool Imported, IReadOnlyList<ImportError> Errors, int Added, int Updated, int Unchanged);

/// <summary>
/// Imports measure values from CSV (<see cref="MeasureCsvFormat"/>), all or nothing: every row and column
/// is checked first (measure and department known, period in the measure's form, a number, no row twice),
/// and only a file without a single problem is written — in one transaction, replacing values already held.
/// </summary>
public sealed class ImportMeasureValues(AppDbContext db)
{
    private static readonly List<string> ColumnOrder = [.. Columns.Select(c => c.Header)];

    public async Task<MeasureImportResult> RunAsync(int organisationId, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var measures = await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == organisationId)
            .Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken);
        var measureByCode = measures.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);
        var departmentByCode = departments.ToDictionary(d => d.Code, d => d.Id, StringComparer.OrdinalIgnoreCase);

        var errors = new List<ImportError>();
        var rows = new List<(int Row, int MeasureId, int DepartmentId, DateOnly Period, double Value)>();
        var seen = new Dictionary<(int, int, DateOnly), int>();
        var file = CsvRecords.Read(csv);
        Dictionary<string, int>? columns = null;
        foreach (var (row, fields) in file.Records)
        {
            if (columns is null)
            {
                columns = Header(fields, row, errors);
                continue;
            }

            string Cell(string column) => columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";
            var ok = true;
            void Fail(string column, string expected)
            {
                errors.Add(new ImportError(row, column, Shorten(Cell(column)), expected));
                ok = false;
            }

            var measureText = Cell(MeasureCode);
            PerformanceMeasure? measure = null;
            if (measureText.Length == 0 || !measureByCode.TryGetValue(measureText, out measure))
            {
                Fail(MeasureCode, measures.Count == 0
                    ? "the code of a measure, but the organisation has none yet: define the measures first"
                    : "the code of one of the organisation's measures: " + string.Join(", ", measures.Select(m => m.Code).Order(StringComparer.Ordinal)));
            }

            var departmentText = Cell(DepartmentCode);
            if (departmentText.Length == 0 || !departmentByCode.TryGetValue(departmentText, out var departmentId))
            {
                Fail(DepartmentCode, "the code of one of the organisation's departments (as on the Departments page)");
                departmentId = 0;
            }

            DateOnly? period = null;
            if (measure is not null)
            {
                period = Periods.Parse(Cell(Period), measure.Period);
                if (period is null)
                {
                    Fail(Period, measure.Period == MeasurePeriod.Month
                        ? $"a month as YYYY-MM (e.g. 2026-03), because {measure.Code} is monthly"
                        : $"a quarter as YYYY-Qn (e.g. 2026-Q1), because {measure.Code} is quarterly");
                }
            }

            var valueText = Cell(Value);
            if (!double.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                Fail(Value, "a number with '.' as the decimal point, e.g. 3.25");
            }

            if (ok && measure is not null && period is DateOnly p)
            {
                if (seen.TryGetValue((measure.Id, departmentId, p), out var first))
                {
                    Fail(Period, $"each measure, department and period only once (the same is already on row {first})");
                }
                else
                {
                    seen.Add((measure.Id, departmentId, p), row);
                    rows.Add((row, measure.Id, departmentId, p, value));
                }
            }
        }

        if (columns is null)
        {
            errors.Add(new ImportError(1, "", "", "a header row (" + HeaderLine + ") and at least one row of values; the file is empty"));
        }
        else if (file.Unterminated is (int badRow, int field))
        {
            errors.Add(CsvRecords.UnterminatedQuote(badRow, columns.FirstOrDefault(c => c.Value == field).Key ?? ""));
        }
        else if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(2, "", "", "at least one row of values below the header row"));
        }

        if (errors.Count > 0)
        {
            return new MeasureImportResult(false, errors.OrderBy(e => e.Row).ThenBy(e => ColumnOrder.IndexOf(e.Column)).ToList(), 0, 0, 0);
        }

        return await WriteAsync(organisationId, rows, cancellationToken);
    }

    private async Task<MeasureImportResult> WriteAsync(int organisationId, List<(int Row, int MeasureId, int DepartmentId, DateOnly Period, double Value)> rows, CancellationToken cancellationToken)
    {
        var measureIds = rows.Select(r => r.MeasureId).Distinct().ToList();
        var first = rows.Min(r => r.Period);
        var last = rows.Max(r => r.Period);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.MeasureValues
            .Where(v => v.OrganisationId == organisationId && measureIds.Contains(v.MeasureId) && v.PeriodStart >= first && v.PeriodStart <= last)
            .ToDictionaryAsync(v => (v.MeasureId, v.DepartmentId, v.PeriodStart), cancellationToken);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var r in rows)
        {
            if (existing.TryGetValue((r.MeasureId, r.DepartmentId, r.Period), out var stored))
            {
                if (stored.Value.Equals(r.Value))
                {
                    unchanged++;
                }
                else
                {
                    stored.Value = r.Value;
                    updated++;
                }
            }
            else
            {
                db.MeasureValues.Add(new MeasureValue { OrganisationId = organisationId, MeasureId = r.MeasureId, DepartmentId = r.DepartmentId, PeriodStart = r.Period, Value = r.Value });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MeasureImportResult(true, [], added, updated, unchanged);
    }

    private static Dictionary<string, int> Header(string[] fields, int row, List<ImportError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim().Trim('\uFEFF').Trim();
            var column = Columns.FirstOrDefault(c => string.Equals(c.Header, name, StringComparison.OrdinalIgnoreCase));
            if (column is not null && !columns.TryAdd(column.Header, i))
            {
                errors.Add(new ImportError(row, column.Header, Shorten(fields[i].Trim()), "each column only once"));
            }
        }

        foreach (var column in Columns.Where(c => !columns.ContainsKey(c.Header)))
        {
            errors.Add(new ImportError(row, column.Header, "", $"a column headed \"{column.Header}\""));
        }

        return columns;
    }

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
