using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <summary>The fetch URL's answer: the token, or a cmi5 error code and text (section 8.2.3).</summary>
public sealed record Cmi5FetchResult(string? AuthToken, string? ErrorCode = null, string? ErrorText = null);

/// <summary>
/// The one-time fetch URL (cmi5 8.2): the first POST with the right code gets the session's auth token
/// (a new random secret, stored only as a hash); every later call gets error 1 and no token.
/// </summary>
public sealed class FetchAuthToken(AppDbContext db, TimeProvider time)
{
    public async Task<Cmi5FetchResult> RunAsync(Guid sessionId, string code, CancellationToken ct = default)
    {
        var session = await db.Cmi5Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == sessionId, ct);
        if (session is null || !Xapi.CreateLrsClient.Verify(code, session.FetchHash))
        {
            return new Cmi5FetchResult(null, "3", "This fetch URL is not valid.");
        }

        if (session.FetchedAt is not null)
        {
            return new Cmi5FetchResult(null, "1", "The auth token of this session was already fetched; a fetch URL works once. Launch the course again.");
        }

        if (session.AbandonedAt is not null || session.TerminatedAt is not null)
        {
            return new Cmi5FetchResult(null, "2", "This session has ended; launch the course again.");
        }

        var secret = Cmi5Lms.NewSecret();
        session.TokenHash = Cmi5Lms.Hash(secret);
        session.FetchedAt = time.GetUtcNow().UtcDateTime;

        // Only one of two simultaneous first calls may win.
        var won = await db.Cmi5Sessions.Where(s => s.Id == session.Id && s.FetchedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.TokenHash, session.TokenHash).SetProperty(s => s.FetchedAt, session.FetchedAt), ct);
        return won == 1
            ? new Cmi5FetchResult(Cmi5SessionGate.TokenFor(sessionId, secret))
            : new Cmi5FetchResult(null, "1", "The auth token of this session was already fetched; a fetch URL works once. Launch the course again.");
    }
}
