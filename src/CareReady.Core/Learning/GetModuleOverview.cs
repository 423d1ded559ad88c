using CareReady.Core.Assessments;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

public sealed record LessonLink(int Position, string Title);

public sealed record LastAttempt(long Id, int ScorePercent, bool Passed, DateTime SubmittedAt);

public sealed record ModuleOverview(
    int ModuleId, string Code, int VersionId, int VersionNumber, ModuleStatus Status, string Title, string Summary,
    int EstimatedMinutes, int PassMarkPercent, int QuestionCount, IReadOnlyList<LessonLink> Lessons,
    IReadOnlyList<string> Outcomes, IReadOnlyList<ConferredCompetency> Confers, int? LastLesson, int? FurthestLesson,
    AttemptAllowance? Allowance, LastAttempt? LastAttempt, string? Contact);

/// <summary>
/// A module as a learner meets it: the published version (or, for an author previewing, a chosen
/// version), its lessons and outcomes, where this person left off and how many attempts they have left.
/// </summary>
public sealed class GetModuleOverview(AppDbContext db)
{
    public async Task<ModuleOverview?> RunAsync(Security.AccessScope scope, int moduleId, int? versionNumber = null, CancellationToken ct = default)
    {
        var query = db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Lessons).Include(v => v.Outcomes)
            .Where(v => v.ModuleId == moduleId && v.OrganisationId == scope.OrganisationId);
        var version = versionNumber is int n
            ? await query.FirstOrDefaultAsync(v => v.Number == n, ct)
            : await query.FirstOrDefaultAsync(v => v.Status == ModuleStatus.Published, ct);
        if (version is null || !ModuleAccess.CanView(scope, version))
        {
            return null;
        }

        var confers = await db.ModuleConferrals.AsNoTracking().Where(c => c.ModuleVersionId == version.Id)
            .Join(db.Competencies, c => c.CompetencyId, c => c.Id, (_, c) => new ConferredCompetency(c.Id, c.Code, c.Subject!.Name, c.Name, c.Subject.FrameworkCode))
            .ToListAsync(ct);
        var questionCount = version.Outcomes.Count * version.QuestionsPerOutcome;
        LearningProgress? progress = null;
        AttemptAllowance? allowance = null;
        LastAttempt? last = null;
        if (scope.OwnStaffMemberId is int person)
        {
            progress = await db.LearningProgress.AsNoTracking().FirstOrDefaultAsync(p => p.StaffMemberId == person && p.ModuleVersionId == version.Id, ct);
            allowance = await AttemptAllowance.ForAsync(db, person, moduleId, version.AttemptLimit, ct);
            last = await db.AssessmentAttempts.AsNoTracking()
                .Where(a => a.StaffMemberId == person && a.SubmittedAt != null && db.ModuleVersions.Any(v => v.Id == a.ModuleVersionId && v.ModuleId == moduleId))
                .OrderByDescending(a => a.SubmittedAt)
                .Select(a => new LastAttempt(a.Id, a.ScorePercent ?? 0, a.Passed, a.SubmittedAt!.Value))
                .FirstOrDefaultAsync(ct);
        }

        return new ModuleOverview(version.ModuleId, version.Module!.Code, version.Id, version.Number, version.Status, version.Title,
            version.Summary, version.EstimatedMinutes, version.PassMarkPercent, questionCount,
            version.Lessons.OrderBy(l => l.Position).Select(l => new LessonLink(l.Position, l.Title)).ToList(),
            version.Outcomes.OrderBy(o => o.Position).Select(o => o.Text).ToList(), confers,
            progress?.LastLesson, progress?.FurthestLesson, allowance, last, version.Contact);
    }
}
