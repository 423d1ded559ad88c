using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Assessments;

public enum StartAttemptOutcome
{
    Started,
    Resumed,
    NotFound,
    AttemptsUsedUp,
}

public sealed record StartAttemptResult(StartAttemptOutcome Outcome, long? AttemptId, string? Contact = null);

/// <summary>
/// Starts an attempt at the published version of a module for the signed-in learner — or returns the
/// attempt they already have open — drawing its questions (see <see cref="AttemptDraw"/>).
/// </summary>
public sealed class StartAttempt(AppDbContext db, TimeProvider time)
{
    public async Task<StartAttemptResult> RunAsync(int organisationId, int staffMemberId, int moduleId, CancellationToken ct = default)
    {
        var version = await db.ModuleVersions
            .Include(v => v.Outcomes).Include(v => v.Questions)
            .FirstOrDefaultAsync(v => v.ModuleId == moduleId && v.OrganisationId == organisationId && v.Status == ModuleStatus.Published, ct);
        if (version is null)
        {
            return new StartAttemptResult(StartAttemptOutcome.NotFound, null);
        }

        var allowance = await AttemptAllowance.ForAsync(db, staffMemberId, moduleId, version.AttemptLimit, ct);
        if (allowance.OpenAttemptId is long open)
        {
            return new StartAttemptResult(StartAttemptOutcome.Resumed, open);
        }

        if (allowance.UsedUp)
        {
            return new StartAttemptResult(StartAttemptOutcome.AttemptsUsedUp, null, version.Contact);
        }

        var number = await db.AssessmentAttempts.Where(a => a.StaffMemberId == staffMemberId && a.ModuleVersionId == version.Id)
            .MaxAsync(a => (int?)a.Number, ct) ?? 0;
        var attempt = new AssessmentAttempt
        {
            OrganisationId = organisationId,
            StaffMemberId = staffMemberId,
            ModuleVersionId = version.Id,
            Number = number + 1,
            StartedAt = time.GetUtcNow().UtcDateTime,
            Items = AttemptDraw.Draw(version, Random.Shared)
                .Select((d, i) => new AttemptItem { Position = i + 1, QuestionId = d.Question.Id, Presented = [.. d.Presented] })
                .ToList(),
        };
        db.AssessmentAttempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second tab started the same attempt number at the same moment: resume the one that won.
            db.ChangeTracker.Clear();
            var winner = await AttemptAllowance.ForAsync(db, staffMemberId, moduleId, version.AttemptLimit, ct);
            if (winner.OpenAttemptId is long id)
            {
                return new StartAttemptResult(StartAttemptOutcome.Resumed, id);
            }

            throw;
        }

        return new StartAttemptResult(StartAttemptOutcome.Started, attempt.Id);
    }
}
