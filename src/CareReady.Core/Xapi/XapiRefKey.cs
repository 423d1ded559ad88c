using System.Security.Cryptography;
using System.Text;

namespace CareReady.Core.Xapi;

/// <summary>
/// What an index row stores for an agent key, activity IRI, verb or registration: the first 16 bytes of the SHA-256 of
/// its UTF-8 text, as a UUID. The texts are long (an IRI is often 60–120 bytes) and every statement writes about five
/// rows, so at 10M statements the text key was the largest random-insert index of the store (7.1 GB); the hash keeps
/// it to a fixed 16 bytes. A collision needs about 2⁶⁴ keys, and finding one that matches a given key is a preimage of
/// SHA-256, so a filter cannot be made to return another agent's or activity's statements (see
/// docs/decisions/0024-lrs-hashed-index-keys.md). The migration that introduced it computes the same value in SQL
/// (PostgreSQL: <c>encode(substring(sha256(convert_to(key, 'UTF8')) from 1 for 16), 'hex')::uuid</c>).
/// </summary>
public static class XapiRefKey
{
    /// <summary>The name of the SQLite function the hashing migration calls (registered by <see cref="Data.DatabaseMigrator"/>).</summary>
    public const string SqliteFunction = "careready_xapi_ref_key";

    public static Guid Of(string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..written], hash);
        // Big-endian: the UUID's text is the hash's first 16 bytes in hex, as PostgreSQL's uuid of them reads.
        return new Guid(hash[..16], bigEndian: true);
    }
}
