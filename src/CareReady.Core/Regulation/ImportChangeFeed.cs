using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <param name="Proposed">Changes proposed (ids), one per new entry.</param>
/// <param name="Skipped">Entries left alone, each with why (already imported; a guideline none of the content cites).</param>
/// <param name="Errors">Problems that stopped the import; when any, nothing was imported.</param>
public sealed record FeedImportResult(IReadOnlyList<int> Proposed, IReadOnlyList<string> Skipped, IReadOnlyList<string> Errors);

/// <summary>
/// Turns a feed of guideline changes into proposed changes for review — all or nothing: a malformed feed
/// or entry imports nothing and says which entry and why. Entries already imported (same entry id) and
/// entries about guidelines none of the organisation's content cites are skipped, with the reason.
/// </summary>
public sealed class ImportChangeFeed(AppDbContext db, ProposeChange propose)
{
    public async Task<FeedImportResult?> RunAsync(AccessScope scope, Stream feed, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        IReadOnlyList<ChangeFeedEntry> entries;
        try
        {
            entries = ChangeFeedReader.Read(feed);
        }
        catch (FormatException e)
        {
            return new FeedImportResult([], [], [e.Message]);
        }

        var errors = entries.Where(e => e.Problem is not null).Select(e => e.Problem!).ToList();
        if (entries.Count == 0)
        {
            errors.Add("The feed has no entries.");
        }

        if (errors.Count > 0)
        {
            return new FeedImportResult([], [], errors);
        }

        var known = await db.RegulatoryChanges.Where(c => c.OrganisationId == scope.OrganisationId && c.FeedEntryId != null)
            .Select(c => c.FeedEntryId!).ToListAsync(ct);
        var sources = await db.GuidelineSources.Where(s => s.OrganisationId == scope.OrganisationId).Select(s => s.Name).ToListAsync(ct);
        var skipped = new List<string>();
        var added = new List<RegulatoryChange>();
        foreach (var entry in entries)
        {
            var input = entry.Input!;
            if (known.Contains(entry.Id, StringComparer.Ordinal))
            {
                skipped.Add($"Entry {entry.Number} (\"{entry.Title}\"): already imported.");
                continue;
            }

            if (!sources.Contains(input.SourceName, StringComparer.Ordinal))
            {
                skipped.Add($"Entry {entry.Number} (\"{entry.Title}\"): none of your content cites \"{input.SourceName}\".");
                continue;
            }

            var (change, problems) = await propose.BuildAsync(scope.OrganisationId, input, actor, ChangeOrigin.Feed, entry.Id, ct);
            if (change is null)
            {
                errors.Add($"Entry {entry.Number} (\"{entry.Title}\"): {string.Join("; ", problems.Values)}.");
                continue;
            }

            added.Add(change);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new FeedImportResult([], skipped, errors);
        }

        await db.SaveChangesAsync(ct);
        return new FeedImportResult([.. added.Select(c => c.Id)], skipped, []);
    }
}
