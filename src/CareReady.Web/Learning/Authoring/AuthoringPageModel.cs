using System.Globalization;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;
using CareReady.Core.Security;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Learning.Authoring;

/// <summary>
/// Shared by the authoring pages: the signed-in author, field errors for the error summary, and how a
/// refused use case becomes a response (not found → 404, not allowed → 403, a problem → shown on the page).
/// </summary>
[Authorize]
public abstract class AuthoringPageModel(CurrentUser current) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    protected CurrentUser Current => current;

    protected Task<AccessScope> ScopeAsync(CancellationToken ct) => current.GetScopeAsync(ct);

    /// <summary>403 for anyone who is not an author (learners, managers): a real status, with the "no access" page.</summary>
    protected IActionResult Denied() => StatusCode(StatusCodes.Status403Forbidden);

    protected async Task<bool> IsAuthorAsync(CancellationToken ct) => ModuleAccess.CanAuthor(await ScopeAsync(ct));

    /// <summary>The response for a refused result, or null when the page should be shown again with <see cref="Errors"/>.</summary>
    protected IActionResult? Refusal(AuthoringResult result, Func<string, string>? field = null)
    {
        switch (result.Outcome)
        {
            case AuthoringOutcome.NotFound:
                return NotFound();
            case AuthoringOutcome.Forbidden:
                return Denied();
            default:
                foreach (var (key, message) in result.Errors)
                {
                    Errors[field?.Invoke(key) ?? key] = message;
                }

                return null;
        }
    }

    public string? Err(string field) => Errors.TryGetValue(field, out var m) ? m : null;

    public string Group(string field) => Err(field) is null ? "nhsuk-form-group" : "nhsuk-form-group nhsuk-form-group--error";

    public static int? Whole(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static string VersionPath(int moduleId, int number) => $"/learning/authoring/modules/{moduleId}/versions/{number}";

    public static IReadOnlyList<string> Codes(string? text) =>
        (text ?? "").Split([',', '\n', '\r', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
