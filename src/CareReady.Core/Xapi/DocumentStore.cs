using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>Where a document lives: resource kind, activity, agent key, registration ("" when absent) and id.</summary>
public sealed record DocumentAddress(XapiDocumentKind Kind, string ActivityId, string AgentKey, string Registration, string? DocumentId);

/// <summary>The concurrency headers of a write: <c>If-Match</c> (an ETag or "*") and <c>If-None-Match</c> ("*").</summary>
public sealed record Preconditions(string? IfMatch, string? IfNoneMatch)
{
    public bool Any => IfMatch is not null || IfNoneMatch is not null;
}

/// <summary>
/// The State, Activity Profile and Agent Profile resources. PUT replaces, POST merges JSON objects
/// (top-level properties of the new document win), DELETE removes one document (or, for State, every
/// document of the activity/agent/registration). Concurrency as the specification says: a failed
/// If-Match / If-None-Match is 412 and changes nothing; a PUT over an existing profile document without
/// either header is 409 — for a State document only under xAPI 2.0 (1.0.3 exempts the State resource).
/// </summary>
public sealed class DocumentStore(AppDbContext db, TimeProvider time)
{
    public const string JsonType = "application/json";

    public Task<XapiDocument?> GetAsync(int org, DocumentAddress a, CancellationToken ct = default) =>
        Find(org, a).AsNoTracking().FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<string>> ListIdsAsync(int org, DocumentAddress a, DateTime? since, CancellationToken ct = default)
    {
        var query = db.XapiDocuments.Where(d => d.OrganisationId == org && d.Kind == a.Kind && d.ActivityId == a.ActivityId && d.AgentKey == a.AgentKey && d.Registration == a.Registration);
        if (since is { } s)
        {
            query = query.Where(d => d.Updated > s);
        }

        return await query.OrderBy(d => d.DocumentId).Select(d => d.DocumentId).ToListAsync(ct);
    }

    /// <summary>A PUT under xAPI 1.0.3 rules (State documents may be overwritten without concurrency headers).</summary>
    public Task PutAsync(int org, DocumentAddress a, string contentType, byte[] content, Preconditions pre, CancellationToken ct = default) =>
        PutAsync(org, a, contentType, content, pre, XapiVersion.V103, ct);

    /// <summary>
    /// A PUT under the rules of <paramref name="version"/>: 1.0.3 (Communication 3.1) exempts the State
    /// resource from the 409 for a PUT without If-Match / If-None-Match over an existing document; 2.0
    /// (IEEE 9274.1.1, 4.1.4) lists State with the profile resources and has no exemption.
    /// </summary>
    public async Task PutAsync(int org, DocumentAddress a, string contentType, byte[] content, Preconditions pre, XapiVersion version, CancellationToken ct = default)
    {
        var existing = await Find(org, a).FirstOrDefaultAsync(ct);
        Check(existing, pre);
        if (existing is not null && !pre.Any && (a.Kind != XapiDocumentKind.State || version == XapiVersion.V200))
        {
            throw new XapiException(409, "This document already exists. Fetch it to see its current state, then send it again with an If-Match header holding its current ETag (or If-None-Match: * to create only).");
        }

        Save(org, a, existing, contentType, content);
        await SaveAsync(ct);
    }

    /// <summary>Writes a document CareReady itself owns (cmi5's learner preferences), over whatever is stored: no concurrency check.</summary>
    public async Task ReplaceAsync(int org, DocumentAddress a, string contentType, byte[] content, CancellationToken ct = default)
    {
        Save(org, a, await Find(org, a).FirstOrDefaultAsync(ct), contentType, content);
        await SaveAsync(ct);
    }

    public async Task PostAsync(int org, DocumentAddress a, string contentType, byte[] content, Preconditions pre, CancellationToken ct = default)
    {
        var existing = await Find(org, a).FirstOrDefaultAsync(ct);
        Check(existing, pre);
        if (existing is not null)
        {
            if (!IsJson(existing.ContentType) || !IsJson(contentType))
            {
                throw XapiException.BadRequest($"POST merges JSON documents only; the stored document is {existing.ContentType} and this one is {contentType}. Use PUT to replace it.");
            }

            var stored = ParseObject(existing.Content, "the stored document");
            var incoming = ParseObject(content, "the document");
            foreach (var (key, value) in incoming)
            {
                stored[key] = value?.DeepClone();
            }

            content = JsonSerializer.SerializeToUtf8Bytes(stored);
            contentType = JsonType;
        }
        else if (IsJson(contentType))
        {
            ParseObject(content, "the document");
        }

        Save(org, a, existing, contentType, content);
        await SaveAsync(ct);
    }

    public async Task DeleteAsync(int org, DocumentAddress a, Preconditions pre, CancellationToken ct = default)
    {
        if (a.DocumentId is null)
        {
            await db.XapiDocuments.Where(d => d.OrganisationId == org && d.Kind == a.Kind && d.ActivityId == a.ActivityId && d.AgentKey == a.AgentKey && d.Registration == a.Registration)
                .ExecuteDeleteAsync(ct);
            return;
        }

        var existing = await Find(org, a).FirstOrDefaultAsync(ct);
        Check(existing, pre);
        if (existing is not null)
        {
            db.XapiDocuments.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
    }

#pragma warning disable CA5350 // Not security: xAPI ETags are conventionally the SHA-1 of the document (40 hex digits).
    public static string ETagOf(byte[] content) => Convert.ToHexStringLower(SHA1.HashData(content));
#pragma warning restore CA5350

    private static void Check(XapiDocument? existing, Preconditions pre)
    {
        if (pre.IfMatch is { } ifMatch)
        {
            var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('"')).ToList();
            if (existing is null || !(tags.Contains("*") || tags.Contains(existing.ETag, StringComparer.OrdinalIgnoreCase)))
            {
                throw new XapiException(412, existing is null
                    ? "If-Match was given but there is no such document."
                    : "If-Match does not hold the document's current ETag: it has changed since you fetched it.");
            }
        }

        if (pre.IfNoneMatch is { } ifNoneMatch && existing is not null)
        {
            var tags = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim('"')).ToList();
            if (tags.Contains("*") || tags.Contains(existing.ETag, StringComparer.OrdinalIgnoreCase))
            {
                throw new XapiException(412, "If-None-Match: the document already exists.");
            }
        }
    }

    private void Save(int org, DocumentAddress a, XapiDocument? existing, string contentType, byte[] content)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            existing = new XapiDocument
            {
                OrganisationId = org,
                Kind = a.Kind,
                ActivityId = a.ActivityId,
                AgentKey = a.AgentKey,
                Registration = a.Registration,
                DocumentId = a.DocumentId!,
                ContentType = contentType,
                Content = content,
                ETag = ETagOf(content),
            };
            db.XapiDocuments.Add(existing);
        }

        existing.ContentType = contentType.Length > 255 ? contentType[..255] : contentType;
        existing.Content = content;
        existing.ETag = ETagOf(content);
        existing.Updated = now;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first writes of the same document raced; the loser is told as a conflict.
            throw new XapiException(409, "The document was written by another request at the same time; fetch it and try again with If-Match.");
        }
    }

    private IQueryable<XapiDocument> Find(int org, DocumentAddress a) =>
        db.XapiDocuments.Where(d => d.OrganisationId == org && d.Kind == a.Kind && d.ActivityId == a.ActivityId && d.AgentKey == a.AgentKey
            && d.Registration == a.Registration && d.DocumentId == a.DocumentId);

    public static bool IsJson(string contentType) =>
        contentType.Split(';')[0].Trim().Equals(JsonType, StringComparison.OrdinalIgnoreCase);

    private static JsonObject ParseObject(byte[] content, string what)
    {
        try
        {
            return JsonNode.Parse(content) as JsonObject ?? throw XapiException.BadRequest($"{what} is JSON but not an object; only JSON objects can be merged.");
        }
        catch (JsonException e)
        {
            throw XapiException.BadRequest($"{what} is declared application/json but is not valid JSON: {e.Message}");
        }
    }
}
