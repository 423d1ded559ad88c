using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <param name="SourceName">The guideline source, as content cites it.</param>
/// <param name="FromVersion">The version being replaced; empty for the source's current version.</param>
/// <param name="NewVersion">The new version's label.</param>
public sealed record ChangeInput(
    string SourceName, string? FromVersion, string NewVersion, string Title, string? Summary,
    ChangeSeverity Severity, DateOnly? EffectiveFrom, string? Link = null);

/// <summary>
/// Records a proposed change: a new version of a registry source that supersedes the current one. Nothing
/// moves until it is applied. Entered by a compliance lead, or one per feed entry (<see cref="ImportChangeFeed"/>).
/// </summary>
public sealed class ProposeChange(AppDbContext db, TimeProvider time)
{
    public async Task<SaveResult?> RunAsync(AccessScope scope, ChangeInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!RegulationAccess.CanManage(scope))
        {
            return null;
        }

        var (change, errors) = await BuildAsync(scope.OrganisationId, input, actor, ChangeOrigin.Entered, null, ct);
        if (change is null)
        {
            return new SaveResult(null, errors);
        }

        await db.SaveChangesAsync(ct);
        return new SaveResult(change.Id, errors);
    }

    /// <summary>Validates and adds the change (and its proposed version) to the unit of work; errors by field.</summary>
    internal async Task<(RegulatoryChange? Change, Dictionary<string, string> Errors)> BuildAsync(
        int organisationId, ChangeInput input, string actor, ChangeOrigin origin, string? feedEntryId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.SourceName?.Trim() ?? "";
        var label = input.NewVersion?.Trim() ?? "";
        var title = input.Title?.Trim() ?? "";
        var source = name.Length == 0 ? null
            : await db.GuidelineSources.Include(s => s.Versions).FirstOrDefaultAsync(s => s.OrganisationId == organisationId && s.Name == name, ct);
        if (source is null)
        {
            errors[nameof(input.SourceName)] = name.Length == 0 ? "Choose the guideline or regulation that changed"
                : $"\"{name}\" is not in the registry; content must cite a source before a change to it can be proposed";
        }

        GuidelineVersion? from = null;
        if (source is not null)
        {
            var wanted = input.FromVersion?.Trim();
            from = string.IsNullOrEmpty(wanted)
                ? source.Versions.Where(v => v.Status == GuidelineVersionStatus.Current).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Id).FirstOrDefault()
                : source.Versions.FirstOrDefault(v => v.Label == wanted && v.Status != GuidelineVersionStatus.Withdrawn);
            if (from is null)
            {
                errors[nameof(input.FromVersion)] = string.IsNullOrEmpty(wanted)
                    ? $"\"{name}\" has no current version to replace"
                    : $"\"{name}\" has no version \"{wanted}\"; versions: {string.Join(", ", source.Versions.Select(v => v.Label))}";
            }

            if (label.Length == 0)
            {
                errors[nameof(input.NewVersion)] = "Enter the new version (for example \"2025\")";
            }
            else if (label.Length > 64)
            {
                errors[nameof(input.NewVersion)] = "The version must be 64 characters or fewer";
            }
            else if (source.Versions.Any(v => v.Label == label && v.Status != GuidelineVersionStatus.Withdrawn))
            {
                errors[nameof(input.NewVersion)] = $"\"{name}\" already has a version \"{label}\"";
            }
        }

        if (title.Length == 0)
        {
            errors[nameof(input.Title)] = "Give the change a title";
        }
        else if (title.Length > 300)
        {
            errors[nameof(input.Title)] = "The title must be 300 characters or fewer";
        }

        if (input.Summary is { Length: > 4000 })
        {
            errors[nameof(input.Summary)] = "The summary must be 4,000 characters or fewer";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var to = source!.Versions.FirstOrDefault(v => v.Label == label);
        if (to is null)
        {
            to = new GuidelineVersion { OrganisationId = organisationId, Label = label, CreatedAt = now };
            source.Versions.Add(to);
        }

        to.Status = GuidelineVersionStatus.Proposed;
        to.EffectiveFrom = input.EffectiveFrom;
        to.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        to.Severity = input.Severity;
        var change = new RegulatoryChange
        {
            OrganisationId = organisationId, Source = source, FromVersion = from!, ToVersion = to, Title = title,
            Origin = origin, FeedEntryId = feedEntryId, Link = input.Link, Status = ChangeStatus.Proposed,
            ProposedBy = actor, ProposedAt = now,
        };
        db.RegulatoryChanges.Add(change);
        return (change, errors);
    }
}
