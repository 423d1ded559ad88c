using CareReady.Core.Regulation;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Regulation;

/// <summary>
/// Import an RSS 2.0 or Atom 1.0 feed of guideline changes, uploaded or fetched from a URL, into proposed
/// changes — all or nothing: the page lists what was proposed, what was skipped and why, or every problem.
/// </summary>
[RequestSizeLimit(FeedFetcher.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = FeedFetcher.MaxBytes + 64 * 1024)]
public sealed class FeedModel(CurrentUser current, ImportChangeFeed import, FeedFetcher fetcher, ListRegistry list) : RegulationPageModel(current)
{
    [BindProperty] public IFormFile? FeedFile { get; set; }
    [BindProperty] public string? FeedUrl { get; set; }

    public FeedImportResult? Result { get; private set; }
    public string? From { get; private set; }

    /// <summary>The changes the import proposed, as the registry lists them.</summary>
    public IReadOnlyList<ChangeSummary> Proposed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        RegulationAccess.CanManage(await ScopeAsync(ct)) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        if (!RegulationAccess.CanManage(scope))
        {
            return NotFound();
        }

        var hasFile = FeedFile is { Length: > 0 };
        var hasUrl = !string.IsNullOrWhiteSpace(FeedUrl);
        if (hasFile == hasUrl)
        {
            Errors[nameof(FeedFile)] = hasFile ? "Upload a file or give an address, not both" : "Choose a feed file to upload, or give the address of the feed";
            return Page();
        }

        byte[] content;
        if (hasFile)
        {
            if (FeedFile!.Length > FeedFetcher.MaxBytes)
            {
                Errors[nameof(FeedFile)] = $"The file must be smaller than {FeedFetcher.MaxBytes / (1024 * 1024)} MB";
                return Page();
            }

            From = Path.GetFileName(FeedFile.FileName);
            await using var upload = FeedFile.OpenReadStream();
            using var copy = new MemoryStream();
            await upload.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }
        else
        {
            if (FeedFetcher.Check(FeedUrl, out var uri) is string problem)
            {
                Errors[nameof(FeedUrl)] = problem;
                return Page();
            }

            var fetched = await fetcher.FetchAsync(uri!, ct);
            if (fetched.Error is not null)
            {
                Errors[nameof(FeedUrl)] = fetched.Error;
                return Page();
            }

            From = uri!.ToString();
            content = fetched.Content!;
        }

        using var stream = new MemoryStream(content, writable: false);
        Result = await import.RunAsync(scope, stream, await Current.GetActorAsync(), ct);
        if (Result is null)
        {
            return NotFound();
        }

        if (Result.Proposed.Count > 0 && await list.RunAsync(scope, ct) is { } registry)
        {
            Proposed = [.. registry.Changes.Where(c => Result.Proposed.Contains(c.Id)).OrderBy(c => c.Id)];
        }

        return Page();
    }
}
