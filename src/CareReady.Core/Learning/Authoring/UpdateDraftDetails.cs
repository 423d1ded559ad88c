using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

public sealed record DraftDetailsInput(
    string? Title, string? Summary, int? EstimatedMinutes, int? PassMarkPercent, int? AttemptLimit, int? QuestionsPerOutcome,
    string? Contact, IReadOnlyList<string>? Competencies);

/// <summary>Changes a draft's details: title, summary, time, the assessment's rules, contact and what it confers.</summary>
public sealed class UpdateDraftDetails(AppDbContext db)
{
    public async Task<AuthoringResult> RunAsync(AccessScope scope, int moduleId, int number, DraftDetailsInput input, CancellationToken ct = default)
    {
        var (draft, refusal) = await AuthoringVersions.DraftAsync(db, scope, moduleId, number, q => q.Include(v => v.Confers), ct);
        if (draft is null)
        {
            return refusal!;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = AuthoringRules.Required(errors, nameof(input.Title), input.Title, AuthoringRules.MaxTitle, "Enter a title", "Title");
        var summary = AuthoringRules.Required(errors, nameof(input.Summary), input.Summary, AuthoringRules.MaxSummary, "Enter a summary", "Summary");
        var minutes = AuthoringRules.Range(errors, nameof(input.EstimatedMinutes), input.EstimatedMinutes, 1, 600, "Estimated minutes");
        var passMark = AuthoringRules.Range(errors, nameof(input.PassMarkPercent), input.PassMarkPercent, 1, 100, "Pass mark");
        var attempts = AuthoringRules.Range(errors, nameof(input.AttemptLimit), input.AttemptLimit, 1, 10, "Attempt limit");
        var perOutcome = AuthoringRules.Range(errors, nameof(input.QuestionsPerOutcome), input.QuestionsPerOutcome, 1, 10, "Questions per outcome");
        var contact = string.IsNullOrWhiteSpace(input.Contact) ? null : input.Contact.Trim();
        if (contact?.Length > AuthoringRules.MaxContact)
        {
            errors[nameof(input.Contact)] = $"Contact must be {AuthoringRules.MaxContact} characters or fewer";
        }

        var competencies = await AuthoringRules.CompetenciesAsync(db, errors, nameof(input.Competencies), input.Competencies, allowNone: true, ct);
        if (errors.Count > 0)
        {
            return AuthoringResult.Invalid(errors);
        }

        draft.Title = title!;
        draft.Summary = summary!;
        draft.EstimatedMinutes = minutes!.Value;
        draft.PassMarkPercent = passMark!.Value;
        draft.AttemptLimit = attempts!.Value;
        draft.QuestionsPerOutcome = perOutcome!.Value;
        draft.Contact = contact;
        draft.Confers.RemoveAll(c => !competencies.Contains(c.CompetencyId));
        foreach (var id in competencies.Where(id => !draft.Confers.Any(c => c.CompetencyId == id)))
        {
            draft.Confers.Add(new ModuleConferral { CompetencyId = id });
        }

        await db.SaveChangesAsync(ct);
        return AuthoringResult.Done(moduleId, number);
    }
}
