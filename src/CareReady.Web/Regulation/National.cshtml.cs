using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Regulation;

/// <summary>
/// The national impact preview (national analysts): pick a guideline version content cites anywhere and see who,
/// organisation by organisation, rests on it — before the national body replaces it.
/// </summary>
[Authorize(Policy = Policies.NationalAnalysts)]
public sealed class NationalModel(CurrentUser current, PreviewNationalChange preview) : PageModel
{
    public IReadOnlyList<CitedGuideline> Cited { get; private set; } = [];

    public NationalChangeImpact? Impact { get; private set; }

    /// <summary>The chosen guideline version: source and version, each URI-escaped, joined by a slash (neither escaped part contains one).</summary>
    [BindProperty(SupportsGet = true, Name = "guideline")]
    public string? Guideline { get; set; }

    public static string Key(string source, string version) => Uri.EscapeDataString(source) + "/" + Uri.EscapeDataString(version);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Cited = await preview.CitedAsync(scope, ct);
        var parts = Guideline?.Split('/') ?? [];
        if (parts.Length == 2)
        {
            var source = Uri.UnescapeDataString(parts[0]);
            var version = Uri.UnescapeDataString(parts[1]);
            if (Cited.Any(c => c.Source == source && c.Version == version))
            {
                Impact = await preview.RunAsync(scope, source, version, ct);
            }
        }
    }
}
