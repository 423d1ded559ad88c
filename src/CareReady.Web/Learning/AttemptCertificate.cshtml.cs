using CareReady.Core.Learning;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning;

/// <summary>From a passed attempt (the result page's button) to the certificate it issued.</summary>
[Authorize]
public sealed class AttemptCertificateModel(CurrentUser current, GetCertificate get) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        (await current.GetUserAsync()).StaffMemberId is int person && await get.ForAttemptAsync(person, id, ct) is long certificate
            ? Redirect($"/learning/certificates/{certificate}")
            : NotFound();
}
