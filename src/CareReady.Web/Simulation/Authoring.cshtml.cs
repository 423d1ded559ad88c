using System.Text;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Authoring;
using CareReady.Core.Simulation.Scenarios;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

/// <summary>
/// Scenario authoring for educators: every version with its review state, and uploading a scenario file. The
/// file is checked by the same use case as the API (<see cref="UploadScenario"/>); each error is listed with its
/// JSON path; a good file lands on its draft version's page.
/// </summary>
[Authorize]
[RequestSizeLimit(ScenarioParser.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ScenarioParser.MaxBytes + 64 * 1024)]
public sealed class AuthoringModel(CurrentUser current, ListScenarioVersions list, UploadScenario upload) : PageModel
{
    public IReadOnlyList<ScenarioVersionSummary> Versions { get; private set; } = [];

    /// <summary>A problem with the upload itself (no file, too large, not UTF-8 text).</summary>
    public string? FileError { get; private set; }

    /// <summary>The file's errors, each with its JSON path.</summary>
    public IReadOnlyList<ScenarioError> FileErrors { get; private set; } = [];

    public string? FileName { get; private set; }

    [BindProperty]
    public IFormFile? ScenarioFile { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var versions = await list.RunAsync(await current.GetScopeAsync(ct), ct: ct);
        if (versions is null)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Versions = versions;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        if (!ScenarioAccess.CanAuthor(scope))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        FileName = ScenarioFile?.FileName;
        var json = await ReadAsync(ScenarioFile, ct);
        if (json is not null)
        {
            var result = await upload.RunAsync(scope, json, await current.GetActorAsync(), ct);
            if (result.Succeeded)
            {
                return Redirect(VersionPath(result.Code!, result.Number) + "?done=uploaded");
            }

            if (result.Message is { } message)
            {
                FileError = message;
            }
            else
            {
                FileErrors = result.Errors;
            }
        }

        Versions = await list.RunAsync(scope, ct: ct) ?? [];
        return Page();
    }

    public static string VersionPath(string code, int number) =>
        $"/simulations/authoring/{Uri.EscapeDataString(code)}/versions/{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<string?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            FileError = "Choose a scenario file (.json) to upload";
            return null;
        }

        if (file.Length > ScenarioParser.MaxBytes)
        {
            FileError = $"The file is {file.Length / 1024:N0} KB; a scenario file is at most {ScenarioParser.MaxBytes / 1024:N0} KB";
            return null;
        }

        await using var stream = file.OpenReadStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            FileError = "The file is not UTF-8 text; save the scenario as a UTF-8 JSON file";
            return null;
        }
    }
}
