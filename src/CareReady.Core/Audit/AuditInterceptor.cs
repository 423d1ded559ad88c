using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using CareReady.Core.Identity;

namespace CareReady.Core.Audit;

/// <summary>
/// Records every insert, update and delete of the <see cref="AuditedTypes"/> in the audit trail, in the
/// same transaction as the change itself.
/// </summary>
/// <remarks>
/// <para>Before the save: note what changes (updates: the changed fields before and after; deletes:
/// every field), start a transaction if none is open, and on PostgreSQL lock the chain heads of the
/// organisations concerned (head first, then rows: one lock order for every writer).</para>
/// <para>After the save, still inside the transaction: read inserted rows (their generated ids are now
/// known), append all entries in one batch (<see cref="AuditWriter"/>), and commit the transaction if it
/// was started here. A failed save rolls that transaction back, so there is never a change without its
/// entry or an entry without its change.</para>
/// <para>One instance per scope (it carries the scope's <see cref="AuditContext"/>); entries are written
/// with plain commands, never through the change tracker, so they are not themselves intercepted.</para>
/// </remarks>
public sealed class AuditInterceptor(AuditContext audit, TimeProvider time) : SaveChangesInterceptor
{
    private readonly Dictionary<DbContext, Pending> _pending = new(ReferenceEqualityComparer.Instance);

    /// <summary>The actor, reason and suppression of this scope.</summary>
    public AuditContext Context => audit;

    /// <summary>The interceptor a context was configured with, if any (a context built without DI has none).</summary>
    public static AuditInterceptor? For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?
            .OfType<AuditInterceptor>().FirstOrDefault();
    }

    /// <summary>
    /// Appends entries that are not row changes (e.g. "demo.seeded"), now: in the context's open
    /// transaction, or in one of its own.
    /// </summary>
    public async Task RecordAsync(DbContext db, IReadOnlyList<AuditRecord> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(records);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await AuditWriter.AppendAsync(db, records, audit.Actor, audit.Reason, time.GetUtcNow().UtcDateTime, async: true, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeginAsync(eventData.Context, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await BeginAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CompleteAsync(eventData.Context, async: false, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await CompleteAsync(eventData.Context, async: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        AbandonAsync(eventData.Context, async: false).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context, async: true);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        AbandonAsync(eventData.Context, async: false).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        AbandonAsync(eventData.Context, async: true);

    /// <summary>Notes the changes (updates and deletes must be read before the save accepts them) and opens the transaction.</summary>
    private async Task BeginAsync(DbContext? db, bool async, CancellationToken ct)
    {
        if (db is null)
        {
            return;
        }

        if (_pending.Remove(db, out var stale))
        {
            await EndTransactionAsync(stale, commit: false, async, CancellationToken.None); // an earlier save that never completed
        }

        if (audit.IsSuppressed)
        {
            return;
        }

        var changes = await CaptureAsync(db, async, ct);
        if (changes.Count == 0)
        {
            return;
        }

        var pending = new Pending(changes, audit.Actor, audit.Reason, time.GetUtcNow().UtcDateTime);
        try
        {
            if (db.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null)
            {
                pending.Transaction = async ? await db.Database.BeginTransactionAsync(ct) : db.Database.BeginTransaction();
            }

            if (db.Database.IsNpgsql())
            {
                var known = changes.Where(c => c.Chain is not null).Select(c => c.Chain!.Value).ToList();
                await AuditWriter.LockHeadsAsync(db, known, async, ct);
            }
        }
        catch
        {
            await EndTransactionAsync(pending, commit: false, async, CancellationToken.None);
            throw;
        }

        _pending[db] = pending;
    }

    /// <summary>Writes the entries (inserted rows now have their ids) and commits a transaction begun here.</summary>
    private async Task CompleteAsync(DbContext? db, bool async, CancellationToken ct)
    {
        if (db is null || !_pending.Remove(db, out var pending))
        {
            return;
        }

        try
        {
            var records = new List<AuditRecord>(pending.Changes.Count);
            foreach (var change in pending.Changes)
            {
                records.Add(change.Inserted is { } inserted ? Inserted(change.Type!, inserted) : change.Record!);
            }

            await AuditWriter.AppendAsync(db, records, pending.Actor, pending.Reason, pending.At, async, ct);
            await EndTransactionAsync(pending, commit: true, async, ct);
        }
        catch
        {
            await EndTransactionAsync(pending, commit: false, async, CancellationToken.None);
            throw;
        }
    }

    private async Task AbandonAsync(DbContext? db, bool async)
    {
        if (db is not null && _pending.Remove(db, out var pending))
        {
            await EndTransactionAsync(pending, commit: false, async, CancellationToken.None);
        }
    }

    private static async Task EndTransactionAsync(Pending pending, bool commit, bool async, CancellationToken ct)
    {
        if (pending.Transaction is not { } transaction)
        {
            return;
        }

        pending.Transaction = null;
        try
        {
            if (commit)
            {
                if (async)
                {
                    await transaction.CommitAsync(ct);
                }
                else
                {
                    transaction.Commit();
                }
            }
        }
        finally
        {
            // Disposing an uncommitted transaction rolls it back.
            if (async)
            {
                await transaction.DisposeAsync();
            }
            else
            {
                transaction.Dispose();
            }
        }
    }

    private static async Task<List<Change>> CaptureAsync(DbContext db, bool async, CancellationToken ct)
    {
        var changes = new List<Change>();
        List<EntityEntry>? roleChanges = null;
        Dictionary<string, int>? userOrganisations = null;
        Dictionary<string, string?>? roleNames = null;

        // Entries() runs DetectChanges (unless the caller turned that off), so this sees every change.
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            var clr = entry.Metadata.ClrType;
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                // Remember accounts and roles in memory; role changes refer to them.
                if (entry.Entity is AppUser user)
                {
                    (userOrganisations ??= [])[user.Id] = user.OrganisationId;
                }
                else if (entry.Entity is IdentityRole role)
                {
                    (roleNames ??= [])[role.Id] = role.Name;
                }

                continue;
            }

            if (clr == typeof(AuditEntry) || clr == typeof(AuditChainHead))
            {
                throw new InvalidOperationException("The audit trail is append-only and written only by the audit interceptor; audit rows cannot be added, changed or deleted through the context.");
            }

            if (entry.Entity is AppUser changedUser)
            {
                (userOrganisations ??= [])[changedUser.Id] = changedUser.OrganisationId;
            }
            else if (entry.Entity is IdentityRole changedRole)
            {
                (roleNames ??= [])[changedRole.Id] = changedRole.Name;
            }

            if (clr == typeof(IdentityUserRole<string>))
            {
                (roleChanges ??= []).Add(entry);
                continue;
            }

            if (AuditedTypes.Find(clr) is not { } type)
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    // A new organisation's chain is known only once it has its id.
                    changes.Add(new Change(type, entry, type.IsOrganisation ? null : AuditWriter.ChainOf(OrganisationOf(entry)), null));
                    break;
                case EntityState.Deleted:
                    var gone = Fields(type, entry, p => entry.Property(p).OriginalValue);
                    var deletedOrg = type.IsOrganisation ? (int?)entry.Property("Id").OriginalValue : OrganisationOf(entry);
                    changes.Add(new Change(type, null, AuditWriter.ChainOf(deletedOrg),
                        new AuditRecord(deletedOrg, AuditActions.Deleted, type.Name, KeyOf(entry, original: true), AuditJson.Object(gone), null)));
                    break;
                case EntityState.Modified:
                    if (await ModifiedAsync(type, entry, async, ct) is { } record)
                    {
                        changes.Add(new Change(type, null, AuditWriter.ChainOf(record.OrganisationId), record));
                    }

                    break;
            }
        }

        if (roleChanges is not null)
        {
            foreach (var entry in roleChanges)
            {
                var userId = (string)entry.Property(nameof(IdentityUserRole<string>.UserId)).CurrentValue!;
                var roleId = (string)entry.Property(nameof(IdentityUserRole<string>.RoleId)).CurrentValue!;
                userOrganisations ??= [];
                if (!userOrganisations.TryGetValue(userId, out var organisation))
                {
                    var query = db.Set<AppUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => (int?)u.OrganisationId);
                    organisation = (async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault()) ?? 0;
                    userOrganisations[userId] = organisation;
                }

                roleNames ??= [];
                if (!roleNames.TryGetValue(roleId, out var roleName))
                {
                    var query = db.Set<IdentityRole>().AsNoTracking().Where(r => r.Id == roleId).Select(r => r.Name);
                    roleName = async ? await query.FirstOrDefaultAsync(ct) : query.FirstOrDefault();
                    roleNames[roleId] = roleName;
                }

                var added = entry.State == EntityState.Added;
                var json = AuditJson.Object([new("Role", roleName ?? roleId)]);
                int? chain = organisation == 0 ? null : organisation;
                changes.Add(new Change(null, null, AuditWriter.ChainOf(chain), new AuditRecord(chain,
                    added ? AuditActions.RoleAdded : AuditActions.RoleRemoved, nameof(AppUser), userId,
                    added ? null : json, added ? json : null)));
            }
        }

        return changes;
    }

    /// <summary>The changed recorded fields, before and after; null when nothing recorded changed.</summary>
    private static async Task<AuditRecord?> ModifiedAsync(AuditedType type, EntityEntry entry, bool async, CancellationToken ct)
    {
        var before = new List<KeyValuePair<string, object?>>();
        var after = new List<KeyValuePair<string, object?>>();
        var marked = false;
        var differs = false;
        foreach (var property in entry.Properties)
        {
            if (!property.IsModified)
            {
                continue;
            }

            marked = true;
            if (Same(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }

            differs = true;
            if (type.Includes(property.Metadata.Name))
            {
                before.Add(new(property.Metadata.Name, property.OriginalValue));
                after.Add(new(property.Metadata.Name, property.CurrentValue));
            }
        }

        if (marked && !differs)
        {
            // Attached and marked modified without being loaded (context.Update(detached)): the original
            // values are not known, so the stored ones are the "before".
            var stored = async ? await entry.GetDatabaseValuesAsync(ct) : entry.GetDatabaseValues();
            if (stored is not null)
            {
                foreach (var property in entry.Properties)
                {
                    var old = stored[property.Metadata];
                    if (property.IsModified && type.Includes(property.Metadata.Name) && !Same(old, property.CurrentValue))
                    {
                        before.Add(new(property.Metadata.Name, old));
                        after.Add(new(property.Metadata.Name, property.CurrentValue));
                    }
                }
            }
        }

        if (after.Count == 0)
        {
            return null;
        }

        var organisation = type.IsOrganisation ? (int?)entry.Property("Id").CurrentValue : OrganisationOf(entry);
        return new AuditRecord(organisation, AuditActions.Updated, type.Name, KeyOf(entry, original: false),
            AuditJson.Object(before), AuditJson.Object(after));
    }

    private static AuditRecord Inserted(AuditedType type, EntityEntry entry)
    {
        var organisation = type.IsOrganisation ? (int?)entry.Property("Id").CurrentValue : OrganisationOf(entry);
        return new AuditRecord(organisation, AuditActions.Created, type.Name, KeyOf(entry, original: false), null,
            AuditJson.Object(Fields(type, entry, p => entry.Property(p).CurrentValue)));
    }

    private static List<KeyValuePair<string, object?>> Fields(AuditedType type, EntityEntry entry, Func<string, object?> read) =>
        [.. entry.Metadata.GetProperties().Where(p => type.Includes(p.Name)).Select(p => new KeyValuePair<string, object?>(p.Name, read(p.Name)))];

    private static int? OrganisationOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("OrganisationId") is { } property && entry.Property(property.Name).CurrentValue is int id && id > 0 ? id : null;

    private static string KeyOf(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey()!;
        return string.Join(",", key.Properties.Select(p =>
        {
            var value = original ? entry.Property(p.Name).OriginalValue : entry.Property(p.Name).CurrentValue;
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }));
    }

    private static bool Same(object? a, object? b) =>
        a is byte[] x && b is byte[] y ? x.AsSpan().SequenceEqual(y)
        : a is IStructuralEquatable s ? s.Equals(b, StructuralComparisons.StructuralEqualityComparer)
        : Equals(a, b);

    /// <summary>A noted change: an inserted row (read after the save) or a finished record; <paramref name="Chain"/> is null while unknown.</summary>
    private sealed record Change(AuditedType? Type, EntityEntry? Inserted, int? Chain, AuditRecord? Record);

    private sealed class Pending(List<Change> changes, string actor, string? reason, DateTime at)
    {
        public List<Change> Changes { get; } = changes;
        public string Actor { get; } = actor;
        public string? Reason { get; } = reason;
        public DateTime At { get; } = at;
        public IDbContextTransaction? Transaction { get; set; }
    }
}

/// <summary>The <see cref="AuditEntry.Action"/> values written for row changes.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string RoleAdded = "role.added";
    public const string RoleRemoved = "role.removed";
    public const string DemoSeeded = "demo.seeded";
}
