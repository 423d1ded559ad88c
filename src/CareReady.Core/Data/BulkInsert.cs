using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareReady.Core.Data;

/// <summary>
/// Fast inserts for large tables (the demo, the benchmark, a regulatory change's caps): multi-row <c>INSERT … VALUES (…), (…)</c> commands,
/// prepared once and reused with new parameter values (binary COPY on PostgreSQL), inside the context's current transaction.
/// Table, column names, quoting and parameter types all come from the EF model, so it works the same
/// on SQLite and PostgreSQL. Database-generated keys are left out.
/// </summary>
internal static class BulkInsert
{
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read)
    {
        /// <summary>The row's value as the database stores it (through the mapping's converter), or null.</summary>
        public object? ValueOf(object row)
        {
            var value = Read(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        /// <summary>The element type of an array of this column's stored values (nullable for value types); found once.</summary>
        public Type ArrayElementType { get; } = ElementType(Mapping);

        private static Type ElementType(RelationalTypeMapping mapping)
        {
            var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            type = Nullable.GetUnderlyingType(type) ?? type;
            return type.IsValueType ? typeof(Nullable<>).MakeGenericType(type) : type;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), List<Column>> ColumnCache = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type, int, string?), string> UnnestSql = new();

    /// <summary>
    /// The most rows (of two tables together) that go in one batch of <c>INSERT</c>s on PostgreSQL; more go by COPY, two
    /// round trips a table. (Chosen when the batch was multi-row <c>VALUES</c> lists, which PostgreSQL parsed and planned
    /// each time: groups of 200 statements and their ~1,000 index rows wrote 30% slower that way. Not measured again
    /// since the inserts became prepared <c>unnest</c> arrays.)
    /// </summary>
    private const int MaxBatchedRows = 250;

    /// <summary>
    /// Inserts rows of two tables. On PostgreSQL, a few rows go as two prepared <c>INSERT … SELECT FROM unnest</c> sent in
    /// one batch — one round trip (a COPY takes two per table) — and many by binary COPY.
    /// </summary>
    public static async Task InsertAsync<T1, T2>(AppDbContext db, IReadOnlyList<T1> first, IReadOnlyList<T2> second, CancellationToken cancellationToken)
        where T1 : class
        where T2 : class
    {
        if (db.Database.GetDbConnection() is not Npgsql.NpgsqlConnection npgsql || first.Count + second.Count > MaxBatchedRows)
        {
            var rowsPerCommand = db.Database.IsNpgsql() ? 512 : 64;
            await InsertAsync(db, first, rowsPerCommand, cancellationToken).ConfigureAwait(false);
            await InsertAsync(db, second, rowsPerCommand, cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var batch = npgsql.CreateBatch();
        batch.Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        AddInsert(db, batch, first);
        AddInsert(db, batch, second);
        if (batch.BatchCommands.Count > 0)
        {
            // Prepared once per physical connection (the text does not depend on the row count); later calls find it.
            await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One <c>INSERT … SELECT * FROM unnest($1, $2, …)</c>: a column's values go as one array parameter, so the command's
    /// text is the same for any number of rows and PostgreSQL parses and plans it once per connection (prepared), where
    /// a multi-row <c>VALUES</c> list is a new statement for every row count.
    /// </summary>
    private static void AddInsert<T>(AppDbContext db, Npgsql.NpgsqlBatch batch, IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (sql, parameters) = UnnestInsert(db, rows, firstParameter: 1, condition: null);
#pragma warning disable CA2100 // Built only from the EF model's identifiers and positional parameters; values are parameters.
        var command = new Npgsql.NpgsqlBatchCommand(sql);
#pragma warning restore CA2100
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
    }

    /// <summary>
    /// The text and parameters of an <c>INSERT … SELECT * FROM unnest($n::type[], …) [WHERE condition]</c> of the rows, its
    /// array parameters numbered from <paramref name="firstParameter"/> (so it can be part of a larger statement). The
    /// text depends only on the entity type, the first parameter's number and the condition.
    /// </summary>
    internal static (string Sql, Npgsql.NpgsqlParameter[] Parameters) UnnestInsert<T>(AppDbContext db, IReadOnlyList<T> rows, int firstParameter, string? condition)
        where T : class
    {
        var (table, columns, sql) = Describe<T>(db);
        var text = UnnestSql.GetOrAdd((db.Model, typeof(T), firstParameter, condition), _ => new System.Text.StringBuilder("INSERT INTO ").Append(table).Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))).Append(") SELECT * FROM unnest(")
            .AppendJoin(", ", columns.Select((c, i) => "$" + (firstParameter + i) + "::" + c.Mapping.StoreType + "[]")).Append(')')
            .Append(condition is null ? "" : " WHERE " + condition).ToString());
        var parameters = new Npgsql.NpgsqlParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var values = Array.CreateInstance(column.ArrayElementType, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                values.SetValue(column.ValueOf(rows[r]), r);
            }

            parameters[c] = new Npgsql.NpgsqlParameter { Value = values, DataTypeName = column.Mapping.StoreType + "[]" };
        }

        return (text, parameters);
    }

    private static (string Table, List<Column> Columns, ISqlGenerationHelper Sql) Describe<T>(AppDbContext db)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not an entity type.");
        var table = entity.GetTableName()!;
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();
        // Compiling the getters costs milliseconds: once per model and entity type (the LRS inserts per request).
        var columns = ColumnCache.GetOrAdd((db.Model, typeof(T)), _ => entity.GetProperties()
            .Where(p => p.PropertyInfo is not null && !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new Column(p.GetColumnName(store)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter(p.PropertyInfo!)))
            .ToList());
        return (sql.DelimitIdentifier(table, schema), columns, sql);
    }

    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, int rowsPerCommand, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (table, columns, sql) = Describe<T>(db);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            // PostgreSQL: binary COPY (in the current transaction: a COPY runs on the connection that holds it).
            await CopyAsync(npgsql, table, columns, rows, sql, cancellationToken).ConfigureAwait(false);
            return;
        }

        var head = "INSERT INTO " + table + " ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))) + ") VALUES ";

        DbCommand Build(int rowCount)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder(head);
            for (var r = 0; r < rowCount; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "p" + r + "_" + c;
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(columns[c].Mapping.CreateParameter(command, sql.GenerateParameterName(name), null, nullable: true));
                }

                text.Append(')');
            }

#pragma warning disable CA2100 // Built only from the EF model's identifiers and parameter placeholders; values are parameters.
            command.CommandText = text.ToString();
#pragma warning restore CA2100
            return command;
        }

        var batch = Math.Min(rowsPerCommand, rows.Count);
        var full = Build(batch);
        await using (full.ConfigureAwait(false))
        {
            await full.PrepareAsync(cancellationToken).ConfigureAwait(false);
            var index = 0;
            for (; index + batch <= rows.Count; index += batch)
            {
                Fill(full, columns, rows, index, batch);
                await full.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var rest = rows.Count - index;
            if (rest > 0)
            {
                var tail = Build(rest);
                await using (tail.ConfigureAwait(false))
                {
                    Fill(tail, columns, rows, index, rest);
                    await tail.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task CopyAsync<T>(Npgsql.NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<T> rows,
        ISqlGenerationHelper sql, CancellationToken ct)
        where T : class
    {
        var copy = "COPY " + table + " (" + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))) + ") FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct).ConfigureAwait(false);
            foreach (var column in columns)
            {
                if (column.ValueOf(row) is { } value)
                {
                    await importer.WriteAsync(value, column.Mapping.StoreType, ct).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(ct).ConfigureAwait(false);
                }
            }
        }

        await importer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static void Fill<T>(DbCommand command, List<Column> columns, IReadOnlyList<T> rows, int start, int count)
        where T : class
    {
        var parameters = command.Parameters;
        var i = 0;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            foreach (var column in columns)
            {
                parameters[i++].Value = column.ValueOf(row) ?? DBNull.Value;
            }
        }
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "row");
        var body = Expression.Convert(Expression.Property(Expression.Convert(instance, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
    }
}
