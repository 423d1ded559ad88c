using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>One certification that rests on a guideline version: the person's latest completion of a competency came from a module version citing it.</summary>
/// <remarks>Init-only properties, not a positional record, so queries can go on to filter, join and group on it.</remarks>
public sealed record AffectedCertification
{
    public long CompletionId { get; init; }
    public int OrganisationId { get; init; }
    public int StaffMemberId { get; init; }
    public int CompetencyId { get; init; }
    public DateOnly CompletedOn { get; init; }
    public int ModuleVersionId { get; init; }
}

/// <summary>A position held on a day: who, where, in which staff group.</summary>
public sealed record CurrentPosition(int StaffMemberId, int DepartmentId, string StaffGroupCode);

/// <summary>
/// The one definition of "whose current certification rests on a guideline version", shared by the
/// preview and the apply so what is shown is exactly what is applied: a person employed on the day whose
/// latest completion of a competency (by day, then by record — <see cref="Compliance.Completion.IsLatest"/>, kept
/// on every save, so no "is there a later one?" probe per row) was passed on a module version that cites
/// the version (source and version text exactly as cited). Evidence that does not name its module version
/// (imported history, certificates from elsewhere) cannot be traced to a guideline and is not included.
/// </summary>
public static class AffectedCertifications
{
    /// <summary>Module versions of the organisation that cite the guideline version.</summary>
    public static IQueryable<int> CitingVersionIds(AppDbContext db, int organisationId, string source, string version)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ModuleVersions
            .Where(v => v.OrganisationId == organisationId && v.Guidelines.Any(g => g.Source == source && g.Version == version))
            .Select(v => v.Id);
    }

    /// <summary>The query, for the module versions found by <see cref="CitingVersionIds"/> (resolved first, so the plan starts from their completions).</summary>
    public static async Task<IQueryable<AffectedCertification>> QueryAsync(AppDbContext db, int organisationId, string source, string version, DateOnly day, CancellationToken ct = default)
    {
        var citing = await CitingVersionIds(db, organisationId, source, version).ToListAsync(ct);
        return Query(db, organisationId, citing, day);
    }

    public static IQueryable<AffectedCertification> Query(AppDbContext db, int organisationId, IReadOnlyCollection<int> citingVersionIds, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from c in LatestOfVersions(db, organisationId, citingVersionIds)
               join s in db.Staff on c.StaffMemberId equals s.Id
               where s.StartDate <= day && (s.LeavingDate == null || s.LeavingDate > day)
               select c;
    }

    /// <summary>
    /// The first half of <see cref="Query"/>: latest completions passed on the module versions, before the
    /// "employed on the day" test — for callers that make that test in memory (the previews, with <see cref="NotEmployed"/>).
    /// </summary>
    public static IQueryable<AffectedCertification> LatestOfVersions(AppDbContext db, int organisationId, IReadOnlyCollection<int> citingVersionIds) =>
        LatestOfVersions(db, [organisationId], citingVersionIds);

    /// <summary><see cref="LatestOfVersions(AppDbContext, int, IReadOnlyCollection{int})"/> over several organisations at once (the national preview).</summary>
    public static IQueryable<AffectedCertification> LatestOfVersions(AppDbContext db, IReadOnlyCollection<int> organisationIds, IReadOnlyCollection<int> citingVersionIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisations = organisationIds.ToList();
        var citing = citingVersionIds.Select(v => (int?)v).ToList();
        return from c in db.Completions
               where c.IsLatest && organisations.Contains(c.OrganisationId) && citing.Contains(c.ModuleVersionId)
               select new AffectedCertification
               {
                   CompletionId = c.Id, OrganisationId = c.OrganisationId, StaffMemberId = c.StaffMemberId, CompetencyId = c.CompetencyId,
                   CompletedOn = c.CompletedOn, ModuleVersionId = c.ModuleVersionId!.Value,
               };
    }

    /// <summary>The organisation's staff employed on the day: the second half of <see cref="Query"/>.</summary>
    public static IQueryable<int> IsEmployed(AppDbContext db, int organisationId, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Staff.Where(s => s.OrganisationId == organisationId && s.StartDate <= day && (s.LeavingDate == null || s.LeavingDate > day))
            .Select(s => s.Id);
    }

    /// <summary>
    /// The complement of <see cref="IsEmployed"/>: people of the organisations not employed on the day (left, or not
    /// started yet) — a few percent of the staff, read from the (organisation, start) and (organisation, leaving)
    /// indexes, so the previews need not read every employed person to make the test.
    /// </summary>
    public static IQueryable<int> NotEmployed(AppDbContext db, IReadOnlyCollection<int> organisationIds, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisations = organisationIds.ToList();
        return db.Staff.Where(s => organisations.Contains(s.OrganisationId) && (s.StartDate > day || s.LeavingDate <= day)).Select(s => s.Id);
    }

    /// <summary>Positions held on the day in the organisations (index-only from the (organisation, department) covering index).</summary>
    public static IQueryable<CurrentPosition> CurrentPositions(AppDbContext db, IReadOnlyCollection<int> organisationIds, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisations = organisationIds.ToList();
        return db.Positions.Where(p => organisations.Contains(p.OrganisationId) && p.StartDate <= day && (p.EndDate == null || p.EndDate > day))
            .Select(p => new CurrentPosition(p.StaffMemberId, p.DepartmentId, p.StaffGroupCode));
    }

    /// <summary>A SHA-256 over the sorted caps (staff:competency:completion:until), written on the change so the audit trail fixes exactly who was moved.</summary>
    public static string Digest(IEnumerable<AffectedCertification> rows, DateOnly validUntil)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in rows.OrderBy(r => r.StaffMemberId).ThenBy(r => r.CompetencyId).ThenBy(r => r.CompletionId))
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{r.StaffMemberId}:{r.CompetencyId}:{r.CompletionId}:{validUntil:yyyy-MM-dd}\n");
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}
