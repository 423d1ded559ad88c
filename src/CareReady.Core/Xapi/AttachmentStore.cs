using System.Text.Json.Nodes;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Statement attachments (xAPI Data 2.4.11, Communication 1.5.2). When statements are stored, checks
/// that every attachment without a fileUrl has a part with its hash and that every part belongs to an
/// attachment (both 400 otherwise), that a part's Content-Type agrees with the attachment's contentType,
/// and that signed statements carry a valid signature (<see cref="StatementSignature"/>); then stores
/// each part's data once per organisation and hash. Runs inside the statement write's transaction.
/// </summary>
public sealed class AttachmentStore(AppDbContext db, TimeProvider time)
{
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    public async Task SaveAsync(int organisationId, IReadOnlyList<JsonObject> statements, IReadOnlyList<AttachmentPart>? parts, bool batch, CancellationToken ct)
    {
        var byHash = Check(statements, parts ?? [], batch);
        if (byHash.Count == 0)
        {
            return;
        }

        var hashes = byHash.Keys.ToList();
        var existing = await db.XapiAttachments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && hashes.Contains(a.Sha2))
            .Select(a => a.Sha2).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var added = new List<XapiAttachment>();
        foreach (var (sha2, (part, contentType)) in byHash.Where(p => !existing.Contains(p.Key)))
        {
            added.Add(new XapiAttachment
            {
                OrganisationId = organisationId,
                Sha2 = sha2,
                ContentType = contentType,
                Length = part.Content.LongLength,
                Content = part.Content,
                Stored = now,
            });
        }

        if (added.Count == 0)
        {
            return;
        }

        db.XapiAttachments.AddRange(added);
        await db.SaveChangesAsync(ct);
        foreach (var attachment in added)
        {
            db.Entry(attachment).State = EntityState.Detached;
        }
    }

    /// <summary>The stored data for the given hashes (those this organisation has; fileUrl-only attachments have none).</summary>
    public async Task<IReadOnlyList<XapiAttachment>> ForAsync(int organisationId, IReadOnlyCollection<string> sha2s, CancellationToken ct)
    {
        if (sha2s.Count == 0)
        {
            return [];
        }

        var lower = sha2s.Select(s => s.ToLowerInvariant()).Distinct().ToList();
        return await db.XapiAttachments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && lower.Contains(a.Sha2))
            .OrderBy(a => a.Sha2).ToListAsync(ct);
    }

    /// <summary>Every attachment object of a statement: its own and its SubStatement's, with their paths.</summary>
    public static IEnumerable<(JsonObject Attachment, string Path)> AttachmentsOf(JsonObject statement, string path)
    {
        if (statement["attachments"] is JsonArray own)
        {
            for (var i = 0; i < own.Count; i++)
            {
                yield return ((JsonObject)own[i]!, $"{path}.attachments[{i}]");
            }
        }

        if (statement["object"] is JsonObject o && o["objectType"]?.GetValue<string>() == "SubStatement" && o["attachments"] is JsonArray sub)
        {
            for (var i = 0; i < sub.Count; i++)
            {
                yield return ((JsonObject)sub[i]!, $"{path}.object.attachments[{i}]");
            }
        }
    }

    /// <summary>Matches parts to attachments and checks signatures; returns the parts to store by hash, with their content type.</summary>
    public static Dictionary<string, (AttachmentPart Part, string ContentType)> Check(IReadOnlyList<JsonObject> statements, IReadOnlyList<AttachmentPart> parts, bool batch)
    {
        var byHash = new Dictionary<string, AttachmentPart>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts)
        {
            byHash.TryAdd(part.Sha2, part);
        }

        var used = new Dictionary<string, (AttachmentPart, string)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var path = batch ? $"statements[{i}]" : "statement";
            foreach (var (attachment, attachmentPath) in AttachmentsOf(statement, path))
            {
                var sha2 = attachment["sha2"]!.GetValue<string>();
                var contentType = attachment["contentType"]!.GetValue<string>();
                var usage = attachment["usageType"]!.GetValue<string>();
                var signature = usage == SignatureUsage && attachmentPath.StartsWith(path + ".attachments[", StringComparison.Ordinal);
                if (signature && MediaType(contentType) != "application/octet-stream")
                {
                    throw XapiException.BadRequest($"{attachmentPath}.contentType: a signature attachment must have the content type application/octet-stream, not \"{contentType}\"");
                }

                if (!byHash.TryGetValue(sha2, out var part))
                {
                    if (signature)
                    {
                        throw XapiException.BadRequest($"{attachmentPath}: the signature must be sent as a multipart/mixed part with X-Experience-API-Hash {sha2}, so that the LRS can verify it");
                    }

                    if (attachment["fileUrl"] is null)
                    {
                        throw XapiException.BadRequest(parts.Count == 0
                            ? $"{attachmentPath}: an attachment without fileUrl needs its data; send the request as multipart/mixed with a part whose X-Experience-API-Hash is {sha2}"
                            : $"{attachmentPath}: no part has X-Experience-API-Hash {sha2}, and the attachment has no fileUrl");
                    }

                    continue;
                }

                if (part.ContentType is { } partType && !MediaType(partType).Equals(MediaType(contentType), StringComparison.OrdinalIgnoreCase))
                {
                    throw XapiException.BadRequest($"{attachmentPath}.contentType: the attachment says \"{contentType}\" but its part (X-Experience-API-Hash {sha2}) has Content-Type \"{partType}\"");
                }

                if (signature)
                {
                    StatementSignature.Verify(part.Content, statement, attachment, attachmentPath);
                }

                used.TryAdd(sha2.ToLowerInvariant(), (part, contentType));
            }
        }

        foreach (var part in parts.Where(p => !used.ContainsKey(p.Sha2.ToLowerInvariant())))
        {
            throw XapiException.BadRequest($"The part with X-Experience-API-Hash {part.Sha2} matches no attachment (sha2) of the statements sent with it");
        }

        return used;
    }

    /// <summary>The media type without parameters, lower case: "text/plain; charset=ascii" → "text/plain".</summary>
    public static string MediaType(string contentType) =>
        contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
}
