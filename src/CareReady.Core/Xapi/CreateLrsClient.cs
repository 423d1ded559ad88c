using System.Security.Cryptography;
using System.Text;
using CareReady.Core.Data;

namespace CareReady.Core.Xapi;

public sealed record CreateLrsClientInput(int OrganisationId, string Name, bool CanRead, bool CanWrite);

/// <summary>The new client's credentials; the secret exists only here.</summary>
public sealed record LrsCredentials(int ClientId, string Key, string Secret);

/// <summary>Creates an LRS client: a random key and a 256-bit secret, kept as its SHA-256 hash.</summary>
public sealed class CreateLrsClient(AppDbContext db, TimeProvider time)
{
    public async Task<LrsCredentials> RunAsync(CreateLrsClientInput input, string actor, CancellationToken ct = default)
    {
        var name = input.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("The client needs a name of 1 to 200 characters.", nameof(input));
        }

        if (!input.CanRead && !input.CanWrite)
        {
            throw new ArgumentException("Give the client read, write or both.", nameof(input));
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new LrsClient
        {
            OrganisationId = input.OrganisationId,
            Name = name,
            Key = key,
            SecretHash = HashSecret(secret),
            CanRead = input.CanRead,
            CanWrite = input.CanWrite,
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.LrsClients.Add(client);
        await db.SaveChangesAsync(ct);
        return new LrsCredentials(client.Id, key, secret);
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time check of a presented secret against the stored hash.</summary>
    public static bool Verify(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
