using System.Data;
using Npgsql;

namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// "The obvious SQL query" (PostgreSQL): the same definition of compliance as
/// <see cref="ComputeComplianceSnapshot"/>, written as one statement per question. Staff employed on the
/// day × their current positions × the organisation's active rules give the matched competencies; a
/// competency another required one satisfies is folded into it; completions of any satisfying
/// competency up to the day, distinct by date and in date order, are folded by a small ordered aggregate
/// (<c>cr_chain</c>) that carries the expiry from one completion to the next — the early-renewal chain
/// (a completion inside the renewal window runs on from the previous expiry), which is inherently
/// sequential; exemptions, grace periods and the renewal window then give the state.
/// </summary>
public sealed class SqlBaseline(NpgsqlConnection connection)
{
    /// <summary>Creates the session's chain aggregate (in pg_temp: nothing is left in the database).</summary>
    public async Task PrepareAsync(CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            -- One completion day: the expiry it gives (early renewal runs on from the previous one), cut short
            -- by a regulatory change's cap when every completion that day carries one (LEAST ignores NULLs).
            CREATE OR REPLACE FUNCTION pg_temp.cr_chain_step(expires date, completed date, cap date, months integer, win integer)
            RETURNS date LANGUAGE sql IMMUTABLE AS $$
              SELECT LEAST(cap, CASE
                WHEN months IS NULL THEN NULL
                WHEN expires IS NOT NULL AND completed < expires AND completed >= expires - win
                  THEN (expires + make_interval(months => months))::date
                ELSE (completed + make_interval(months => months))::date END)
            $$;
            DROP AGGREGATE IF EXISTS pg_temp.cr_chain(date, integer, integer);
            DROP AGGREGATE IF EXISTS pg_temp.cr_chain(date, date, integer, integer);
            CREATE AGGREGATE pg_temp.cr_chain(date, date, integer, integer) (SFUNC = pg_temp.cr_chain_step, STYPE = date);
            -- The planner cannot estimate the CTEs (it guesses one row) and would nest loops over
            -- hundreds of thousands of rows; hash joins are what this whole-population query needs.
            SET enable_nestloop = off;
            """;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Statuses of every person × requirement on <c>@d</c> (optionally one organisation):
    /// staff_id, competency_id, state (<see cref="ComplianceState"/>), expires.
    /// </summary>
    private const string CellsSql = """
        WITH staff_on AS (
          SELECT s."Id" AS staff_id, s."OrganisationId" AS org_id
          FROM "Staff" s
          WHERE s."StartDate" <= @d AND (s."LeavingDate" IS NULL OR s."LeavingDate" > @d)
            AND (@org::integer IS NULL OR s."OrganisationId" = @org::integer)
        ),
        pos AS (
          SELECT p."StaffMemberId" AS staff_id, s.org_id, p."DepartmentId" AS dept_id, d."Path" AS path, p."StartDate" AS start_date,
                 p."StaffGroupCode" AS sg, p."JobRole" AS job, COALESCE(g."Clinical", false) AS clinical,
                 p."PatientContact" AS pc, p."WorksWithChildren" AS wwc, p."RegisteredClinician" AS rc
          FROM "Positions" p
          JOIN staff_on s ON s.staff_id = p."StaffMemberId"
          JOIN "Departments" d ON d."Id" = p."DepartmentId"
          LEFT JOIN "StaffGroups" g ON g."Code" = p."StaffGroupCode"
          WHERE p."StartDate" <= @d AND (p."EndDate" IS NULL OR p."EndDate" > @d)
        ),
        matched AS (
          SELECT pos.staff_id, pos.org_id, r.req_comp AS comp_id, min(pos.start_date) AS from_date, min(r."GraceDays") AS grace
          FROM pos
          JOIN (
            -- A rule that requires observation also requires the observed-practice counterpart (Kind 1).
            SELECT rr.*, rr."CompetencyId" AS req_comp FROM "RequirementRules" rr
            UNION ALL
            SELECT rr.*, oc."Id" FROM "RequirementRules" rr
            JOIN "Competencies" kc ON kc."Id" = rr."CompetencyId" AND kc."Kind" = 0
            JOIN "Competencies" oc ON oc."SubjectId" = kc."SubjectId" AND oc."Level" = kc."Level" AND oc."Kind" = 1
                                  AND oc."Variant" IS NOT DISTINCT FROM kc."Variant"
            WHERE rr."RequiresObservation"
          ) r ON r."OrganisationId" = pos.org_id AND r."IsActive"
          LEFT JOIN "Departments" rd ON rd."Id" = r."DepartmentId" AND rd."OrganisationId" = r."OrganisationId"
          WHERE (r."StaffGroupCode" IS NULL OR lower(r."StaffGroupCode") = lower(pos.sg))
            AND (r."JobRole" IS NULL OR lower(btrim(r."JobRole")) = lower(btrim(pos.job)))
            AND (r."DepartmentId" IS NULL OR (rd."Path" IS NOT NULL AND left(pos.path, length(rd."Path")) = rd."Path"))
            AND (r."Clinical" IS NULL OR r."Clinical" = pos.clinical)
            AND (r."PatientContact" IS NULL OR r."PatientContact" = pos.pc)
            AND (r."WorksWithChildren" IS NULL OR r."WorksWithChildren" = pos.wwc)
            AND (r."RegisteredClinician" IS NULL OR r."RegisteredClinician" = pos.rc)
          GROUP BY pos.staff_id, pos.org_id, r.req_comp
        ),
        mc AS (
          SELECT m.*, c."SubjectId" AS subject_id, c."Level" AS lvl, c."Variant" AS variant, c."Kind" AS kind
          FROM matched m JOIN "Competencies" c ON c."Id" = m.comp_id
        ),
        -- A required competency that another required one satisfies is folded into it (ties: the lower id stays).
        superseded AS (
          SELECT DISTINCT m.staff_id, m.comp_id
          FROM mc m
          JOIN mc o ON o.staff_id = m.staff_id AND o.subject_id = m.subject_id AND o.kind = m.kind AND o.comp_id <> m.comp_id
          WHERE o.lvl >= m.lvl AND (m.variant IS NULL OR o.variant IS NOT DISTINCT FROM m.variant)
            AND NOT (m.lvl >= o.lvl AND (o.variant IS NULL OR m.variant IS NOT DISTINCT FROM o.variant) AND o.comp_id > m.comp_id)
        ),
        flagged AS (
          SELECT m.*, s.comp_id IS NULL AS kept
          FROM mc m LEFT JOIN superseded s ON s.staff_id = m.staff_id AND s.comp_id = m.comp_id
        ),
        req AS (
          SELECT k.staff_id, k.org_id, k.comp_id, k.subject_id, k.grace, min(f.from_date) AS from_date,
                 min(CASE WHEN ro."Id" IS NOT NULL THEN ro."Months" ELSE c."DefaultRefresherMonths" END) AS months,
                 min(o."RenewalWindowDays") AS win
          FROM flagged k
          JOIN flagged f ON f.staff_id = k.staff_id AND f.subject_id = k.subject_id AND f.kind = k.kind
                        AND (f.comp_id = k.comp_id OR (NOT f.kept AND k.lvl >= f.lvl AND (f.variant IS NULL OR k.variant IS NOT DISTINCT FROM f.variant)))
          JOIN "Competencies" c ON c."Id" = k.comp_id
          JOIN "Organisations" o ON o."Id" = k.org_id
          LEFT JOIN "RefresherOverrides" ro ON ro."OrganisationId" = k.org_id AND ro."CompetencyId" = k.comp_id
          WHERE k.kept
          GROUP BY k.staff_id, k.org_id, k.comp_id, k.subject_id, k.grace
        ),
        caps AS (
          SELECT k."CompletionId" AS completion_id, min(k."ValidUntil") AS cap
          FROM "CertificationCaps" k
          WHERE k."RevokedAt" IS NULL AND (@org::integer IS NULL OR k."OrganisationId" = @org::integer)
          GROUP BY k."CompletionId"
        ),
        held AS (
          SELECT q.staff_id, q.comp_id, q.months, q.win, cm."CompletedOn" AS completed,
                 CASE WHEN bool_and(k.cap IS NOT NULL) THEN max(k.cap) END AS cap
          FROM req q
          JOIN "Competencies" rc ON rc."Id" = q.comp_id
          JOIN "Completions" cm ON cm."StaffMemberId" = q.staff_id AND cm."OrganisationId" = q.org_id AND cm."CompletedOn" <= @d
          JOIN "Competencies" hc ON hc."Id" = cm."CompetencyId"
          LEFT JOIN caps k ON k.completion_id = cm."Id"
          WHERE hc."Id" = rc."Id" OR (hc."SubjectId" = rc."SubjectId" AND hc."Kind" = rc."Kind" AND hc."Level" >= rc."Level" AND (rc."Variant" IS NULL OR hc."Variant" IS NOT DISTINCT FROM rc."Variant"))
          GROUP BY q.staff_id, q.comp_id, q.months, q.win, cm."CompletedOn"
        ),
        chain AS (
          SELECT h.staff_id, h.comp_id, max(h.completed) AS last_completed,
                 pg_temp.cr_chain(h.completed, h.cap, h.months, h.win ORDER BY h.completed) AS expires
          FROM held h
          GROUP BY h.staff_id, h.comp_id
        ),
        exempt AS (
          SELECT DISTINCT e."StaffMemberId" AS staff_id, e."CompetencyId" AS comp_id
          FROM "Exemptions" e
          WHERE e."RevokedAt" IS NULL AND e."StartsOn" <= @d AND e."EndsOn" > @d
        ),
        cells AS (
          SELECT q.staff_id, q.org_id, q.comp_id, q.subject_id, ch.expires,
                 CASE
                   WHEN x.staff_id IS NOT NULL THEN 5
                   WHEN ch.last_completed IS NULL THEN CASE WHEN @d < q.from_date + q.grace THEN 0 ELSE 1 END
                   WHEN ch.expires IS NULL THEN 2
                   WHEN @d >= ch.expires THEN 4
                   WHEN @d >= ch.expires - q.win THEN 3
                   ELSE 2 END AS state
          FROM req q
          LEFT JOIN chain ch ON ch.staff_id = q.staff_id AND ch.comp_id = q.comp_id
          LEFT JOIN exempt x ON x.staff_id = q.staff_id AND x.comp_id = q.comp_id
        )
        """;

    /// <summary>Every status on the day: (staff id, competency id) → (state, expiry). Returns the row count.</summary>
    public async Task<long> CellsAsync(DateOnly day, int? organisationId, Action<int, int, ComplianceState, DateOnly?>? row, CancellationToken ct = default)
    {
        await using var command = Command(CellsSql + "SELECT staff_id, comp_id, state, expires FROM cells", day, organisationId, null);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            count++;
            row?.Invoke(reader.GetInt32(0), reader.GetInt32(1), (ComplianceState)reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3));
        }

        return count;
    }

    /// <summary>
    /// Per-subject totals for a unit on the day: the organisation (departmentPath null) or a department
    /// subtree, or everything (both null). A person counts once, compliant when all their requirements in the subject are met.
    /// Returns people and (subject id, required, compliant) rows.
    /// </summary>
    public async Task<(int People, List<SubjectTotal> Subjects)> AggregateAsync(DateOnly day, int? organisationId, string? departmentPath, CancellationToken ct = default)
    {
        const string unitSql = """
            , members AS (
              SELECT DISTINCT pos.staff_id FROM pos WHERE @path::text IS NULL OR left(pos.path, length(@path::text)) = @path::text
            ),
            per_subject AS (
              SELECT c.staff_id, c.subject_id, bool_and(c.state IN (2, 3, 5)) AS met
              FROM cells c JOIN members m ON m.staff_id = c.staff_id
              GROUP BY c.staff_id, c.subject_id
            )
            SELECT -1 AS subject_id, count(*)::integer AS required, 0 AS compliant FROM members
            UNION ALL
            SELECT subject_id, count(*)::integer, count(*) FILTER (WHERE met)::integer FROM per_subject GROUP BY subject_id
            ORDER BY 1
            """;
        await using var command = Command(CellsSql + unitSql, day, organisationId, departmentPath);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var people = 0;
        var list = new List<SubjectTotal>();
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetInt32(0) < 0)
            {
                people = reader.GetInt32(1);
            }
            else
            {
                list.Add(new SubjectTotal(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        return (people, list);
    }

    private NpgsqlCommand Command(string sql, DateOnly day, int? organisationId, string? path)
    {
#pragma warning disable CA2100 // Constant SQL; values are parameters.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("d", day));
        command.Parameters.Add(new NpgsqlParameter("org", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)organisationId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("path", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)path ?? DBNull.Value });
        return command;
    }
}
