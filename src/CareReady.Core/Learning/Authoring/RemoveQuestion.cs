using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>Removes a question from a draft's bank.</summary>
public sealed class RemoveQuestion(AppDbContext db)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, string key, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number, q => q.Include(v => v.Questions), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var question = draft.Questions.FirstOrDefault(q => q.Key == key);
        if (question is null)
        {
            return AuthoringResult.NotFound;
        }

        draft.Questions.Remove(question);
        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
