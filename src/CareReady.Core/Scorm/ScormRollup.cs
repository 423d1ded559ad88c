namespace CareReady.Core.Scorm;

/// <summary>An attempt's statuses and score read from its parts together.</summary>
/// <param name="Done">Every SCO has said completed/passed (assets report nothing and do not hold the package up).</param>
public sealed record ScormRollupResult(bool Done, string? CompletionStatus, string? SuccessStatus, decimal? ScoreScaled)
{
    public bool Passed => SuccessStatus == "passed";
}

/// <summary>
/// How a package's parts add up (leaving out parts a sequencing rule skips). One SCO: its own statuses and score. Several: done when every SCO has counted
/// (<see cref="CmiData.Counts"/>, kept as <see cref="ScormScoProgress.CountedAt"/>); completion "completed" then,
/// "incomplete" while some part has started; success "failed" when a part says failed, "passed" when done and some
/// part said passed; the score the mean of the parts' scaled scores.
/// </summary>
public static class ScormRollup
{
    /// <param name="navigator">The package's sequencing over this progress: a part a rule skips is not needed.</param>
    public static ScormRollupResult Of(IReadOnlyList<ScormSco> scos, IReadOnlyCollection<ScormScoProgress> progress, ScormNavigator? navigator = null)
    {
        ArgumentNullException.ThrowIfNull(scos);
        ArgumentNullException.ThrowIfNull(progress);
        var tracked = scos.Where(s => !s.IsAsset && (navigator?.Needed(s.Position) ?? true)).ToList();
        var rows = tracked.Select(s => progress.FirstOrDefault(p => p.Position == s.Position)).ToList();
        if (rows.Count == 1)
        {
            var only = rows[0];
            return new ScormRollupResult(only?.CountedAt is not null, only?.CompletionStatus, only?.SuccessStatus, only?.ScoreScaled);
        }

        var done = rows.Count > 0 && rows.All(r => r?.CountedAt is not null);
        var successes = rows.Select(r => r?.SuccessStatus).Where(s => s is "passed" or "failed").ToList();
        var success = successes.Contains("failed") ? "failed" : done && successes.Count > 0 ? "passed" : null;
        var scores = rows.Where(r => r?.ScoreScaled is not null).Select(r => r!.ScoreScaled!.Value).ToList();
        var completion = done ? "completed" : rows.Any(r => r is not null) ? "incomplete" : null;
        return new ScormRollupResult(done, completion, success, scores.Count == 0 ? null : Math.Round(scores.Average(), 4));
    }
}
