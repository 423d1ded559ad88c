using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Makes statements count for compliance. A statement about a mapped activity (see
/// <see cref="XapiActivityMapping"/>) that says the learner passed or completed it — the ADL/cmi5 verbs
/// "passed" or "completed", or result.success / result.completion true — and does not say they failed
/// (result.success false) records a <see cref="Completion"/> (source Xapi) for the staff member the
/// actor is: matched by mbox to the work email, or by account name to the employee number or work email.
/// Runs inside the statement write's transaction; unmatched actors and unmapped activities are ignored.
/// </summary>
public sealed class RecordXapiCompletions(AppDbContext db)
{
    public const string PassedVerb = "http://adlnet.gov/expapi/verbs/passed";
    public const string CompletedVerb = "http://adlnet.gov/expapi/verbs/completed";

    public async Task RunAsync(LrsCaller caller, IReadOnlyList<XapiStatement> rows, IReadOnlyDictionary<Guid, JsonObject> statements, CancellationToken ct)
    {
        var org = caller.OrganisationId;
        var candidates = rows.Where(r => Counts(statements[r.StatementId])).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var activityIds = candidates.Select(r => r.ActivityId!).Distinct().ToList();
        var mappings = await db.XapiActivityMappings.AsNoTracking()
            .Where(m => m.OrganisationId == org && activityIds.Contains(m.ActivityId)).ToListAsync(ct);
        if (mappings.Count == 0)
        {
            return;
        }

        var now = DateTime.SpecifyKind(rows[0].Stored, DateTimeKind.Utc);
        var added = new List<(int? ModuleVersionId, Completion Completion)>();
        foreach (var row in candidates)
        {
            var mapped = mappings.Where(m => m.ActivityId == row.ActivityId).ToList();
            if (mapped.Count == 0 || await StaffMemberAsync(org, statements[row.StatementId]["actor"], ct) is not { } staffId)
            {
                continue;
            }

            foreach (var mapping in mapped)
            {
                foreach (var (competencyId, versionId, label) in await TargetsAsync(mapping, ct))
                {
                    added.Add((versionId, new Completion
                    {
                        OrganisationId = org,
                        StaffMemberId = staffId,
                        CompetencyId = competencyId,
                        CompletedOn = DateOnly.FromDateTime(row.Timestamp),
                        Source = CompletionSource.Xapi,
                        ModuleVersionId = versionId,
                        Reference = $"xAPI statement {row.StatementId} ({label})",
                        RecordedBy = "xapi:" + caller.Name,
                        RecordedAt = now,
                    }));
                }
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        db.Completions.AddRange(added.Select(a => a.Completion));
        await db.SaveChangesAsync(ct);
        foreach (var group in added.Where(a => a.ModuleVersionId is not null).GroupBy(a => a.ModuleVersionId!.Value))
        {
            await Regulation.StaleContentCaps.AddAsync(db, group.Key, group.Select(g => g.Completion).ToList(), now, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Passed or completed, and not failed.</summary>
    public static bool Counts(JsonObject statement)
    {
        var verb = statement["verb"]?["id"]?.GetValue<string>();
        var result = statement["result"] as JsonObject;
        bool? success = result?["success"] is JsonValue s && s.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? s.GetValue<bool>() : null;
        bool? completion = result?["completion"] is JsonValue c && c.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? c.GetValue<bool>() : null;
        if (success == false)
        {
            return false;
        }

        return verb is PassedVerb or CompletedVerb || success == true || completion == true;
    }

    private async Task<int?> StaffMemberAsync(int org, JsonNode? actor, CancellationToken ct)
    {
        if (actor is not JsonObject a)
        {
            return null;
        }

        if (a["mbox"] is JsonValue mbox)
        {
            var email = mbox.GetValue<string>()["mailto:".Length..].ToLowerInvariant();
            return await db.Staff.Where(s => s.OrganisationId == org && s.WorkEmail.ToLower() == email).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        }

        if (a["account"] is JsonObject account)
        {
            var name = account["name"]!.GetValue<string>();
            var lower = name.ToLowerInvariant();
            return await db.Staff.Where(s => s.OrganisationId == org && (s.EmployeeNumber == name || s.WorkEmail.ToLower() == lower))
                .Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        }

        return null;
    }

    private async Task<IReadOnlyList<(int CompetencyId, int? ModuleVersionId, string Label)>> TargetsAsync(XapiActivityMapping mapping, CancellationToken ct)
    {
        if (mapping.CompetencyId is { } competencyId)
        {
            return [(competencyId, null, "mapped activity")];
        }

        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Confers)
            .Where(v => v.ModuleId == mapping.ModuleId && v.Status == ModuleStatus.Published)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return version is null
            ? []
            : version.Confers.Select(c => (c.CompetencyId, (int?)version.Id, $"module {version.Module!.Code} version {version.Number}")).ToList();
    }
}
