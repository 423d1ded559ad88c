using CareReady.Core.Learning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>Public: anyone with a certificate's code can confirm it is genuine. It shows the module, dates and issuer — never the holder.</summary>
[AllowAnonymous]
public sealed class VerifyModel(VerifyCertificate verify) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public CertificateVerification? Result { get; private set; }
    public bool Checked { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return Page();
        }

        Checked = true;
        Result = await verify.RunAsync(Code, ct);
        if (Result is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
