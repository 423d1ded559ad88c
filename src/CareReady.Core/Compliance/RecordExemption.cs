using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance;

public sealed record ExemptionInput(string CompetencyCode, string Reason, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>
/// Records a time-limited exemption from one requirement, approved by the person recording it
/// (a manager of the person, a compliance lead or an admin — never for themselves).
/// </summary>
public sealed class RecordExemption(AppDbContext db, TimeProvider time)
{
    public const int MaxMonths = 24;

    /// <returns>Null when the person is not found or the caller may not approve for them.</returns>
    public async Task<SaveResult?> RunAsync(AccessScope scope, int staffMemberId, ExemptionInput input, string approver, CancellationToken cancellationToken = default)
    {
        if (!await EvidenceAccess.CanApproveForAsync(db, scope, staffMemberId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var competency = await db.Competencies.FirstOrDefaultAsync(c => c.Code == input.CompetencyCode, cancellationToken);
        if (competency is null)
        {
            errors[nameof(input.CompetencyCode)] = "Choose the competency the exemption is from";
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length < 10)
        {
            errors[nameof(input.Reason)] = "Record the reason for the exemption (at least 10 characters)";
        }
        else if (input.Reason.Length > 2000)
        {
            errors[nameof(input.Reason)] = "Reason must be 2,000 characters or fewer";
        }

        if (input.EndsOn <= input.StartsOn)
        {
            errors[nameof(input.EndsOn)] = "The end date must be after the start date";
        }
        else if (input.EndsOn > input.StartsOn.AddMonths(MaxMonths))
        {
            errors[nameof(input.EndsOn)] = $"An exemption can last at most {MaxMonths} months; record a new one when it ends";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var exemption = new Exemption
        {
            OrganisationId = scope.OrganisationId,
            StaffMemberId = staffMemberId,
            CompetencyId = competency!.Id,
            Reason = input.Reason.Trim(),
            ApprovedBy = approver,
            ApprovedAt = time.GetUtcNow().UtcDateTime,
            StartsOn = input.StartsOn,
            EndsOn = input.EndsOn,
        };
        db.Exemptions.Add(exemption);
        Audit.AuditReason.Set(db, exemption.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(exemption.Id, errors);
    }
}
