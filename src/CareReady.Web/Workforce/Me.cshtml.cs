using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Workforce;

/// <summary>"My record": the signed-in person's own page.</summary>
public sealed class MeModel(CurrentUser current) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await current.GetUserAsync();
        return user.StaffMemberId is int id ? Redirect($"/people/{id}") : Page();
    }
}
