using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// Signed statements (xAPI Data 2.6): the signature attachment holds a JWS in compact serialisation
/// whose algorithm is RS256, RS384 or RS512 and whose payload is the statement as it was before the
/// signature attachment was added. The LRS decodes it, checks that payload is the received statement
/// (ignoring what the LRS sets: id when the payload has none, authority, stored, version, timestamp when
/// the payload has none) and, when the header carries an x5c certificate chain, verifies the signature
/// with the first certificate's RSA key. Anything else is refused with 400.
/// </summary>
public static class StatementSignature
{
    public static void Verify(byte[] jwsBytes, JsonObject statement, JsonObject signatureAttachment, string path)
    {
        ArgumentNullException.ThrowIfNull(statement);
        string jws;
        try
        {
            jws = new UTF8Encoding(false, true).GetString(jwsBytes).Trim();
        }
        catch (DecoderFallbackException)
        {
            throw Bad(path, "the signature is not text; expected a JWS in compact serialisation (header.payload.signature)");
        }

        var segments = jws.Split('.');
        if (segments.Length != 3 || segments.Any(s => s.Length == 0))
        {
            throw Bad(path, "the signature is not a JWS in compact serialisation (three base64url segments: header.payload.signature)");
        }

        var header = JsonSegment(segments[0], path, "header") as JsonObject ?? throw Bad(path, "the JWS header is not a JSON object");
        var alg = header["alg"] is JsonValue a && a.GetValueKind() == JsonValueKind.String ? a.GetValue<string>() : null;
        var hash = alg switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => throw Bad(path, $"the JWS algorithm must be RS256, RS384 or RS512, not \"{alg ?? "(none)"}\""),
        };

        var payload = JsonSegment(segments[1], path, "payload") as JsonObject ?? throw Bad(path, "the JWS payload is not a statement (JSON object)");
        if (!SameStatement(statement, payload, signatureAttachment))
        {
            throw Bad(path, "the JWS payload is not the statement that was signed: it differs from the received statement (apart from id, authority, stored, version, timestamp and the signature attachment)");
        }

        var signature = Decode(segments[2], path, "signature");
        if (header["x5c"] is not { } x5c)
        {
            return;
        }

        if (x5c is not JsonArray chain || chain.Count == 0 || chain[0] is not JsonValue first || first.GetValueKind() != JsonValueKind.String)
        {
            throw Bad(path, "the JWS header's x5c must be a non-empty array of base64 DER certificates");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(first.GetValue<string>()));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw Bad(path, "the JWS header's x5c[0] is not a base64 DER X.509 certificate");
        }

        using (certificate)
        {
            using var rsa = certificate.GetRSAPublicKey() ?? throw Bad(path, "the certificate in x5c[0] has no RSA key, so it cannot have made an RS signature");
            var signingInput = Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]);
            if (!rsa.VerifyData(signingInput, signature, hash, RSASignaturePadding.Pkcs1))
            {
                throw Bad(path, "the JWS signature does not verify with the certificate in its x5c header");
            }
        }
    }

    /// <summary>The received statement, less its signature attachment and what the LRS sets, equals the signed payload.</summary>
    public static bool SameStatement(JsonObject received, JsonObject payload, JsonObject signatureAttachment)
    {
        var copy = (JsonObject)received.DeepClone();
        if (copy["attachments"] is JsonArray attachments)
        {
            var index = attachments.Select((a, i) => (a, i)).First(p => JsonNode.DeepEquals(p.a, signatureAttachment)).i;
            attachments.RemoveAt(index);
            if (attachments.Count == 0 && payload["attachments"] is null)
            {
                copy.Remove("attachments");
            }
        }

        if (payload["id"] is null)
        {
            copy.Remove("id");
        }

        return StatementComparer.SameContent(payload, copy);
    }

    private static JsonNode? JsonSegment(string segment, string path, string what)
    {
        try
        {
            return JsonNode.Parse(Decode(segment, path, what));
        }
        catch (JsonException)
        {
            throw Bad(path, $"the JWS {what} is not JSON");
        }
    }

    private static byte[] Decode(string segment, string path, string what)
    {
        try
        {
            return Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            throw Bad(path, $"the JWS {what} is not base64url");
        }
    }

    private static XapiException Bad(string path, string message) => XapiException.BadRequest(path + ": " + message);
}
