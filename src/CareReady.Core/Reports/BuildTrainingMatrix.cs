using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Reports;

/// <summary>A competency column of the matrix: one that somebody in the unit is required to hold.</summary>
public sealed record MatrixColumn(int CompetencyId, string Code, string Name, string SubjectCode, string SubjectName, int Level)
{
    /// <summary>"Fire Safety — Level 1": competency names are levels within their subject.</summary>
    public string DisplayName => DisplayNameOf(SubjectName, Name);

    public static string DisplayNameOf(string subjectName, string competencyName) =>
        subjectName.Length == 0 || competencyName.StartsWith(subjectName, StringComparison.OrdinalIgnoreCase)
            ? competencyName
            : $"{subjectName} — {competencyName}";
}

/// <summary>
/// One person × competency cell. <see cref="Required"/> is false where the person does not need the
/// competency (status "Not required", no dates). Status and colour come from the compliance snapshot.
/// </summary>
public sealed record MatrixCell(
    bool Required,
    ComplianceState? State,
    string Status,
    string Rag,
    DateOnly? Completed,
    DateOnly? ExpiresOn,
    DateOnly? DueBy,
    DateOnly? ExemptUntil)
{
    public const string NotRequiredLabel = "Not required";

    public static readonly MatrixCell NotRequired = new(false, null, NotRequiredLabel, "none", null, null, null, null);

    /// <summary>
    /// The date an inspector looks for: the expiry of the current certification; for someone never
    /// trained, the day it is (or was) due by; for an exemption, the day it ends (the requirement applies
    /// again). Null when not required or when the certification never expires.
    /// </summary>
    public DateOnly? ExpiresOrDue => State == ComplianceState.Exempt
        ? ExemptUntil
        : ExpiresOn ?? (Required && Completed is null ? DueBy : null);

    public static MatrixCell From(RequirementStatus status) => new(true, status.State, status.Label, status.Rag,
        status.LastCompleted, status.ExpiresOn, status.DueBy, status.ExemptUntil);
}

/// <summary>A staff member's row: who, where, and one cell per matrix column (same order as the columns).</summary>
public sealed record MatrixRow(
    int StaffMemberId,
    string EmployeeNumber,
    string FirstName,
    string LastName,
    string Department,
    string JobRole,
    string StaffGroup,
    IReadOnlyList<MatrixCell> Cells)
{
    public string Name => FirstName + " " + LastName;
}

/// <summary>An exemption that applies on the as-of day to someone in the pack.</summary>
public sealed record MatrixExemption(
    string EmployeeNumber,
    string FirstName,
    string LastName,
    string CompetencyCode,
    string CompetencyName,
    string Reason,
    string ApprovedBy,
    DateOnly ApprovedOn,
    DateOnly StartsOn,
    DateOnly EndsOn)
{
    public string Name => FirstName + " " + LastName;
}

/// <summary>Recognised prior learning (a completion transferred from another employer or body) up to the as-of day.</summary>
public sealed record MatrixPriorLearning(
    string EmployeeNumber,
    string FirstName,
    string LastName,
    string CompetencyCode,
    string CompetencyName,
    DateOnly CompletedOn,
    string Source,
    string? Reference,
    string? RecordedBy)
{
    public string Name => FirstName + " " + LastName;
}

/// <summary>
/// The evidence pack for an inspection: every staff member of a unit × every competency anyone there
/// needs, on one day, with the per-subject summary against target, exemptions and prior learning.
/// </summary>
public sealed record TrainingMatrix(
    string Title,
    string OrganisationCode,
    string OrganisationName,
    string? UnitCode,
    string UnitName,
    DateOnly AsOf,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<MatrixColumn> Columns,
    IReadOnlyList<MatrixRow> Rows,
    IReadOnlyList<SnapshotSubject> Summary,
    IReadOnlyList<MatrixExemption> Exemptions,
    IReadOnlyList<MatrixPriorLearning> PriorLearning)
{
    /// <summary>"training-matrix-WARD-7A-2026-11-27.xlsx" (the organisation code when the pack covers it whole).</summary>
    public string FileName(MatrixFormat format) =>
        $"training-matrix-{SafeFilePart(UnitCode ?? OrganisationCode)}-{AsOf:yyyy-MM-dd}.{MatrixFormats.Extension(format)}";

    private static string SafeFilePart(string code) =>
        new(code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}

public enum MatrixFormat
{
    Csv,
    Xlsx,
    Pdf,
}

public static class MatrixFormats
{
    public const string Expected = "csv, xlsx or pdf";

    public static bool TryParse(string? value, out MatrixFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "csv":
                format = MatrixFormat.Csv;
                return true;
            case "xlsx":
            case "excel":
                format = MatrixFormat.Xlsx;
                return true;
            case "pdf":
                format = MatrixFormat.Pdf;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string Extension(MatrixFormat format) => format switch
    {
        MatrixFormat.Csv => "csv",
        MatrixFormat.Xlsx => "xlsx",
        _ => "pdf",
    };

    public static string ContentType(MatrixFormat format) => format switch
    {
        MatrixFormat.Csv => "text/csv; charset=utf-8",
        MatrixFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/pdf",
    };

    public static void Write(TrainingMatrix matrix, MatrixFormat format, Stream output)
    {
        switch (format)
        {
            case MatrixFormat.Csv:
                MatrixCsvWriter.Write(matrix, output);
                break;
            case MatrixFormat.Xlsx:
                MatrixXlsxWriter.Write(matrix, output);
                break;
            default:
                MatrixPdfWriter.Write(matrix, output);
                break;
        }
    }
}

/// <summary>
/// Builds the <see cref="TrainingMatrix"/> for a unit (a department code and everything below it, or
/// the whole organisation) on a day, within the caller's <see cref="AccessScope"/>. Statuses come from
/// <see cref="ComputeComplianceSnapshot"/>, the reference definition of compliance; nothing is recomputed here.
/// </summary>
public sealed class BuildTrainingMatrix(AppDbContext db, ComputeComplianceSnapshot snapshots, TimeProvider time)
{
    /// <returns>Null when the unit code is unknown in the organisation or outside the caller's scope.</returns>
    public async Task<TrainingMatrix?> RunAsync(AccessScope scope, string? unitCode, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == scope.OrganisationId, cancellationToken);
        int? departmentId = null;
        string? code = null;
        if (!string.IsNullOrWhiteSpace(unitCode))
        {
            var wanted = unitCode.Trim();
            var departments = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == scope.OrganisationId)
                .Select(d => new { d.Id, d.Code })
                .ToListAsync(cancellationToken);
            // Exact code first; otherwise ignoring case, provided that names one department only.
            var ignoringCase = departments.Where(d => string.Equals(d.Code, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            var match = departments.FirstOrDefault(d => string.Equals(d.Code, wanted, StringComparison.Ordinal))
                ?? (ignoringCase.Count == 1 ? ignoringCase[0] : null);
            if (match is null || !scope.CanSeeDepartment(match.Id))
            {
                return null;
            }

            (departmentId, code) = (match.Id, match.Code);
        }

        ComplianceSnapshot snapshot;
        try
        {
            snapshot = await snapshots.RunAsync(scope, departmentId, asOf, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }

        var unitName = departmentId is null && !scope.OrganisationWide ? "Departments you manage" : snapshot.UnitName;

        // Columns: every competency somebody in the unit must hold, by subject (in the summary's order), then level.
        var subjectOrder = snapshot.Subjects.Select((s, i) => (s.SubjectId, i)).ToDictionary(x => x.SubjectId, x => x.i);
        var columns = snapshot.People
            .SelectMany(p => p.Statuses.Select(s => s.Requirement.Competency))
            .DistinctBy(c => c.Id)
            .OrderBy(c => subjectOrder.GetValueOrDefault(c.SubjectId, int.MaxValue))
            .ThenBy(c => c.Level)
            .ThenBy(c => c.Variant, StringComparer.Ordinal)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new MatrixColumn(c.Id, c.Code, c.Name, c.Subject?.Code ?? "", c.Subject?.Name ?? "", c.Level))
            .ToList();

        var rows = snapshot.People.Select(p =>
        {
            var byCompetency = p.Statuses.ToDictionary(s => s.Requirement.Competency.Id);
            return new MatrixRow(p.StaffMemberId, p.EmployeeNumber, p.FirstName, p.LastName, p.DepartmentName, p.JobRole, p.StaffGroupCode,
                columns.Select(c => byCompetency.TryGetValue(c.CompetencyId, out var s) ? MatrixCell.From(s) : MatrixCell.NotRequired).ToList());
        }).ToList();

        var people = snapshot.People.ToDictionary(p => p.StaffMemberId);
        var competencies = (await db.Competencies.AsNoTracking()
                .Select(c => new { c.Id, c.Code, c.Name, Subject = c.Subject!.Name })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, c => (c.Code, Name: MatrixColumn.DisplayNameOf(c.Subject, c.Name)));

        // The same exemptions the snapshot honours (not revoked), limited to those in force on the day.
        var exemptions = (await db.Exemptions.AsNoTracking()
                .Where(e => e.OrganisationId == scope.OrganisationId && e.RevokedAt == null && e.StartsOn <= asOf && e.EndsOn > asOf)
                .ToListAsync(cancellationToken))
            .Where(e => people.ContainsKey(e.StaffMemberId))
            .Select(e =>
            {
                var p = people[e.StaffMemberId];
                var c = competencies[e.CompetencyId];
                return new MatrixExemption(p.EmployeeNumber, p.FirstName, p.LastName, c.Code, c.Name, e.Reason, e.ApprovedBy,
                    DateOnly.FromDateTime(e.ApprovedAt), e.StartsOn, e.EndsOn);
            })
            .OrderBy(e => e.LastName, StringComparer.Ordinal).ThenBy(e => e.FirstName, StringComparer.Ordinal)
            .ThenBy(e => e.EmployeeNumber, StringComparer.Ordinal).ThenBy(e => e.CompetencyCode, StringComparer.Ordinal)
            .ToList();

        var priorLearning = (await db.Completions.AsNoTracking()
                .Where(c => c.OrganisationId == scope.OrganisationId && c.Source == CompletionSource.PriorLearning && c.CompletedOn <= asOf)
                .Select(c => new { c.StaffMemberId, c.CompetencyId, c.CompletedOn, c.PriorLearningSource, c.Reference, c.RecordedBy })
                .ToListAsync(cancellationToken))
            .Where(c => people.ContainsKey(c.StaffMemberId))
            .Select(c =>
            {
                var p = people[c.StaffMemberId];
                var competency = competencies[c.CompetencyId];
                return new MatrixPriorLearning(p.EmployeeNumber, p.FirstName, p.LastName, competency.Code, competency.Name, c.CompletedOn,
                    c.PriorLearningSource ?? "", c.Reference, c.RecordedBy);
            })
            .OrderBy(c => c.LastName, StringComparer.Ordinal).ThenBy(c => c.FirstName, StringComparer.Ordinal)
            .ThenBy(c => c.EmployeeNumber, StringComparer.Ordinal).ThenBy(c => c.CompletedOn).ThenBy(c => c.CompetencyCode, StringComparer.Ordinal)
            .ToList();

        return new TrainingMatrix($"Training matrix — {unitName}", organisation.Code, organisation.Name, code, unitName, asOf,
            time.GetUtcNow(), columns, rows, snapshot.Subjects, exemptions, priorLearning);
    }
}
