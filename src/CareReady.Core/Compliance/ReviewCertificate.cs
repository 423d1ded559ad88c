using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

/// <summary>
/// A manager (of the person), compliance lead or admin approves or rejects a pending certificate.
/// Approval records the completion, in the same transaction, referring back to the certificate.
/// </summary>
public sealed class ReviewCertificate(AppDbContext db, TimeProvider time)
{
    /// <returns>Null when not found or not the caller's to review; errors when it is not pending or a rejection has no note.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, int certificateId, bool approve, string? note, string reviewer, CancellationToken cancellationToken = default)
    {
        var certificate = await db.ExternalCertificates.FirstOrDefaultAsync(c => c.Id == certificateId && c.OrganisationId == scope.OrganisationId, cancellationToken);
        if (certificate is null || !await EvidenceAccess.CanApproveForAsync(db, scope, certificate.StaffMemberId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (certificate.Status != CertificateStatus.Pending)
        {
            errors["Status"] = $"This certificate was already {certificate.Status.ToString().ToLowerInvariant()}";
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            errors["Note"] = "Say why the certificate is rejected, so the learner knows what to do";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(certificate.Id, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        certificate.Status = approve ? CertificateStatus.Approved : CertificateStatus.Rejected;
        certificate.ReviewedBy = reviewer;
        certificate.ReviewedAt = now;
        certificate.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve)
        {
            db.Completions.Add(new Completion
            {
                OrganisationId = certificate.OrganisationId,
                StaffMemberId = certificate.StaffMemberId,
                CompetencyId = certificate.CompetencyId,
                CompletedOn = certificate.CompletedOn,
                Source = CompletionSource.ExternalCertificate,
                Reference = "certificate:" + certificate.Id,
                RecordedBy = reviewer,
                RecordedAt = now,
            });
        }

        Audit.AuditReason.Set(db, approve ? "certificate approved" : "certificate rejected: " + certificate.ReviewNote);
        await db.SaveChangesAsync(cancellationToken); // one save: status and completion together
        return new SaveResult(certificate.Id, errors);
    }
}
