using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Requirements;

public sealed record SubjectTargetView(string SubjectCode, string SubjectName, string FrameworkCode, decimal TargetPercent, bool IsDefault);

/// <summary>The organisation's compliance target per subject (the default, 90%, unless set).</summary>
public sealed class ListSubjectTargets(AppDbContext db)
{
    public async Task<IReadOnlyList<SubjectTargetView>> RunAsync(int organisationId, CancellationToken cancellationToken = default)
    {
        var targets = await db.SubjectTargets.Where(t => t.OrganisationId == organisationId)
            .ToDictionaryAsync(t => t.SubjectId, t => t.TargetPercent, cancellationToken);
        var subjects = await db.Subjects.AsNoTracking()
            .Where(s => s.OrganisationId == null || s.OrganisationId == organisationId)
            .ToListAsync(cancellationToken);
        return subjects
            .OrderBy(s => s.FrameworkCode, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => targets.TryGetValue(s.Id, out var t)
                ? new SubjectTargetView(s.Code, s.Name, s.FrameworkCode, t, false)
                : new SubjectTargetView(s.Code, s.Name, s.FrameworkCode, SubjectTarget.DefaultPercent, true))
            .ToList();
    }
}
