namespace CareReady.Core.Xapi;

/// <summary>
/// The raw data of a statement attachment sent as a multipart/mixed part, stored once per organisation
/// and SHA-2 hash (statements refer to it by their attachment's <c>sha2</c>), so the same file sent with
/// many statements is kept once.
/// </summary>
public sealed class XapiAttachment
{
    public int OrganisationId { get; set; }

    /// <summary>The SHA-2 hash in lower-case hexadecimal, as the statement's attachment gives it.</summary>
    public required string Sha2 { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    public required byte[] Content { get; set; }

    public DateTime Stored { get; set; }
}
