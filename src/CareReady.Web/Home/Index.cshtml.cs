using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Home;

public sealed class IndexModel(CurrentUser current, GetPersonProfile profiles) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public PersonProfile? Record { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await current.GetUserAsync();
        DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName;
        if (user.StaffMemberId is int id)
        {
            Record = await profiles.RunAsync(await current.GetScopeAsync(ct), id, ct);
        }
    }
}
