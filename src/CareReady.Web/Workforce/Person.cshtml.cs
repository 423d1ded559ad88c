using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Supervision;
using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Workforce;

/// <summary>A person's record. Anyone may open their own; others need the person in their scope (else 404).</summary>
public sealed class PersonModel(CurrentUser current, GetPersonProfile profiles, ListEvidence evidence, ListObservedAssessments observations, AppDbContext db) : PageModel
{
    public PersonProfile Person { get; private set; } = null!;
    public bool IsSelf { get; private set; }
    public PersonEvidence Evidence { get; private set; } = null!;

    /// <summary>The caller may record exemptions and prior learning, and review certificates, for this person.</summary>
    public bool CanApprove { get; private set; }

    /// <summary>Observed assessments of practice recorded for this person.</summary>
    public IReadOnlyList<ObservedAssessmentView> Observations { get; private set; } = [];

    /// <summary>The caller may record and sign off an observed assessment for this person.</summary>
    public bool CanSupervise { get; private set; }

    /// <summary>Compliance leads and admins may open the audit trail.</summary>
    public bool CanAudit { get; private set; }

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
        Evidence = (await evidence.ForPersonAsync(scope, id, ct))!;
        CanApprove = await EvidenceAccess.CanApproveForAsync(db, scope, id, ct);
        CanAudit = scope.OrganisationWide;
        Observations = await observations.ForPersonAsync(scope, id, ct) ?? [];
        CanSupervise = await SupervisionAccess.CheckAsync(db, scope, id, ct) == SupervisionCheck.Allowed;
        return Page();
    }
}
