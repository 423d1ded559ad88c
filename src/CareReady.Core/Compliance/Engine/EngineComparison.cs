using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// Checks the engine against the reference definition (<see cref="ComputeComplianceSnapshot"/>) and
/// against the SQL baseline. Returns descriptions of the differences (ids only, never names); empty when equal.
/// </summary>
public static class EngineComparison
{
    /// <summary>Every person × requirement and every subject total of a unit, engine (as of the day) vs the reference snapshot.</summary>
    public static async Task<List<string>> WithReferenceAsync(AppDbContext db, ComplianceEngine engine, int organisationId, int? departmentId, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var scope = new AccessScope("bench", organisationId, true, new HashSet<int>(), null, new HashSet<string>());
        var snapshot = await new ComputeComplianceSnapshot(db).RunAsync(scope, departmentId, day, ct);
        var problems = new List<string>();
        foreach (var person in snapshot.People)
        {
            var expected = person.Statuses.Select(s => (s.Requirement.Competency.Id, s.State, s.ExpiresOn)).OrderBy(x => x.Id).ToList();
            var actual = engine.PersonOn(person.StaffMemberId, day).Select(c => (Id: c.CompetencyId, c.State, c.ExpiresOn)).OrderBy(x => x.Id).ToList();
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"staff {person.StaffMemberId}: reference [{string.Join(", ", expected)}] engine [{string.Join(", ", actual)}]");
            }
        }

        var units = engine.AsOf(organisationId, day);
        var unit = departmentId is int d
            ? units.Single(u => u.Kind == EngineUnitKind.Department && u.Id == d)
            : units.Single(u => u.Kind == EngineUnitKind.Organisation);
        if (unit.People != snapshot.People.Count)
        {
            problems.Add($"unit people: reference {snapshot.People.Count}, engine {unit.People}");
        }

        var reference = snapshot.Subjects.Select(s => new SubjectTotal(s.SubjectId, s.Required, s.Compliant)).OrderBy(s => s.SubjectId);
        if (!reference.SequenceEqual(unit.Subjects.OrderBy(s => s.SubjectId)))
        {
            problems.Add($"subject totals differ: reference [{string.Join(", ", reference)}] engine [{string.Join(", ", unit.Subjects)}]");
        }

        return problems;
    }

    /// <summary>
    /// The patient-facing totals of every department of an organisation on a day (risk exposure's ground), engine vs
    /// the reference: the snapshot's statuses per person, counted in each department above each of their current
    /// positions that is patient-facing or a registered clinician's.
    /// </summary>
    public static async Task<List<string>> PatientFacingWithReferenceAsync(AppDbContext db, ComplianceEngine engine, int organisationId, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(engine);
        var scope = new AccessScope("bench", organisationId, true, new HashSet<int>(), null, new HashSet<string>());
        var snapshot = await new ComputeComplianceSnapshot(db).RunAsync(scope, null, day, ct);
        var paths = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == organisationId).ToDictionaryAsync(d => d.Id, d => d.Path, ct);
        var facingDepartments = (await db.Positions.AsNoTracking()
                .Where(p => p.OrganisationId == organisationId && p.StartDate <= day && (p.EndDate == null || p.EndDate > day) && (p.PatientContact || p.RegisteredClinician))
                .Select(p => new { p.StaffMemberId, p.DepartmentId })
                .ToListAsync(ct))
            .ToLookup(p => p.StaffMemberId, p => paths[p.DepartmentId]);
        var problems = new List<string>();
        foreach (var unit in engine.AsOf(organisationId, day).Where(u => u.Kind == EngineUnitKind.Department))
        {
            var path = paths[unit.Id];
            var people = snapshot.People.Where(p => facingDepartments[p.StaffMemberId].Any(d => Workforce.DepartmentTree.IsWithin(d, path))).ToList();
            var notMet = people.Select(p => p.Statuses.GroupBy(s => s.Requirement.Competency.SubjectId).Where(g => !g.All(s => s.IsCompliant)).Select(g => g.Key).ToList()).ToList();
            var gaps = notMet.SelectMany(x => x).GroupBy(x => x).Select(g => new SubjectGap(g.Key, g.Count())).OrderBy(g => g.SubjectId).ToList();
            var expected = new PatientFacingSummary(people.Count, notMet.Count(x => x.Count > 0), gaps);
            var actual = unit.PatientFacing;
            if (expected.People != actual.People || expected.WithGaps != actual.WithGaps || !expected.Gaps.SequenceEqual(actual.Gaps.OrderBy(g => g.SubjectId)))
            {
                problems.Add($"dept {unit.Id} patient-facing: reference {expected.People}/{expected.WithGaps} [{string.Join(", ", expected.Gaps)}], "
                    + $"engine {actual.People}/{actual.WithGaps} [{string.Join(", ", actual.Gaps)}]");
            }
        }

        return problems;
    }

    /// <summary>A unit's totals from the engine vs the SQL baseline.</summary>
    public static List<string> SameTotals(string what, UnitSummary engine, (int People, List<SubjectTotal> Subjects) baseline)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var problems = new List<string>();
        if (engine.People != baseline.People)
        {
            problems.Add($"{what}: people engine {engine.People}, SQL {baseline.People}");
        }

        if (!engine.Subjects.OrderBy(s => s.SubjectId).SequenceEqual(baseline.Subjects.OrderBy(s => s.SubjectId)))
        {
            problems.Add($"{what}: subject totals engine [{string.Join(", ", engine.Subjects)}] SQL [{string.Join(", ", baseline.Subjects)}]");
        }

        return problems;
    }

    /// <summary>
    /// Every status the SQL baseline computes for the day (all organisations, or the one the engine was loaded for) against the engine's
    /// held cells (the engine must have been recomputed for that day): same set, same states, same expiries.
    /// Returns the number of rows the query produced and the problems found.
    /// </summary>
    public static async Task<(long Rows, List<string> Problems)> AllCellsAsync(SqlBaseline baseline, ComplianceEngine engine, DateOnly day, int? organisationId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(engine);
        if (engine.Day != day)
        {
            throw new InvalidOperationException("Recompute the engine for the day first.");
        }

        var seen = new System.Collections.BitArray(checked((int)engine.CellCount));
        var problems = new List<string>();
        var rows = await baseline.CellsAsync(day, organisationId, (staff, competency, state, expires) =>
        {
            var index = engine.FindCell(staff, competency);
            if (index < 0)
            {
                if (problems.Count < 20) problems.Add($"staff {staff} competency {competency}: only in SQL");
                return;
            }

            var held = engine.StateAt(index);
            if (held.State != state || held.ExpiresOn != expires)
            {
                if (problems.Count < 20) problems.Add($"staff {staff} competency {competency}: SQL {state} {expires}, engine {held.State} {held.ExpiresOn}");
            }

            if (seen[(int)index] && problems.Count < 20)
            {
                problems.Add($"staff {staff} competency {competency}: twice in SQL");
            }

            seen[(int)index] = true;
        }, ct);
        if (rows != engine.CellCount)
        {
            problems.Add($"cells: SQL {rows}, engine {engine.CellCount}");
        }

        return (rows, problems);
    }
}
