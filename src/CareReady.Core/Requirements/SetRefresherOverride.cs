using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

/// <summary>Months = null removes the local override (back to the framework's period).</summary>
public sealed record RefresherOverrideInput(string CompetencyCode, int? Months, string? Justification);

/// <summary>
/// Sets an organisation's local refresher period for a competency. The framework allows local
/// deviation only with a recorded reason, so a justification is required whenever one is set.
/// </summary>
public sealed class SetRefresherOverride(AppDbContext db, TimeProvider time)
{
    public const int MinimumJustificationLength = 20;

    public async Task<SaveResult> RunAsync(int organisationId, RefresherOverrideInput input, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var competency = await db.Competencies.FirstOrDefaultAsync(c => c.Code == input.CompetencyCode, cancellationToken);
        if (competency is null)
        {
            errors[nameof(input.CompetencyCode)] = "Choose a competency from the catalogue";
            return new SaveResult(null, errors);
        }

        var existing = await db.RefresherOverrides
            .FirstOrDefaultAsync(o => o.OrganisationId == organisationId && o.CompetencyId == competency.Id, cancellationToken);

        if (input.Months is null)
        {
            if (existing is not null)
            {
                db.RefresherOverrides.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new SaveResult(competency.Id, errors);
        }

        if (input.Months is < 1 or > 120)
        {
            errors[nameof(input.Months)] = "Refresher period must be between 1 and 120 months";
        }

        if (input.Months == competency.DefaultRefresherMonths)
        {
            errors[nameof(input.Months)] = "This is the framework's own period; remove the override instead";
        }

        var justification = input.Justification?.Trim() ?? "";
        if (justification.Length < MinimumJustificationLength)
        {
            errors[nameof(input.Justification)] =
                $"Record why the organisation departs from the framework's refresher period (at least {MinimumJustificationLength} characters)";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(competency.Id, errors);
        }

        if (existing is null)
        {
            existing = new RefresherOverride { OrganisationId = organisationId, CompetencyId = competency.Id, Justification = "", RecordedBy = "" };
            db.RefresherOverrides.Add(existing);
        }

        Audit.AuditReason.Set(db, justification);
        existing.Months = input.Months!.Value;
        existing.Justification = justification;
        existing.RecordedBy = actor;
        existing.RecordedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(competency.Id, errors);
    }
}
