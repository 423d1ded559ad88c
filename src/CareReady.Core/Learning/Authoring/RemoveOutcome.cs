using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Removes a learning outcome from a draft — refused while questions are tagged with it.</summary>
public sealed class RemoveOutcome(AppDbContext db)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, string code, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number,
            q => q.Include(v => v.Outcomes).Include(v => v.Questions), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var outcome = draft.Outcomes.FirstOrDefault(o => o.Code == code);
        if (outcome is null)
        {
            return AuthoringResult.NotFound;
        }

        var tagged = draft.Questions.Where(q => q.OutcomeCode == code).OrderBy(q => q.Position).Select(q => q.Key).ToList();
        if (tagged.Count > 0)
        {
            return AuthoringResult.Invalid("Outcome",
                $"Outcome {code} still has {tagged.Count} question{(tagged.Count == 1 ? "" : "s")} ({string.Join(", ", tagged)}); move them to another outcome or remove them first");
        }

        draft.Outcomes.Remove(outcome);
        var position = 1;
        foreach (var o in draft.Outcomes.OrderBy(o => o.Position))
        {
            o.Position = position++;
        }

        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
