using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Assessments;

/// <summary>
/// How many attempts a person has left at a module: the attempt limit counts failed attempts since they
/// last passed any version of it, so passing resets it and a renewal next year starts afresh.
/// </summary>
public sealed record AttemptAllowance(int Limit, int FailedSinceLastPass, long? OpenAttemptId, DateTime? LastPassedAt)
{
    public int Remaining => Math.Max(0, Limit - FailedSinceLastPass);
    public bool UsedUp => OpenAttemptId is null && Remaining == 0;

    public static async Task<AttemptAllowance> ForAsync(AppDbContext db, int staffMemberId, int moduleId, int limit, CancellationToken ct)
    {
        var attempts = await db.AssessmentAttempts.AsNoTracking()
            .Where(a => a.StaffMemberId == staffMemberId && db.ModuleVersions.Any(v => v.Id == a.ModuleVersionId && v.ModuleId == moduleId))
            .Select(a => new { a.Id, a.StartedAt, a.SubmittedAt, a.Passed })
            .ToListAsync(ct);
        var lastPass = attempts.Where(a => a.Passed).OrderBy(a => a.SubmittedAt).LastOrDefault();
        var failed = attempts.Count(a => a.SubmittedAt is not null && !a.Passed && (lastPass is null || a.StartedAt > lastPass.StartedAt));
        var open = attempts.Where(a => a.SubmittedAt is null).OrderBy(a => a.StartedAt).LastOrDefault();
        return new AttemptAllowance(limit, failed, open?.Id, lastPass?.SubmittedAt);
    }
}
