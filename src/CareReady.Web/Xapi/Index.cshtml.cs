using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Xapi;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Xapi;

/// <summary>
/// The Learning Record Store page: admins create and revoke LRS clients (the secret is shown once);
/// compliance leads and admins map activity IRIs to modules or competencies so statements count.
/// </summary>
[Authorize]
public sealed class IndexModel(CurrentUser current, AppDbContext db, CreateLrsClient create, ActivityMappings mappings, LrsAuthenticator authenticator, TimeProvider time) : PageModel
{
    public IReadOnlyList<LrsClient> Clients { get; private set; } = [];
    public IReadOnlyList<MappingView> Mappings { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool IsAdmin { get; private set; }
    public LrsCredentials? Created { get; private set; }
    public string Endpoint => $"{Request.Scheme}://{Request.Host}/xapi/";

    [BindProperty] public string? ClientName { get; set; }
    [BindProperty] public string Scope { get; set; } = "all";
    [BindProperty] public string? ActivityId { get; set; }
    [BindProperty] public string? ModuleCode { get; set; }
    [BindProperty] public string? CompetencyCode { get; set; }

    /// <summary>Admins and compliance leads only: anyone else signed in gets a real 403.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var scope = await current.GetScopeAsync(context.HttpContext.RequestAborted);
        if (!scope.IsInRole(Roles.Admin) && !scope.IsInRole(Roles.ComplianceLead))
        {
            context.Result = StatusCode(StatusCodes.Status403Forbidden);
            return;
        }

        await next();
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostClientAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!scope.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(ClientName) || ClientName.Trim().Length > 200)
        {
            Errors[nameof(ClientName)] = "Enter a name for the client (up to 200 characters), e.g. National e-learning";
        }
        else if (Scope is not ("all" or "read" or "write"))
        {
            Errors[nameof(Scope)] = "Choose what the client may do";
        }
        else
        {
            Created = await create.RunAsync(new CreateLrsClientInput(scope.OrganisationId, ClientName, Scope != "write", Scope != "read"), await current.GetActorAsync(), ct);
            ClientName = null;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!scope.IsInRole(Roles.Admin))
        {
            return Forbid();
        }

        var client = await db.LrsClients.FirstOrDefaultAsync(c => c.OrganisationId == scope.OrganisationId && c.Id == id, ct);
        if (client is null)
        {
            return NotFound();
        }

        client.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        authenticator.Forget(client.Key);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMappingAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        var result = await mappings.AddAsync(scope.OrganisationId, new MappingInput(ActivityId, ModuleCode, CompetencyCode), await current.GetActorAsync(), ct);
        if (result.Succeeded)
        {
            return RedirectToPage();
        }

        foreach (var (key, value) in result.Errors)
        {
            Errors[key] = value;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveMappingAsync(int id, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        return await mappings.RemoveAsync(scope.OrganisationId, id, ct) ? RedirectToPage() : NotFound();
    }

    public string Group(string field) => Errors.ContainsKey(field) ? "nhsuk-form-group nhsuk-form-group--error" : "nhsuk-form-group";

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        IsAdmin = scope.IsInRole(Roles.Admin);
        Clients = IsAdmin ? await db.LrsClients.AsNoTracking().Where(c => c.OrganisationId == scope.OrganisationId).OrderBy(c => c.Name).ToListAsync(ct) : [];
        Mappings = await mappings.ListAsync(scope.OrganisationId, ct);
    }
}
