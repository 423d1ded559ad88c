using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

/// <summary>Sets the organisation's compliance target for a subject (50–100%); trusts usually choose 85–95%.</summary>
public sealed class SetSubjectTarget(AppDbContext db)
{
    public async Task<SaveResult> RunAsync(int organisationId, string subjectCode, decimal percent, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var subject = await db.Subjects.FirstOrDefaultAsync(
            s => s.Code == subjectCode && (s.OrganisationId == null || s.OrganisationId == organisationId), cancellationToken);
        if (subject is null)
        {
            errors["SubjectCode"] = "Choose a subject from the catalogue";
        }

        if (percent is < 50m or > 100m || decimal.Round(percent, 1) != percent)
        {
            errors["TargetPercent"] = "Target must be a percentage between 50 and 100, with at most one decimal place";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(null, errors);
        }

        var target = await db.SubjectTargets.FirstOrDefaultAsync(t => t.OrganisationId == organisationId && t.SubjectId == subject!.Id, cancellationToken);
        if (target is null)
        {
            target = new SubjectTarget { OrganisationId = organisationId, SubjectId = subject!.Id };
            db.SubjectTargets.Add(target);
        }

        target.TargetPercent = percent;
        await db.SaveChangesAsync(cancellationToken);
        return new SaveResult(subject!.Id, errors);
    }
}
