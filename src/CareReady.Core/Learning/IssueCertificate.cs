using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

/// <summary>What a certificate is issued for: who completed the module, how, with which score (null: none reported).</summary>
public sealed record CertificateFor(int OrganisationId, int StaffMemberId, CertificateRoute Route, long SourceId, int? ScorePercent);

/// <summary>
/// Issues the certificate for a completed module version (called inside the transaction that records the
/// completion): the holder's name and organisation, the module and what it counts for as they are today, and
/// the date the certification it gives runs out (completion + the organisation's refresher period; the earliest
/// when it confers several). The same for a passed assessment, a completed SCORM package and a satisfied cmi5
/// course.
/// </summary>
public static class IssueCertificate
{
    /// <param name="version">The version completed, with its module and what it confers loaded.</param>
    public static async Task<IssuedCertificate> AddAsync(AppDbContext db, CertificateFor source, ModuleVersion version, DateOnly completedOn, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(version);
        var holder = await db.Staff.AsNoTracking().Where(s => s.Id == source.StaffMemberId)
            .Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == source.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var ids = version.Confers.Select(c => c.CompetencyId).ToList();
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var overrides = await db.RefresherOverrides.AsNoTracking()
            .Where(o => o.OrganisationId == source.OrganisationId && ids.Contains(o.CompetencyId))
            .ToDictionaryAsync(o => o.CompetencyId, o => o.Months, ct);
        var expiries = competencies
            .Select(c => overrides.TryGetValue(c.Id, out var m) ? m : c.DefaultRefresherMonths)
            .Where(m => m is not null)
            .Select(m => completedOn.AddMonths(m!.Value))
            .ToList();

        var certificate = new IssuedCertificate
        {
            OrganisationId = source.OrganisationId,
            StaffMemberId = source.StaffMemberId,
            Route = source.Route,
            AttemptId = source.Route == CertificateRoute.Assessment ? source.SourceId : null,
            ScormAttemptId = source.Route == CertificateRoute.ScormPackage ? source.SourceId : null,
            Cmi5RegistrationId = source.Route == CertificateRoute.Cmi5Course ? checked((int)source.SourceId) : null,
            ModuleVersionId = version.Id,
            VerificationCode = CertificateCodes.New(),
            HolderName = holder,
            OrganisationName = organisation,
            ModuleCode = version.Module!.Code,
            ModuleTitle = version.Title,
            VersionNumber = version.Number,
            Competencies = string.Join("; ", competencies.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => c.Subject!.Name == c.Name ? c.Name : $"{c.Subject.Name} — {c.Name}")),
            ScorePercent = source.ScorePercent,
            CompletedOn = completedOn,
            ValidUntil = expiries.Count == 0 ? null : expiries.Min(),
            IssuedAt = now,
        };
        db.IssuedCertificates.Add(certificate);
        return certificate;
    }
}
