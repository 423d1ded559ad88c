using CareReady.Core.Assessments;
using CareReady.Core.Data;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Learning;

/// <summary>A printable completion certificate for a passed attempt (the learner's own).</summary>
[Authorize]
public sealed class CertificateModel(CurrentUser current, GetAttempt get, AppDbContext db) : PageModel
{
    public AttemptView Attempt { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var user = await current.GetUserAsync();
        if (user.StaffMemberId is not int person || await get.RunAsync(person, id, ct) is not { Passed: true } attempt)
        {
            return NotFound();
        }

        Attempt = attempt;
        PersonName = await db.Staff.Where(s => s.Id == person).Select(s => s.FirstName + " " + s.LastName).FirstAsync(ct);
        var organisation = await current.GetOrganisationAsync(ct);
        OrganisationName = organisation.Name;
        Reference = $"CR-{organisation.Code}-{attempt.Id}";
        return Page();
    }
}
