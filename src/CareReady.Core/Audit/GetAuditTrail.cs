using System.Globalization;
using System.Text.Json;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Audit;

/// <summary>One field of an entry: its value before and after (null where there was none: created, deleted, or empty).</summary>
public sealed record AuditFieldChange(string Field, JsonElement? Before, JsonElement? After);

public sealed record AuditTrailEntry(
    long Id,
    long Sequence,
    DateTime At,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? Reason,
    IReadOnlyList<AuditFieldChange> Changes);

/// <summary>The trail of one record, newest first.</summary>
public sealed record AuditTrailView(string EntityType, string EntityId, string Title, IReadOnlyList<AuditTrailEntry> Entries, bool Truncated);

/// <summary>
/// The audit entries about one record of one organisation. A person's trail includes their positions
/// and evidence (completions, exemptions, external certificates). Returns null when the record is not
/// the organisation's (or has no trail): callers answer 404, exactly as for a record that does not exist.
/// </summary>
public sealed class GetAuditTrail(AppDbContext db)
{
    public const int MaxEntries = 1000;

    public async Task<AuditTrailView?> RunAsync(int organisationId, string entityType, string entityId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(entityId);
        if (!AuditedTypes.IsAudited(entityType))
        {
            return null;
        }

        string? title;
        var related = new List<(string Type, string Id)> { (entityType, entityId) };
        switch (entityType)
        {
            case "StaffMember":
                if (!int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var staffId))
                {
                    return null;
                }

                title = await db.Staff.AsNoTracking().Where(s => s.Id == staffId && s.OrganisationId == organisationId)
                    .Select(s => s.FirstName + " " + s.LastName).FirstOrDefaultAsync(ct);
                if (title is null)
                {
                    return null;
                }

                related.AddRange((await db.Positions.AsNoTracking().Where(p => p.StaffMemberId == staffId && p.OrganisationId == organisationId)
                    .Select(p => p.Id).ToListAsync(ct)).Select(id => ("Position", Text(id))));
                related.AddRange((await db.Exemptions.AsNoTracking().Where(x => x.StaffMemberId == staffId && x.OrganisationId == organisationId)
                    .Select(x => x.Id).ToListAsync(ct)).Select(id => ("Exemption", Text(id))));
                related.AddRange((await db.ExternalCertificates.AsNoTracking().Where(x => x.StaffMemberId == staffId && x.OrganisationId == organisationId)
                    .Select(x => x.Id).ToListAsync(ct)).Select(id => ("ExternalCertificate", Text(id))));
                related.AddRange((await db.Completions.AsNoTracking().Where(x => x.StaffMemberId == staffId && x.OrganisationId == organisationId)
                    .Select(x => x.Id).ToListAsync(ct)).Select(id => ("Completion", Text(id))));
                break;
            case "RequirementRule":
                if (!int.TryParse(entityId, NumberStyles.None, CultureInfo.InvariantCulture, out var ruleId))
                {
                    return null;
                }

                title = await db.RequirementRules.AsNoTracking().Where(r => r.Id == ruleId && r.OrganisationId == organisationId)
                    .Select(r => r.Name).FirstOrDefaultAsync(ct);
                if (title is null)
                {
                    return null;
                }

                break;
            default:
                title = entityType + " " + entityId;
                break;
        }

        var entries = new List<AuditEntry>();
        foreach (var group in related.GroupBy(r => r.Type))
        {
            var ids = group.Select(r => r.Id).Distinct().ToList();
            var type = group.Key;
            foreach (var chunk in ids.Chunk(500))
            {
                entries.AddRange(await db.AuditEntries.AsNoTracking()
                    .Where(e => e.OrganisationId == organisationId && e.EntityType == type && chunk.Contains(e.EntityId))
                    .OrderByDescending(e => e.Sequence).Take(MaxEntries + 1).ToListAsync(ct));
            }
        }

        if (entries.Count == 0 && entityType is not ("StaffMember" or "RequirementRule"))
        {
            return null;
        }

        var newest = entries.OrderByDescending(e => e.Sequence).Take(MaxEntries + 1).ToList();
        var truncated = newest.Count > MaxEntries;
        var view = newest.Take(MaxEntries).Select(e => new AuditTrailEntry(
            e.Id, e.Sequence, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.Actor, e.Action, e.EntityType, e.EntityId, e.Reason,
            Changes(e.Before, e.After))).ToList();
        return new AuditTrailView(entityType, entityId, title, view, truncated);
    }

    /// <summary>Field by field, in the order the entry recorded them.</summary>
    public static IReadOnlyList<AuditFieldChange> Changes(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var fields = before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal);
        return [.. fields.Select(f => new AuditFieldChange(f, Value(before, f), Value(after, f)))];
    }

    private static JsonElement? Value(Dictionary<string, JsonElement> values, string field) =>
        values.TryGetValue(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            return values;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            values[property.Name] = property.Value.Clone();
        }

        return values;
    }

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
