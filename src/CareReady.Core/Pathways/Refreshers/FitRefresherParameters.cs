using CareReady.Core.Data;
using CareReady.Core.Pathways.Fsrs;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// Fits an organisation's FSRS weights from its own review log (every card's reviews in order, the
/// assessment answers that seeded cards included) with <see cref="FsrsParameterFitter"/>, and keeps
/// them when there were enough reviews (<see cref="FsrsParameterFitter.MinimumReviews"/>); otherwise
/// the organisation stays on the defaults. Also sets the target retention.
/// </summary>
public sealed class FitRefresherParameters(AppDbContext db, TimeProvider time)
{
    public const double MinRetention = 0.7;
    public const double MaxRetention = 0.97;

    public async Task<FsrsFit> RunAsync(int organisationId, CancellationToken ct = default)
    {
        var reviews = await db.RefresherReviews.AsNoTracking().Where(r => r.OrganisationId == organisationId)
            .OrderBy(r => r.CardId).ThenBy(r => r.ReviewedAt).ThenBy(r => r.Id)
            .Select(r => new { r.CardId, r.ElapsedDays, r.Rating }).ToListAsync(ct);
        var log = reviews.GroupBy(r => r.CardId).Select(g => new FsrsHistory([.. g.Select(r => (r.ElapsedDays, r.Rating))])).ToList();
        var settings = await SettingsAsync(organisationId, ct);
        var start = FsrsParameters.Default with { RequestRetention = settings.TargetRetention };
        var fit = FsrsParameterFitter.Fit(log, start);
        if (fit.Fitted)
        {
            settings.FittedWeights = PathwaySettings.FormatWeights(fit.Parameters.Weights);
            settings.FittedAt = time.GetUtcNow().UtcDateTime;
            settings.FittedOnReviews = fit.Reviews;
            settings.LogLossBefore = fit.LogLossBefore;
            settings.LogLossAfter = fit.LogLossAfter;
            await db.SaveChangesAsync(ct);
        }

        return fit;
    }

    /// <summary>Sets the target retention (between <see cref="MinRetention"/> and <see cref="MaxRetention"/>); returns a message when out of range.</summary>
    public async Task<string?> SetTargetRetentionAsync(int organisationId, double retention, CancellationToken ct = default)
    {
        if (double.IsNaN(retention) || retention < MinRetention || retention > MaxRetention)
        {
            return $"Target retention must be between {MinRetention} and {MaxRetention} (0.9 means a question falls due when you are predicted to recall it 90% of the time).";
        }

        var settings = await SettingsAsync(organisationId, ct);
        settings.TargetRetention = retention;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<PathwaySettings> SettingsAsync(int organisationId, CancellationToken ct)
    {
        var settings = await db.PathwaySettings.FirstOrDefaultAsync(s => s.OrganisationId == organisationId, ct);
        if (settings is null)
        {
            settings = new PathwaySettings { OrganisationId = organisationId };
            db.PathwaySettings.Add(settings);
        }

        return settings;
    }
}
