using CareReady.Core.Compliance;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Compliance;

/// <summary>Certificates waiting for the manager's (or compliance lead's) decision.</summary>
[Authorize(Policy = Policies.PeopleReaders)]
public sealed class CertificatesModel(CurrentUser current, ListEvidence list, ReviewCertificate review) : PageModel
{
    public IReadOnlyList<CertificateView> Pending { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await list.AwaitingReviewAsync(await current.GetScopeAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(int id, string decision, string? note, CancellationToken ct)
    {
        var result = await review.RunAsync(await current.GetScopeAsync(ct), id, decision == "approve", note, await current.GetActorAsync(), ct);
        if (result is null)
        {
            return NotFound();
        }

        Message = result.Succeeded
            ? (decision == "approve" ? "Certificate approved: the training now counts." : "Certificate rejected; the learner can see your note.")
            : string.Join(" ", result.Errors.Values);
        Pending = await list.AwaitingReviewAsync(await current.GetScopeAsync(ct), ct);
        return Page();
    }
}
