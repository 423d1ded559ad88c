using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Compliance;

/// <summary>Upload a certificate for yourself (or for someone you can see); it counts once a manager approves it.</summary>
[RequestSizeLimit(UploadCertificate.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadCertificate.MaxBytes + 64 * 1024)]
public sealed class NewCertificateModel(CurrentUser current, GetPersonProfile profiles, AppDbContext db, UploadCertificate upload)
    : EvidenceFormModel(current, profiles, db)
{
    [BindProperty] public string? CompletedOn { get; set; }
    [BindProperty] public string Provider { get; set; } = "";
    [BindProperty] public IFormFile? CertificateFile { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, requiredOnly: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, requiredOnly: false, ct))
        {
            return NotFound();
        }

        if (Date(CompletedOn, nameof(CompletedOn), "Enter the date on the certificate as YYYY-MM-DD") is not DateOnly completed)
        {
            return Page();
        }

        byte[] bytes = [];
        if (CertificateFile is { Length: > 0 and <= UploadCertificate.MaxBytes })
        {
            using var buffer = new MemoryStream();
            await CertificateFile.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }

        var input = new CertificateUpload(CompetencyCode, completed, Provider, CertificateFile?.FileName ?? "", CertificateFile?.ContentType ?? "", bytes);
        var result = await upload.RunAsync(await Current.GetScopeAsync(ct), id, input, await Current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/people/{id}");
        }

        foreach (var e in result.Errors)
        {
            Errors[e.Key == "File" ? nameof(CertificateFile) : e.Key] = e.Value;
        }

        return Page();
    }
}
