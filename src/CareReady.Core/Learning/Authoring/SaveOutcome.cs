using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record OutcomeInput(string? Code, string? Text);

/// <summary>Adds a learning outcome to a draft or changes one; renaming its code re-tags its questions.</summary>
public sealed class SaveOutcome(AppDbContext db)
{
    public const int MaxCode = 32;
    public const int MaxText = 500;

    /// <param name="existingCode">The outcome to change, or null to add one.</param>
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, string? existingCode, OutcomeInput input, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number,
            q => q.Include(v => v.Outcomes).Include(v => v.Questions), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var outcome = existingCode is null ? null : draft.Outcomes.FirstOrDefault(o => o.Code == existingCode);
        if (existingCode is not null && outcome is null)
        {
            return AuthoringResult.NotFound;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors[nameof(input.Code)] = "Enter a code for the outcome, like LO1";
        }
        else if (code.Length > MaxCode || !AuthoringRules.CodePattern().IsMatch(code))
        {
            errors[nameof(input.Code)] = $"The code can only contain letters A to Z, numbers and hyphens, up to {MaxCode} characters";
        }
        else if (draft.Outcomes.Any(o => o != outcome && o.Code == code))
        {
            errors[nameof(input.Code)] = $"This version already has an outcome {code}";
        }

        var text = AuthoringRules.Required(errors, nameof(input.Text), input.Text, MaxText, "Enter what the learner will be able to do", "The outcome");
        if (errors.Count > 0)
        {
            return AuthoringResult.Invalid(errors);
        }

        if (outcome is null)
        {
            draft.Outcomes.Add(new LearningOutcome { Position = draft.Outcomes.Count == 0 ? 1 : draft.Outcomes.Max(o => o.Position) + 1, Code = code, Text = text! });
        }
        else
        {
            foreach (var question in draft.Questions.Where(q => q.OutcomeCode == outcome.Code))
            {
                question.OutcomeCode = code;
            }

            outcome.Code = code;
            outcome.Text = text!;
        }

        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
