using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>
/// Sends a complete draft for review. Complete means at least one lesson, at least one learning
/// outcome, enough questions for every outcome to draw <see cref="ModuleVersion.QuestionsPerOutcome"/>,
/// and at least one competency conferred; every problem is listed.
/// </summary>
public sealed class SubmitForReview(AppDbContext db, TimeProvider time)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, string actor, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number,
            q => q.AsSplitQuery().Include(v => v.Lessons).Include(v => v.Outcomes).Include(v => v.Questions).Include(v => v.Confers), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var problems = Problems(draft, await db.ScormPackages.AnyAsync(p => p.ModuleVersionId == draft.Id, ct));
        if (problems.Count > 0)
        {
            return AuthoringResult.Invalid(problems);
        }

        draft.Status = ModuleStatus.InReview;
        draft.SubmittedBy = actor;
        draft.SubmittedAt = time.GetUtcNow().UtcDateTime;
        draft.ReviewNote = null;
        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }

    /// <summary>What stops a version going for review, keyed by where to fix it.</summary>
    /// <param name="scorm">The version is a SCORM package (played instead of lessons and an assessment): only what it confers is needed.</param>
    public static Dictionary<string, string> Problems(ModuleVersion version, bool scorm = false)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (scorm)
        {
            if (version.Confers.Count == 0)
            {
                problems["Competencies"] = "Choose at least one competency that completing the package gives";
            }

            return problems;
        }

        if (version.Lessons.Count == 0)
        {
            problems["Lessons"] = "Add at least one lesson";
        }

        if (version.Outcomes.Count == 0)
        {
            problems["Outcomes"] = "Add at least one learning outcome";
        }

        foreach (var outcome in version.Outcomes.OrderBy(o => o.Position))
        {
            var count = version.Questions.Count(q => q.OutcomeCode == outcome.Code);
            if (count < version.QuestionsPerOutcome)
            {
                problems["Questions-" + outcome.Code] =
                    $"Outcome {outcome.Code} has {count} question{(count == 1 ? "" : "s")}; it needs at least {version.QuestionsPerOutcome}, the number drawn for it in each attempt";
            }
        }

        if (version.Confers.Count == 0)
        {
            problems["Competencies"] = "Choose at least one competency that passing the module gives";
        }

        return problems;
    }
}
