using System.Security.Cryptography;

namespace CareReady.Core.Learning;

/// <summary>
/// Verification codes: 60 random bits as 12 characters of Crockford's base 32 in groups of four
/// ("K7QF-M2XD-9RWA") — unguessable, easy to read aloud, no I/L/O/U to mistake. Lookups ignore case,
/// spaces and hyphens, and read I/L as 1 and O as 0.
/// </summary>
public static class CertificateCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[14];
        for (int i = 0, c = 0; i < 12; i++)
        {
            if (i is 4 or 8)
            {
                chars[c++] = '-';
            }

            chars[c++] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>The code as stored, or null when what was typed cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var clean = new List<char>(12);
        foreach (var ch in typed.ToUpperInvariant())
        {
            var c = ch switch { 'I' or 'L' => '1', 'O' => '0', _ => ch };
            if (c is '-' or ' ')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            clean.Add(c);
        }

        return clean.Count == 12 ? $"{new string([.. clean[..4]])}-{new string([.. clean[4..8]])}-{new string([.. clean[8..]])}" : null;
    }
}
