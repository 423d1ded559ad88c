using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Workforce;

/// <summary>A person's record. Anyone may open their own; others need the person in their scope (else 404).</summary>
public sealed class PersonModel(CurrentUser current, GetPersonProfile profiles) : PageModel
{
    public PersonProfile Person { get; private set; } = null!;
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var person = await profiles.RunAsync(scope, id, ct);
        if (person is null)
        {
            return NotFound();
        }

        Person = person;
        IsSelf = scope.OwnStaffMemberId == id;
        return Page();
    }
}
