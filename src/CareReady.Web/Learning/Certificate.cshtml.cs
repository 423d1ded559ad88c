using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>A printable certificate, as issued; for the holder, their managers and the organisation's compliance leads and administrators.</summary>
[Authorize]
public sealed class CertificateModel(CurrentUser current, GetCertificate get) : PageModel
{
    public IssuedCertificate Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await get.RunAsync(await current.GetScopeAsync(ct), id, ct) is not { } certificate)
        {
            return NotFound();
        }

        Certificate = certificate;
        return Page();
    }
}
