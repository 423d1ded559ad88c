using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

public sealed record ExemptionView(int Id, int StaffMemberId, string CompetencyCode, string CompetencyName, string Reason, string ApprovedBy, DateOnly StartsOn, DateOnly EndsOn, bool Revoked);

public sealed record CertificateView(int Id, int StaffMemberId, string PersonName, string CompetencyCode, string CompetencyName, DateOnly CompletedOn, string Provider, string FileName, string Status, string UploadedBy, string? ReviewedBy, string? ReviewNote);

public sealed record PriorLearningView(long Id, string CompetencyCode, string CompetencyName, DateOnly CompletedOn, string? Source, string? RecordedBy);

public sealed record PersonEvidence(IReadOnlyList<ExemptionView> Exemptions, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<PriorLearningView> PriorLearning);

/// <summary>Exemptions, certificates and prior learning: for one person, or the certificates awaiting review.</summary>
public sealed class ListEvidence(AppDbContext db)
{
    /// <returns>Null when the person is not visible to the caller.</returns>
    public async Task<PersonEvidence?> ForPersonAsync(AccessScope scope, int staffMemberId, CancellationToken cancellationToken = default)
    {
        if (!await scope.VisibleStaff(db).AnyAsync(s => s.Id == staffMemberId, cancellationToken))
        {
            return null;
        }

        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToDictionaryAsync(c => c.Id, cancellationToken);
        string Name(int id) => competencies[id].Subject!.Name + " — " + competencies[id].Name;

        var exemptions = (await db.Exemptions.AsNoTracking().Where(e => e.StaffMemberId == staffMemberId && e.OrganisationId == scope.OrganisationId).ToListAsync(cancellationToken))
            .OrderByDescending(e => e.StartsOn)
            .Select(e => new ExemptionView(e.Id, e.StaffMemberId, competencies[e.CompetencyId].Code, Name(e.CompetencyId), e.Reason, e.ApprovedBy, e.StartsOn, e.EndsOn, e.RevokedAt is not null))
            .ToList();
        var certificates = await CertificatesAsync(scope, c => c.StaffMemberId == staffMemberId, cancellationToken);
        var prior = (await db.Completions.AsNoTracking()
                .Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == scope.OrganisationId && c.Source == CompletionSource.PriorLearning)
                .ToListAsync(cancellationToken))
            .OrderByDescending(c => c.CompletedOn)
            .Select(c => new PriorLearningView(c.Id, competencies[c.CompetencyId].Code, Name(c.CompetencyId), c.CompletedOn, c.PriorLearningSource, c.RecordedBy))
            .ToList();
        return new PersonEvidence(exemptions, certificates, prior);
    }

    /// <summary>Pending certificates of people the caller may approve for (never their own).</summary>
    public async Task<IReadOnlyList<CertificateView>> AwaitingReviewAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        var visible = scope.VisibleStaff(db).Select(s => s.Id);
        var own = scope.OwnStaffMemberId ?? -1;
        return await CertificatesAsync(scope, c => c.Status == CertificateStatus.Pending && c.StaffMemberId != own && visible.Contains(c.StaffMemberId), cancellationToken);
    }

    private async Task<IReadOnlyList<CertificateView>> CertificatesAsync(AccessScope scope, System.Linq.Expressions.Expression<Func<ExternalCertificate, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await db.ExternalCertificates.AsNoTracking()
            .Where(c => c.OrganisationId == scope.OrganisationId)
            .Where(filter)
            .Join(db.Staff, c => c.StaffMemberId, s => s.Id, (c, s) => new { c.Id, c.StaffMemberId, s.FirstName, s.LastName, c.CompetencyId, c.CompletedOn, c.Provider, c.FileName, c.Status, c.UploadedBy, c.ReviewedBy, c.ReviewNote, c.UploadedAt })
            .ToListAsync(cancellationToken);
        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToDictionaryAsync(c => c.Id, cancellationToken);
        return rows.OrderByDescending(r => r.UploadedAt).Select(r => new CertificateView(r.Id, r.StaffMemberId, r.FirstName + " " + r.LastName,
            competencies[r.CompetencyId].Code, competencies[r.CompetencyId].Subject!.Name + " — " + competencies[r.CompetencyId].Name,
            r.CompletedOn, r.Provider, r.FileName, r.Status.ToString(), r.UploadedBy, r.ReviewedBy, r.ReviewNote)).ToList();
    }
}
