using System.Diagnostics;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CareReady.Core.Compliance.Engine;

/// <summary>What <see cref="BenchDataGenerator"/> wrote.</summary>
public sealed record BenchGenerateResult(int Organisations, int Staff, int Positions, long Completions, int Exemptions, TimeSpan Elapsed);

/// <summary>
/// Benchmark data at national scale, deterministic for a seed: trusts of up to 20,000 staff each
/// (75 trusts for 1.5 million), each one a generated demo trust (<see cref="DemoOrganisationGenerator"/>:
/// sites, division → department → ward tree, staff in every staff group with several positions, role
/// changes and leavers, the standard CSTF rules, six years of training history) plus a few exemptions,
/// some revoked. PostgreSQL gets binary COPY; SQLite prepared multi-row inserts.
/// </summary>
public static class BenchDataGenerator
{
    public const int StaffPerTrust = 20_000;
    public const string CodePrefix = "BN";

    /// <summary>The day the data is generated for (fixed, so the same seed always gives the same data).</summary>
    public static readonly DateOnly DefaultToday = new(2026, 11, 27);

    public static async Task<BenchGenerateResult> GenerateAsync(AppDbContext db, int staff, int seed, DateOnly today,
        Action<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var started = Stopwatch.StartNew();
        if (await db.Organisations.AnyAsync(o => o.Code.StartsWith(CodePrefix), ct))
        {
            throw new InvalidOperationException("This database already holds benchmark organisations (codes " + CodePrefix + "…); use a fresh database.");
        }

        var catalogue = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var trusts = (staff + StaffPerTrust - 1) / StaffPerTrust;
        int totalStaff = 0, totalPositions = 0, totalExemptions = 0;
        long totalCompletions = 0;
        // Generation of the next trust overlaps with writing the current one.
        (DemoOrganisation Demo, List<Compliance.Exemption> Exemptions, TimeSpan Took) Make(int t)
        {
            var step = Stopwatch.StartNew();
            var count = Math.Min(StaffPerTrust, staff - (t * StaffPerTrust));
            var demo = DemoOrganisationGenerator.Generate(unchecked((seed * 7919) + t), count, today, catalogue);
            return (demo, Exemptions(new Random(unchecked((seed * 31) + t)), demo, today), step.Elapsed);
        }

        var next = Task.Run(() => Make(0), ct);
        for (var t = 0; t < trusts; t++)
        {
            var (demo, exemptions, generated) = await next;
            next = t + 1 < trusts ? Task.Run(() => Make(t + 1), ct) : null!;
            var step = Stopwatch.StartNew();
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                if (db.Database.IsNpgsql() && await IsSuperuserAsync(db, ct))
                {
                    // The generator's rows are consistent by construction: skip the per-row foreign-key triggers
                    // (they cost more than the COPY itself). Needs a superuser; otherwise the checks just run.
                    await db.Database.ExecuteSqlRawAsync("SET LOCAL session_replication_role = replica", ct);
                }

                var written = await WriteTrustAsync(db, t, demo, exemptions, ct);
                await transaction.CommitAsync(ct);
                totalPositions += written.Positions;
            }

            db.ChangeTracker.Clear();
            totalStaff += demo.Staff.Count;
            totalCompletions += demo.Completions.Count;
            totalExemptions += exemptions.Count;
            progress?.Invoke($"trust {t + 1}/{trusts}: {totalStaff:N0} staff, {totalCompletions:N0} completions, {started.Elapsed.TotalSeconds:0} s (generate {generated.TotalSeconds:0.0} s, write {step.Elapsed.TotalSeconds:0.0} s)");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }

        return new BenchGenerateResult(trusts, totalStaff, totalPositions, totalCompletions, totalExemptions, started.Elapsed);
    }

    /// <summary>About 2% of people get an exemption from one of their organisation's rule competencies; a tenth of those are revoked.</summary>
    private static List<Compliance.Exemption> Exemptions(Random random, DemoOrganisation demo, DateOnly today)
    {
        var list = new List<Compliance.Exemption>();
        foreach (var person in demo.Staff)
        {
            if (random.NextDouble() >= 0.02)
            {
                continue;
            }

            var rule = demo.Rules[random.Next(demo.Rules.Count)];
            var start = today.AddDays(-random.Next(0, 500));
            var end = start.AddDays(random.Next(30, 400));
            list.Add(new Compliance.Exemption
            {
                StaffMemberId = person.Id,
                CompetencyId = rule.CompetencyId,
                Reason = "Benchmark exemption",
                ApprovedBy = "bench",
                ApprovedAt = start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                StartsOn = start,
                EndsOn = end,
                RevokedAt = random.NextDouble() < 0.1 ? start.AddDays(10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc) : null,
                RevokedBy = null,
            });
        }

        return list;
    }

    private static async Task<(int Positions, int Staff)> WriteTrustAsync(AppDbContext db, int index, DemoOrganisation demo,
        List<Compliance.Exemption> exemptions, CancellationToken ct)
    {
        var org = new Organisation { Code = $"{CodePrefix}{index + 1:D3}", Name = $"Benchmark Trust {index + 1:D3}" };
        db.Organisations.Add(org);
        await db.SaveChangesAsync(ct);
        var orgId = org.Id;
        var sites = demo.Sites.ToDictionary(s => s.Id, s => new Site { OrganisationId = orgId, Code = s.Code, Name = s.Name });
        db.Sites.AddRange(sites.Values);
        await db.SaveChangesAsync(ct);

        var map = new Dictionary<int, Department>();
        foreach (var level in demo.Departments.GroupBy(d => d.Path.Count(ch => ch == '/')).OrderBy(g => g.Key))
        {
            foreach (var d in level)
            {
                var row = new Department
                {
                    OrganisationId = orgId, Code = d.Code, Name = d.Name, Kind = d.Kind,
                    SiteId = d.SiteId is int s ? sites[s].Id : null,
                    ParentId = d.ParentId is int p ? map[p].Id : null,
                };
                map[d.Id] = row;
                db.Departments.Add(row);
            }

            await db.SaveChangesAsync(ct);
        }

        foreach (var d in demo.Departments)
        {
            DepartmentTree.AssignPath(map[d.Id], d.ParentId is int p ? map[p] : null);
        }

        db.ChangeTracker.DetectChanges();
        db.RequirementRules.AddRange(demo.Rules.Select(r => new RequirementRule
        {
            OrganisationId = orgId, Name = r.Name, CompetencyId = r.CompetencyId, StaffGroupCode = r.StaffGroupCode, JobRole = r.JobRole,
            DepartmentId = r.DepartmentId is int d ? map[d].Id : null, Clinical = r.Clinical, PatientContact = r.PatientContact,
            WorksWithChildren = r.WorksWithChildren, RegisteredClinician = r.RegisteredClinician, GraceDays = r.GraceDays,
            IsActive = r.IsActive, RequiresObservation = r.RequiresObservation, UpdatedAt = r.UpdatedAt, UpdatedBy = r.UpdatedBy,
        }));
        db.RefresherOverrides.AddRange(demo.RefresherOverrides.Select(o => new RefresherOverride
        {
            OrganisationId = orgId, CompetencyId = o.CompetencyId, Months = o.Months, Justification = o.Justification,
            RecordedBy = o.RecordedBy, RecordedAt = o.RecordedAt,
        }));
        db.SubjectTargets.AddRange(demo.SubjectTargets.Select(t => new SubjectTarget { OrganisationId = orgId, SubjectId = t.SubjectId, TargetPercent = t.TargetPercent }));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var staffRows = demo.Staff.Select(s => new StaffMember
        {
            OrganisationId = orgId, EmployeeNumber = s.EmployeeNumber, FirstName = s.FirstName, LastName = s.LastName,
            WorkEmail = s.WorkEmail, StartDate = s.StartDate, LeavingDate = s.LeavingDate,
            RegistrationBody = s.RegistrationBody, RegistrationNumber = s.RegistrationNumber,
        }).ToList();
        var npg = db.Database.IsNpgsql() ? (NpgsqlConnection)db.Database.GetDbConnection() : null;
        if (npg is not null)
        {
            await CopyAsync(npg, "COPY \"Staff\" (\"OrganisationId\", \"EmployeeNumber\", \"FirstName\", \"LastName\", \"WorkEmail\", \"StartDate\", \"LeavingDate\", \"RegistrationBody\", \"RegistrationNumber\") FROM STDIN (FORMAT BINARY)",
                staffRows, (w, s) =>
                {
                    w.Write(s.OrganisationId, NpgsqlDbType.Integer);
                    w.Write(s.EmployeeNumber, NpgsqlDbType.Varchar);
                    w.Write(s.FirstName, NpgsqlDbType.Varchar);
                    w.Write(s.LastName, NpgsqlDbType.Varchar);
                    w.Write(s.WorkEmail, NpgsqlDbType.Varchar);
                    w.Write(s.StartDate, NpgsqlDbType.Date);
                    WriteNullable(w, s.LeavingDate, NpgsqlDbType.Date);
                    WriteText(w, s.RegistrationBody, NpgsqlDbType.Varchar);
                    WriteText(w, s.RegistrationNumber, NpgsqlDbType.Varchar);
                }, ct);
        }
        else
        {
            await BulkInsert.InsertAsync(db, staffRows, 32, ct);
        }

        var byNumber = await db.Staff.AsNoTracking().Where(s => s.OrganisationId == orgId)
            .Select(s => new { s.Id, s.EmployeeNumber }).ToDictionaryAsync(s => s.EmployeeNumber, s => s.Id, ct);
        var staffIds = demo.Staff.ToDictionary(s => s.Id, s => byNumber[s.EmployeeNumber]);

        var positionRows = demo.Positions.Select(p => new Position
        {
            OrganisationId = orgId, StaffMemberId = staffIds[p.StaffMemberId], AssignmentNumber = p.AssignmentNumber,
            StaffGroupCode = p.StaffGroupCode, JobRole = p.JobRole, Band = p.Band, DepartmentId = map[p.DepartmentId].Id,
            PatientContact = p.PatientContact, WorksWithChildren = p.WorksWithChildren, RegisteredClinician = p.RegisteredClinician,
            StartDate = p.StartDate, EndDate = p.EndDate,
        }).ToList();
        var completionRows = demo.Completions.Select(c => new Completion
        {
            OrganisationId = orgId, StaffMemberId = staffIds[c.StaffMemberId], CompetencyId = c.CompetencyId,
            CompletedOn = c.CompletedOn, Source = c.Source, Reference = c.Reference,
            RecordedBy = "bench", RecordedAt = c.CompletedOn.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
        }).ToList();
        LatestCompletions.MarkNew(completionRows);
        foreach (var e in exemptions)
        {
            e.OrganisationId = orgId;
            e.StaffMemberId = staffIds[e.StaffMemberId];
        }

        if (npg is not null)
        {
            await CopyAsync(npg, "COPY \"Positions\" (\"OrganisationId\", \"StaffMemberId\", \"AssignmentNumber\", \"StaffGroupCode\", \"JobRole\", \"Band\", \"DepartmentId\", \"PatientContact\", \"WorksWithChildren\", \"RegisteredClinician\", \"StartDate\", \"EndDate\") FROM STDIN (FORMAT BINARY)",
                positionRows, (w, p) =>
                {
                    w.Write(p.OrganisationId, NpgsqlDbType.Integer);
                    w.Write(p.StaffMemberId, NpgsqlDbType.Integer);
                    w.Write(p.AssignmentNumber, NpgsqlDbType.Varchar);
                    w.Write(p.StaffGroupCode, NpgsqlDbType.Varchar);
                    w.Write(p.JobRole, NpgsqlDbType.Varchar);
                    w.Write(p.Band, NpgsqlDbType.Varchar);
                    w.Write(p.DepartmentId, NpgsqlDbType.Integer);
                    w.Write(p.PatientContact, NpgsqlDbType.Boolean);
                    w.Write(p.WorksWithChildren, NpgsqlDbType.Boolean);
                    w.Write(p.RegisteredClinician, NpgsqlDbType.Boolean);
                    w.Write(p.StartDate, NpgsqlDbType.Date);
                    WriteNullable(w, p.EndDate, NpgsqlDbType.Date);
                }, ct);
            await CopyAsync(npg, "COPY \"Completions\" (\"OrganisationId\", \"StaffMemberId\", \"CompetencyId\", \"CompletedOn\", \"Source\", \"Reference\", \"RecordedBy\", \"RecordedAt\", \"IsLatest\") FROM STDIN (FORMAT BINARY)",
                completionRows, (w, c) =>
                {
                    w.Write(c.OrganisationId, NpgsqlDbType.Integer);
                    w.Write(c.StaffMemberId, NpgsqlDbType.Integer);
                    w.Write(c.CompetencyId, NpgsqlDbType.Integer);
                    w.Write(c.CompletedOn, NpgsqlDbType.Date);
                    w.Write((int)c.Source, NpgsqlDbType.Integer);
                    WriteText(w, c.Reference, NpgsqlDbType.Varchar);
                    WriteText(w, c.RecordedBy, NpgsqlDbType.Text);
                    w.Write(c.RecordedAt, NpgsqlDbType.TimestampTz);
                    w.Write(c.IsLatest, NpgsqlDbType.Boolean);
                }, ct);
            await CopyAsync(npg, "COPY \"Exemptions\" (\"OrganisationId\", \"StaffMemberId\", \"CompetencyId\", \"Reason\", \"ApprovedBy\", \"ApprovedAt\", \"StartsOn\", \"EndsOn\", \"RevokedAt\", \"RevokedBy\") FROM STDIN (FORMAT BINARY)",
                exemptions, (w, e) =>
                {
                    w.Write(e.OrganisationId, NpgsqlDbType.Integer);
                    w.Write(e.StaffMemberId, NpgsqlDbType.Integer);
                    w.Write(e.CompetencyId, NpgsqlDbType.Integer);
                    w.Write(e.Reason, NpgsqlDbType.Varchar);
                    w.Write(e.ApprovedBy, NpgsqlDbType.Varchar);
                    w.Write(e.ApprovedAt, NpgsqlDbType.TimestampTz);
                    w.Write(e.StartsOn, NpgsqlDbType.Date);
                    w.Write(e.EndsOn, NpgsqlDbType.Date);
                    WriteNullable(w, e.RevokedAt, NpgsqlDbType.TimestampTz);
                    WriteText(w, e.RevokedBy, NpgsqlDbType.Varchar);
                }, ct);
        }
        else
        {
            await BulkInsert.InsertAsync(db, positionRows, 32, ct);
            await BulkInsert.InsertAsync(db, completionRows, 32, ct);
            await BulkInsert.InsertAsync(db, exemptions, 16, ct);
        }

        return (positionRows.Count, staffRows.Count);
    }

    private static async Task<bool> IsSuperuserAsync(AppDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT usesuper FROM pg_user WHERE usename = current_user";
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private static void WriteText(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is T v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string command, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }

        await importer.CompleteAsync(ct);
    }
}
