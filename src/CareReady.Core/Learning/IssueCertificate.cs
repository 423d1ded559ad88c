using CareReady.Core.Assessments;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

/// <summary>
/// Issues the certificate for a passed attempt (called inside the attempt's transaction): the holder's
/// name and organisation, the module and what it counts for as they are today, and the date the
/// certification it gives runs out (completion + the organisation's refresher period; the earliest
/// when it confers several).
/// </summary>
public static class IssueCertificate
{
    public static async Task<IssuedCertificate> AddAsync(AppDbContext db, AssessmentAttempt attempt, ModuleVersion version, DateOnly completedOn, DateTime now, CancellationToken ct)
    {
        var holder = await db.Staff.AsNoTracking().Where(s => s.Id == attempt.StaffMemberId)
            .Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == attempt.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var ids = version.Confers.Select(c => c.CompetencyId).ToList();
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var overrides = await db.RefresherOverrides.AsNoTracking()
            .Where(o => o.OrganisationId == attempt.OrganisationId && ids.Contains(o.CompetencyId))
            .ToDictionaryAsync(o => o.CompetencyId, o => o.Months, ct);
        var expiries = competencies
            .Select(c => overrides.TryGetValue(c.Id, out var m) ? m : c.DefaultRefresherMonths)
            .Where(m => m is not null)
            .Select(m => completedOn.AddMonths(m!.Value))
            .ToList();

        var certificate = new IssuedCertificate
        {
            OrganisationId = attempt.OrganisationId,
            StaffMemberId = attempt.StaffMemberId,
            AttemptId = attempt.Id,
            ModuleVersionId = version.Id,
            VerificationCode = CertificateCodes.New(),
            HolderName = holder,
            OrganisationName = organisation,
            ModuleCode = version.Module!.Code,
            ModuleTitle = version.Title,
            VersionNumber = version.Number,
            Competencies = string.Join("; ", competencies.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => c.Subject!.Name == c.Name ? c.Name : $"{c.Subject.Name} — {c.Name}")),
            ScorePercent = attempt.ScorePercent ?? 0,
            CompletedOn = completedOn,
            ValidUntil = expiries.Count == 0 ? null : expiries.Min(),
            IssuedAt = now,
        };
        db.IssuedCertificates.Add(certificate);
        return certificate;
    }
}
