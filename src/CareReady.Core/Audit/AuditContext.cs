using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Audit;

/// <summary>
/// Who is changing things in the current unit of work (a web request, a CLI command, a job) and,
/// optionally, why. Scoped: the web app sets <see cref="Actor"/> per request from the signed-in user,
/// the CLI is "cli", anything else "system". Every audit entry written in the scope carries them.
/// </summary>
public sealed class AuditContext
{
    public const string SystemActor = "system";
    public const string CliActor = "cli";
    public const string AnonymousActor = "anonymous";

    private const int MaxActorLength = 256;
    private const int MaxReasonLength = 2000;

    private string _actor = SystemActor;
    private string? _reason;
    private int _suppressed;

    public AuditContext()
    {
    }

    public AuditContext(string actor) => Actor = actor;

    /// <summary>An account email, "cli" or "system"; never empty.</summary>
    public string Actor
    {
        get => _actor;
        set => _actor = string.IsNullOrWhiteSpace(value) ? SystemActor : Truncate(value.Trim(), MaxActorLength);
    }

    /// <summary>Why the change is made, when the person gave a reason; recorded on every entry until changed.</summary>
    public string? Reason
    {
        get => _reason;
        set => _reason = string.IsNullOrWhiteSpace(value) ? null : Truncate(value.Trim(), MaxReasonLength);
    }

    /// <summary>True while a <see cref="Suppress"/> scope is open: row-level entries are not recorded.</summary>
    public bool IsSuppressed => Volatile.Read(ref _suppressed) > 0;

    /// <summary>
    /// Stops row-level recording until the result is disposed. Only for bulk loads that record one
    /// summary entry themselves instead (the demo seeder); everything else is always audited.
    /// </summary>
    public IDisposable Suppress()
    {
        Interlocked.Increment(ref _suppressed);
        return new Resume(this);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private sealed class Resume(AuditContext context) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref context._suppressed);
            }
        }
    }
}

/// <summary>Lets a use case say why it changes something, for the audit entries of its next save.</summary>
public static class AuditReason
{
    /// <summary>Sets the reason recorded with the next changes saved through <paramref name="db"/> (no-op when not audited).</summary>
    public static void Set(DbContext db, string? reason)
    {
        if (AuditInterceptor.For(db) is { } audit)
        {
            audit.Context.Reason = reason;
        }
    }
}
