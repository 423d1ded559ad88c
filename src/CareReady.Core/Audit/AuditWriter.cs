using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareReady.Core.Audit;

/// <summary>What is to be recorded, before it gets its place in a chain (sequence, hashes) and its actor and time.</summary>
public sealed record AuditRecord(int? OrganisationId, string Action, string EntityType, string EntityId, string? Before, string? After);

/// <summary>
/// Appends entries to their chains inside the context's current transaction, with plain commands
/// (never through the change tracker, so writing the trail can never itself be audited or recurse):
/// lock each chain head, number and hash the entries, insert them in multi-row batches, move the heads.
/// </summary>
internal static class AuditWriter
{
    /// <summary>The chain of entries without an organisation.</summary>
    public const int SystemChain = 0;

    public static int ChainOf(int? organisationId) => organisationId ?? SystemChain;

    /// <summary>
    /// Locks the heads of <paramref name="chains"/> (creating missing ones) until the transaction ends
    /// and returns their state. PostgreSQL: <c>SELECT … FOR UPDATE</c> in chain order, so two writers
    /// never wait on each other in a circle. SQLite: the transaction's write lock already serialises
    /// writers (the caller has written before this is called, or began the transaction IMMEDIATE).
    /// </summary>
    public static async Task<Dictionary<int, (long Sequence, string Hash)>> LockHeadsAsync(
        DbContext db, IReadOnlyCollection<int> chains, bool async, CancellationToken ct)
    {
        var heads = new Dictionary<int, (long, string)>();
        if (chains.Count == 0)
        {
            return heads;
        }

        var sql = Sql.For(db);
        var ordered = chains.Distinct().Order().ToList();
        await ReadHeadsAsync(db, sql, ordered, heads, async, ct);
        var missing = ordered.Where(c => !heads.ContainsKey(c)).ToList();
        if (missing.Count == 0)
        {
            return heads;
        }

        foreach (var chain in missing)
        {
            await using var insert = NewCommand(db);
            insert.CommandText = sql.InsertHead;
            AddParameter(insert, "c", chain);
            AddParameter(insert, "h", AuditHasher.Genesis);
            await ExecuteAsync(insert, async, ct);
        }

        await ReadHeadsAsync(db, sql, missing, heads, async, ct);
        return heads;
    }

    public static async Task AppendAsync(DbContext db, IReadOnlyList<AuditRecord> records, string actor, string? reason,
        DateTime at, bool async, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are written inside the transaction of the change they record.");
        }

        at = AuditHasher.Normalise(at);
        var heads = await LockHeadsAsync(db, [.. records.Select(r => ChainOf(r.OrganisationId))], async, ct);
        var touched = new HashSet<int>();
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var chain = ChainOf(record.OrganisationId);
            var (sequence, previous) = heads[chain];
            var entry = new AuditEntry
            {
                OrganisationId = record.OrganisationId,
                Sequence = sequence + 1,
                At = at,
                Actor = actor,
                Action = record.Action,
                EntityType = record.EntityType,
                EntityId = record.EntityId,
                Before = record.Before,
                After = record.After,
                Reason = reason,
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = AuditHasher.Compute(entry);
            heads[chain] = (entry.Sequence, entry.Hash);
            touched.Add(chain);
            entries.Add(entry);
        }

        await InsertAsync(db, entries, async, ct);

        var sql = Sql.For(db);
        foreach (var chain in touched.Order())
        {
            await using var update = NewCommand(db);
            update.CommandText = sql.UpdateHead;
            AddParameter(update, "c", chain);
            AddParameter(update, "s", heads[chain].Sequence);
            AddParameter(update, "h", heads[chain].Hash);
            await ExecuteAsync(update, async, ct);
        }
    }

    private static async Task ReadHeadsAsync(DbContext db, Sql sql, List<int> chains, Dictionary<int, (long, string)> heads, bool async, CancellationToken ct)
    {
        await using var select = NewCommand(db);
        var names = new List<string>(chains.Count);
        for (var i = 0; i < chains.Count; i++)
        {
            names.Add(AddParameter(select, "c" + i.ToString(CultureInfo.InvariantCulture), chains[i]));
        }

#pragma warning disable CA2100 // Identifiers come from the EF model, values are parameters.
        select.CommandText = string.Format(CultureInfo.InvariantCulture, sql.SelectHeads, string.Join(", ", names));
#pragma warning restore CA2100
        await using var reader = async ? await select.ExecuteReaderAsync(ct) : select.ExecuteReader();
        while (async ? await reader.ReadAsync(ct) : reader.Read())
        {
            heads[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetString(2).Trim());
        }
    }

    private static async Task InsertAsync(DbContext db, List<AuditEntry> entries, bool async, CancellationToken ct)
    {
        var sql = Sql.For(db);
        var batch = Math.Min(db.Database.IsSqlite() ? 64 : 1000, entries.Count);
        var full = sql.BuildInsert(db, batch);
        await using (full)
        {
            var index = 0;
            for (; index + batch <= entries.Count; index += batch)
            {
                sql.Fill(full, entries, index, batch);
                await ExecuteAsync(full, async, ct);
            }

            if (index < entries.Count)
            {
                await using var rest = sql.BuildInsert(db, entries.Count - index);
                sql.Fill(rest, entries, index, entries.Count - index);
                await ExecuteAsync(rest, async, ct);
            }
        }
    }

    private static DbCommand NewCommand(DbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is int timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private static string AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }

    private static async Task ExecuteAsync(DbCommand command, bool async, CancellationToken ct)
    {
        if (async)
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        else
        {
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The statements, with table and column names from the EF model, quoted for the provider.</summary>
    private sealed class Sql
    {
        private static readonly string[] EntryColumns =
        [
            nameof(AuditEntry.OrganisationId), nameof(AuditEntry.Sequence), nameof(AuditEntry.At), nameof(AuditEntry.Actor),
            nameof(AuditEntry.Action), nameof(AuditEntry.EntityType), nameof(AuditEntry.EntityId), nameof(AuditEntry.Before),
            nameof(AuditEntry.After), nameof(AuditEntry.Reason), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash),
        ];

        private static readonly Func<AuditEntry, object?>[] EntryValues =
        [
            e => e.OrganisationId, e => e.Sequence, e => e.At, e => e.Actor, e => e.Action, e => e.EntityType, e => e.EntityId,
            e => e.Before, e => e.After, e => e.Reason, e => e.PreviousHash, e => e.Hash,
        ];

        private readonly string _insertHead;
        private readonly RelationalTypeMapping[] _mappings;
        private readonly ISqlGenerationHelper _helper;

        private Sql(DbContext db)
        {
            _helper = db.GetService<ISqlGenerationHelper>();
            var head = db.Model.FindEntityType(typeof(AuditChainHead))!;
            var headTable = StoreObjectIdentifier.Table(head.GetTableName()!, head.GetSchema());
            string HeadColumn(string property) => _helper.DelimitIdentifier(head.FindProperty(property)!.GetColumnName(headTable)!);
            var heads = _helper.DelimitIdentifier(headTable.Name, headTable.Schema);
            var chain = HeadColumn(nameof(AuditChainHead.ChainId));
            var sequence = HeadColumn(nameof(AuditChainHead.LastSequence));
            var hash = HeadColumn(nameof(AuditChainHead.LastHash));
            var forUpdate = db.Database.IsNpgsql() ? " FOR UPDATE" : "";
            SelectHeads = $"SELECT {chain}, {sequence}, {hash} FROM {heads} WHERE {chain} IN ({{0}}) ORDER BY {chain}{forUpdate}";
            _insertHead = $"INSERT INTO {heads} ({chain}, {sequence}, {hash}) VALUES (@c, 0, @h) ON CONFLICT ({chain}) DO NOTHING";
            UpdateHead = $"UPDATE {heads} SET {sequence} = @s, {hash} = @h WHERE {chain} = @c";

            var entry = db.Model.FindEntityType(typeof(AuditEntry))!;
            var entryTable = StoreObjectIdentifier.Table(entry.GetTableName()!, entry.GetSchema());
            var properties = EntryColumns.Select(c => entry.FindProperty(c)!).ToArray();
            _mappings = [.. properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
            InsertEntriesHead = "INSERT INTO " + _helper.DelimitIdentifier(entryTable.Name, entryTable.Schema) + " ("
                + string.Join(", ", properties.Select(p => _helper.DelimitIdentifier(p.GetColumnName(entryTable)!))) + ") VALUES ";
        }

        public string SelectHeads { get; }
        public string InsertHead => _insertHead;
        public string UpdateHead { get; }
        private string InsertEntriesHead { get; }

        private static readonly Dictionary<(IModel, bool), Sql> Cache = [];
        private static readonly Lock CacheLock = new();

        public static Sql For(DbContext db)
        {
            var key = (db.Model, db.Database.IsNpgsql());
            lock (CacheLock)
            {
                if (!Cache.TryGetValue(key, out var sql))
                {
                    sql = new Sql(db);
                    Cache[key] = sql;
                }

                return sql;
            }
        }

        public DbCommand BuildInsert(DbContext db, int rows)
        {
            var command = NewCommand(db);
            var text = new StringBuilder(InsertEntriesHead, InsertEntriesHead.Length + (rows * EntryColumns.Length * 8));
            for (var r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < EntryColumns.Length; c++)
                {
                    var name = "p" + r.ToString(CultureInfo.InvariantCulture) + "_" + c.ToString(CultureInfo.InvariantCulture);
                    text.Append(c == 0 ? "" : ", ").Append(_helper.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(_mappings[c].CreateParameter(command, _helper.GenerateParameterName(name), null, nullable: true));
                }

                text.Append(')');
            }

#pragma warning disable CA2100 // Identifiers come from the EF model, values are parameters.
            command.CommandText = text.ToString();
#pragma warning restore CA2100
            return command;
        }

        public void Fill(DbCommand command, List<AuditEntry> entries, int start, int rows)
        {
            var i = 0;
            for (var r = 0; r < rows; r++)
            {
                var entry = entries[start + r];
                for (var c = 0; c < EntryValues.Length; c++)
                {
                    var value = EntryValues[c](entry);
                    if (value is not null && _mappings[c].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    command.Parameters[i++].Value = value ?? DBNull.Value;
                }
            }
        }
    }
}
