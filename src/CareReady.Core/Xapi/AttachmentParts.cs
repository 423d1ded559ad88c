using System.Security.Cryptography;

namespace CareReady.Core.Xapi;

/// <summary>
/// One raw attachment part of a multipart/mixed statement request: the hash its
/// <c>X-Experience-API-Hash</c> header declares (already checked against the data), its
/// Content-Type header (if any) and the data.
/// </summary>
public sealed record AttachmentPart(string Sha2, string? ContentType, byte[] Content);

/// <summary>SHA-2 hashes of attachment data, chosen by the length of the declared hash.</summary>
public static class AttachmentHash
{
    /// <summary>
    /// The hash of <paramref name="data"/> with the SHA-2 function whose output has the length of
    /// <paramref name="declared"/> (64 hex digits SHA-256, 96 SHA-384, 128 SHA-512), in lower-case hex;
    /// null when the length names no function this LRS computes (SHA-224 has no .NET implementation).
    /// </summary>
    public static string? Compute(string declared, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var hash = declared.Length switch
        {
            64 => SHA256.HashData(data),
            96 => SHA384.HashData(data),
            128 => SHA512.HashData(data),
            _ => null,
        };
        return hash is null ? null : Convert.ToHexStringLower(hash);
    }
}
