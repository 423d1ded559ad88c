using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

/// <summary>
/// Opens a certificate for the people who may see it: the holder, managers of the holder's
/// departments, and compliance leads and administrators of the organisation. Anyone else gets
/// nothing — the same answer as a certificate that does not exist.
/// </summary>
public sealed class GetCertificate(AppDbContext db)
{
    public async Task<IssuedCertificate?> RunAsync(AccessScope scope, long id, CancellationToken ct = default)
    {
        var certificate = await db.IssuedCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OrganisationId == scope.OrganisationId, ct);
        if (certificate is null)
        {
            return null;
        }

        var visible = await scope.VisibleStaff(db).AnyAsync(s => s.Id == certificate.StaffMemberId, ct);
        return visible ? certificate : null;
    }

    public async Task<long?> ForAttemptAsync(int staffMemberId, long attemptId, CancellationToken ct = default) =>
        await db.IssuedCertificates.AsNoTracking().Where(c => c.AttemptId == attemptId && c.StaffMemberId == staffMemberId)
            .Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
}

/// <summary>What the public verification page may say about a code: that it is genuine, for which module, when and by whom issued — never who holds it.</summary>
public sealed record CertificateVerification(string ModuleTitle, int VersionNumber, string OrganisationName, DateOnly CompletedOn, DateOnly? ValidUntil);

public sealed class VerifyCertificate(AppDbContext db)
{
    public async Task<CertificateVerification?> RunAsync(string? typed, CancellationToken ct = default)
    {
        if (CertificateCodes.Normalise(typed) is not string code)
        {
            return null;
        }

        return await db.IssuedCertificates.AsNoTracking().Where(c => c.VerificationCode == code)
            .Select(c => new CertificateVerification(c.ModuleTitle, c.VersionNumber, c.OrganisationName, c.CompletedOn, c.ValidUntil))
            .FirstOrDefaultAsync(ct);
    }
}
