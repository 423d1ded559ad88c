using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

public sealed record PriorLearningInput(string CompetencyCode, DateOnly CompletedOn, string Source, string? Reference);

/// <summary>
/// Recognises learning achieved with a previous employer (e.g. from a training passport): recorded as
/// a completion with source <see cref="CompletionSource.PriorLearning"/>, the employer, and who accepted it.
/// </summary>
public sealed class RecordPriorLearning(AppDbContext db, TimeProvider time)
{
    /// <returns>Null when the person is not found or the caller may not approve for them.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, int staffMemberId, PriorLearningInput input, string actor, CancellationToken cancellationToken = default)
    {
        if (!await EvidenceAccess.CanApproveForAsync(db, scope, staffMemberId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var competency = await db.Competencies.FirstOrDefaultAsync(c => c.Code == input.CompetencyCode, cancellationToken);
        if (competency is null)
        {
            errors[nameof(input.CompetencyCode)] = "Choose the competency that was achieved";
        }

        if (input.CompletedOn > DateOnly.FromDateTime(now))
        {
            errors[nameof(input.CompletedOn)] = "The completion date must be today or in the past";
        }

        if (string.IsNullOrWhiteSpace(input.Source) || input.Source.Length > 200)
        {
            errors[nameof(input.Source)] = "Enter the previous employer or training body (up to 200 characters)";
        }

        if (input.Reference is { Length: > 400 })
        {
            errors[nameof(input.Reference)] = "Reference must be 400 characters or fewer";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var completion = new Completion
        {
            OrganisationId = scope.OrganisationId,
            StaffMemberId = staffMemberId,
            CompetencyId = competency!.Id,
            CompletedOn = input.CompletedOn,
            Source = CompletionSource.PriorLearning,
            PriorLearningSource = input.Source.Trim(),
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            RecordedBy = actor,
            RecordedAt = now,
        };
        db.Completions.Add(completion);
        Audit.AuditReason.Set(db, "recognised prior learning from " + completion.PriorLearningSource);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult((int)completion.Id, errors);
    }
}
