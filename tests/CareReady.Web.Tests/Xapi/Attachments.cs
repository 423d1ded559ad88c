using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CareReady.Web.Tests.Xapi;

/// <summary>Multipart/mixed statement requests and responses, attachment objects and JWS signatures for the attachment tests.</summary>
internal static class Attachments
{
    public const string Usage = "http://id.tincanapi.com/attachment/certificate";
    public const string SignatureUsage = "http://adlnet.gov/expapi/attachments/signature";

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>An attachment object for <paramref name="data"/> (or a fileUrl-only one when data is null).</summary>
    public static JsonObject Object(byte[]? data, string contentType = "text/plain", string usage = Usage, string? fileUrl = null, string? sha2 = null) =>
        new JsonObject
        {
            ["usageType"] = usage,
            ["display"] = new JsonObject { ["en-GB"] = "Certificate" },
            ["contentType"] = contentType,
            ["length"] = data?.Length ?? 10,
            ["sha2"] = sha2 ?? (data is null ? new string('a', 64) : Sha256(data)),
            ["fileUrl"] = fileUrl,
        }.Without("fileUrl", fileUrl is null);

    private static JsonObject Without(this JsonObject o, string key, bool remove)
    {
        if (remove)
        {
            o.Remove(key);
        }

        return o;
    }

    /// <summary>One raw part; headers given as null are left out.</summary>
    public sealed record Part(byte[] Data, string? ContentType = "text/plain", string? Hash = "", string? Encoding = "binary");

    public static MultipartContent Body(JsonNode statements, IEnumerable<Part> parts, string firstType = "application/json")
    {
        var content = new MultipartContent("mixed", "abcABC0123'()+_,-./:=?");
        var first = new StringContent(statements.ToJsonString(), System.Text.Encoding.UTF8);
        first.Headers.ContentType = MediaTypeHeaderValue.Parse(firstType);
        content.Add(first);
        foreach (var part in parts)
        {
            var raw = new ByteArrayContent(part.Data);
            if (part.ContentType is not null)
            {
                raw.Headers.ContentType = MediaTypeHeaderValue.Parse(part.ContentType);
            }

            if (part.Encoding is not null)
            {
                raw.Headers.Add("Content-Transfer-Encoding", part.Encoding);
            }

            if (part.Hash is not null)
            {
                raw.Headers.Add("X-Experience-API-Hash", part.Hash.Length == 0 ? Sha256(part.Data) : part.Hash);
            }

            content.Add(raw);
        }

        return content;
    }

    /// <summary>The parts of a multipart/mixed response: the JSON first, then (hash, content type, data) of each attachment.</summary>
    public static async Task<(JsonNode Json, List<(string Hash, string? ContentType, byte[] Data)> Parts)> ReadAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType!;
        if (type.MediaType != "multipart/mixed")
        {
            throw new InvalidOperationException($"Expected multipart/mixed, got {type} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var boundary = type.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var reader = new MultipartReader(boundary, await response.Content.ReadAsStreamAsync());
        JsonNode? json = null;
        var parts = new List<(string, string?, byte[])>();
        for (var section = await reader.ReadNextSectionAsync(); section is not null; section = await reader.ReadNextSectionAsync())
        {
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            if (json is null)
            {
                Assert.Equal("application/json", section.ContentType);
                json = JsonNode.Parse(buffer.ToArray());
                continue;
            }

            Assert.Equal("binary", section.Headers!["Content-Transfer-Encoding"].ToString());
            parts.Add((section.Headers["X-Experience-API-Hash"].ToString(), section.ContentType, buffer.ToArray()));
        }

        return (json!, parts);
    }

    /// <summary>A signing key with a self-signed certificate.</summary>
    public static (RSA Key, X509Certificate2 Certificate) Signer()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CareReady test signer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return (key, certificate);
    }

    /// <summary>A JWS in compact serialisation over <paramref name="payload"/>.</summary>
    public static string Jws(JsonNode payload, RSA key, string alg = "RS256", X509Certificate2? certificate = null)
    {
        var header = new JsonObject { ["alg"] = alg };
        if (certificate is not null)
        {
            header["x5c"] = new JsonArray(Convert.ToBase64String(certificate.RawData));
        }

        var input = B64(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + B64(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var hash = alg switch { "RS384" => HashAlgorithmName.SHA384, "RS512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        return input + "." + B64(key.SignData(Encoding.ASCII.GetBytes(input), hash, RSASignaturePadding.Pkcs1));
    }

    private static string B64(byte[] data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    /// <summary>Adds a signature attachment (JWS over the statement as it is now) to the statement and returns its part.</summary>
    public static Part Sign(JsonObject statement, RSA key, string alg = "RS256", X509Certificate2? certificate = null, string contentType = "application/octet-stream", JsonObject? payload = null)
    {
        var jws = Encoding.UTF8.GetBytes(Jws(payload ?? statement, key, alg, certificate));
        var attachments = statement["attachments"] as JsonArray ?? [];
        attachments.Add(Object(jws, contentType, SignatureUsage));
        statement["attachments"] = attachments;
        return new Part(jws, contentType);
    }
}
