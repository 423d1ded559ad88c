using CareReady.Core.Pathways.Plan;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Pathways;

/// <summary>"My plan": the ranked things to do now, each with its reason, and the development pathways I may choose.</summary>
public sealed class MyPlanModel(CurrentUser current, GetPlan plan, ListRolePathways pathways, AssignPathway assign) : PageModel
{
    public PersonPlan? Plan { get; private set; }
    public IReadOnlyList<RolePathwayView> Open { get; private set; } = [];
    public string? Chosen { get; private set; }

    public async Task OnGetAsync(string? chosen, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Chosen = chosen;
        if (scope.OwnStaffMemberId is int me)
        {
            Plan = await plan.RunAsync(scope, me, ct);
        }

        Open = (await pathways.RunAsync(scope.OrganisationId, activeOnly: true, ct)).Where(p => p.OpenToLearners).ToList();
    }

    public async Task<IActionResult> OnPostChooseAsync(int pathwayId, CancellationToken ct)
    {
        var result = await assign.ChooseAsync(await current.GetScopeAsync(ct), pathwayId, await current.GetActorAsync(), ct);
        return result.Outcome == AssignPathwayOutcome.NotFound ? NotFound() : Redirect("/pathways?chosen=" + pathwayId + "#development");
    }

    public static string TierTitle(PlanTier tier) => tier switch
    {
        PlanTier.Urgent => "Now: overdue or patient safety",
        PlanTier.ExpiringSoon => "Next: expiring or due soon",
        PlanTier.Gap => "Then: gaps for your role",
        _ => "Your development pathway",
    };

    public static string TierTag(PlanTier tier) => tier switch
    {
        PlanTier.Urgent => "nhsuk-tag--red",
        PlanTier.ExpiringSoon => "nhsuk-tag--yellow",
        PlanTier.Gap => "nhsuk-tag--orange",
        _ => "nhsuk-tag--blue",
    };

    public static (string Text, string Href)? Action(PlanItem item) => item switch
    {
        { Kind: PlanItemKind.Refreshers } => ("Start a refresher session", "/pathways/refresher"),
        { Module: { } m, TestOut: true } => ("Take the assessment first", $"/learning/modules/{m.ModuleId}#assessment"),
        { Module: { } m } => ("Open the module", $"/learning/modules/{m.ModuleId}"),
        _ => null,
    };
}
