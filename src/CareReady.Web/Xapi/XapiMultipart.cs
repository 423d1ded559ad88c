using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Xapi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CareReady.Web.Xapi;

/// <summary>
/// Statements with attachment data (xAPI Communication 1.5.2): reads a multipart/mixed request whose
/// first part is the statement(s) as application/json and whose other parts are raw attachment data with
/// X-Experience-API-Hash and Content-Transfer-Encoding: binary, and writes GET results the same way
/// when attachments=true.
/// </summary>
internal static class XapiMultipart
{
    public const string HashHeader = "X-Experience-API-Hash";

    public static bool IsMultipart(string? contentType) =>
        contentType is not null && contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase);

    public static async Task<(JsonNode? Statements, IReadOnlyList<AttachmentPart> Parts)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            ? HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            throw XapiException.BadRequest("A multipart/mixed request needs a boundary parameter in its Content-Type.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        JsonNode? statements = null;
        var parts = new List<AttachmentPart>();
        var index = 0;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct), index++)
            {
                var bytes = await BytesAsync(section.Body, ct);
                if (index == 0)
                {
                    if (section.ContentType is null || !DocumentStore.IsJson(section.ContentType))
                    {
                        throw XapiException.BadRequest($"The first part of a multipart/mixed request holds the statements and must have Content-Type application/json, not \"{section.ContentType ?? "(none)"}\".");
                    }

                    statements = Parse(bytes);
                    continue;
                }

                parts.Add(Part(section, bytes, index));
            }
        }
        catch (IOException e)
        {
            throw XapiException.BadRequest("The multipart/mixed body could not be read: " + e.Message);
        }

        if (index == 0)
        {
            throw XapiException.BadRequest("The multipart/mixed request has no parts; the first part must hold the statements.");
        }

        return (statements, parts);
    }

    private static AttachmentPart Part(MultipartSection section, byte[] bytes, int index)
    {
        var where = $"Part {index + 1} (an attachment)";
        if (!section.Headers!.TryGetValue(HashHeader, out var hashValues) || hashValues.ToString().Trim() is not { Length: > 0 } hash)
        {
            throw XapiException.BadRequest($"{where} has no {HashHeader} header; every part after the statements must give the SHA-2 of its data.");
        }

        if (!section.Headers.TryGetValue("Content-Transfer-Encoding", out var encoding) || !encoding.ToString().Trim().Equals("binary", StringComparison.OrdinalIgnoreCase))
        {
            throw XapiException.BadRequest($"{where} must have the header Content-Transfer-Encoding: binary, not \"{encoding}\".");
        }

        var computed = AttachmentHash.Compute(hash, bytes)
            ?? throw XapiException.BadRequest($"{where}: {HashHeader} \"{hash}\" is not a SHA-256, SHA-384 or SHA-512 hash in hexadecimal (64, 96 or 128 characters).");
        if (!computed.Equals(hash, StringComparison.OrdinalIgnoreCase))
        {
            throw XapiException.BadRequest($"{where}: the data does not match its {HashHeader} {hash} (its hash is {computed}).");
        }

        return new AttachmentPart(hash.ToLowerInvariant(), section.ContentType, bytes);
    }

    private static JsonNode? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw XapiException.BadRequest("The request body is not valid JSON: " + e.Message);
        }
    }

    private static async Task<byte[]> BytesAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>The hashes of the attachments (with data, not fileUrl-only) of the statements in a result.</summary>
    public static IReadOnlyCollection<string> Hashes(IEnumerable<JsonNode> statements) =>
        statements.OfType<JsonObject>()
            .SelectMany(s => AttachmentStore.AttachmentsOf(s, "statement"))
            .Select(a => a.Attachment["sha2"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the result as multipart/mixed: the JSON first, then each attachment's data once.</summary>
    public static async Task WriteAsync(HttpResponse response, JsonNode result, IReadOnlyList<XapiAttachment> attachments, CancellationToken ct)
    {
        var boundary = "xapi-" + Guid.NewGuid().ToString("N");
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"multipart/mixed; boundary={boundary}";
        var head = new StringBuilder();
        head.Append("--").Append(boundary).Append("\r\nContent-Type: application/json\r\n\r\n").Append(result.ToJsonString());
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), ct);
        foreach (var a in attachments)
        {
            var partHead = $"\r\n--{boundary}\r\nContent-Type: {a.ContentType.ReplaceLineEndings(" ")}\r\nContent-Transfer-Encoding: binary\r\n{HashHeader}: {a.Sha2}\r\n\r\n";
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(partHead), ct);
            await response.Body.WriteAsync(a.Content, ct);
        }

        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"\r\n--{boundary}--\r\n"), ct);
    }
}
