using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

public sealed record CertificateUpload(string CompetencyCode, DateOnly CompletedOn, string Provider, string FileName, string ContentType, byte[] Content);

/// <summary>
/// A learner (for themselves) or someone who may see them uploads a certificate of external
/// training; it waits for a manager's approval before it counts.
/// </summary>
public sealed class UploadCertificate(AppDbContext db, TimeProvider time)
{
    public const int MaxBytes = 10 * 1024 * 1024;
    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    /// <returns>Null when the person is not visible to the caller.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, int staffMemberId, CertificateUpload upload, string actor, CancellationToken cancellationToken = default)
    {
        if (!await scope.VisibleStaff(db).AnyAsync(s => s.Id == staffMemberId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var competency = await db.Competencies.FirstOrDefaultAsync(c => c.Code == upload.CompetencyCode, cancellationToken);
        if (competency is null)
        {
            errors[nameof(upload.CompetencyCode)] = "Choose the competency the certificate is for";
        }

        if (upload.CompletedOn > DateOnly.FromDateTime(now))
        {
            errors[nameof(upload.CompletedOn)] = "The date on the certificate must be today or in the past";
        }

        if (string.IsNullOrWhiteSpace(upload.Provider) || upload.Provider.Length > 200)
        {
            errors[nameof(upload.Provider)] = "Enter who provided the training (up to 200 characters)";
        }

        if (upload.Content.Length == 0 || upload.Content.Length > MaxBytes)
        {
            errors["File"] = $"Choose a certificate file of at most {MaxBytes / 1024 / 1024} MB";
        }
        else if (!Signatures.TryGetValue(upload.ContentType, out var signature) || !upload.Content.AsSpan().StartsWith(signature))
        {
            errors["File"] = "The certificate must be a PDF, PNG or JPEG file";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var certificate = new ExternalCertificate
        {
            OrganisationId = scope.OrganisationId,
            StaffMemberId = staffMemberId,
            CompetencyId = competency!.Id,
            CompletedOn = upload.CompletedOn,
            Provider = upload.Provider.Trim(),
            FileName = Path.GetFileName(upload.FileName),
            ContentType = upload.ContentType.ToLowerInvariant(),
            Content = upload.Content,
            UploadedBy = actor,
            UploadedAt = now,
            Status = CertificateStatus.Pending,
        };
        db.ExternalCertificates.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(certificate.Id, errors);
    }
}
