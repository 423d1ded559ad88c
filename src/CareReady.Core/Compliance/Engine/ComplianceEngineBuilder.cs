using System.Text;
using CareReady.Core.Competencies;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// Collects the records the engine needs (from the database, see <see cref="ComplianceEngineLoader"/>, or
/// from memory in tests) and lays them out column by column: people sorted by organisation, positions,
/// completions and exemptions in per-person ranges, dates as day numbers.
/// </summary>
public sealed class ComplianceEngineBuilder
{
    private readonly EngineCatalogue catalogue;
    private readonly Dictionary<string, bool> clinicalGroups;
    private readonly Dictionary<int, EngineOrganisation> organisations = [];
    private readonly List<(int Id, int Org, int? Parent, int? Site, string Path, DepartmentKind Kind)> departments = [];
    private readonly GrowArray<int> staffId;
    private readonly GrowArray<int> staffOrg;
    private readonly GrowArray<int> staffStart;
    private readonly GrowArray<int> staffLeave;
    private readonly GrowArray<int> posStaff;
    private readonly GrowArray<int> posFacts;
    private readonly GrowArray<int> posDept;
    private readonly GrowArray<int> posStart;
    private readonly GrowArray<int> posEnd;
    private readonly List<(string StaffGroup, string JobRole, bool PatientContact, bool WorksWithChildren, bool Registered)> positionFacts = [];
    private readonly Dictionary<(string, string, bool, bool, bool), int> positionFactIds = [];
    private readonly GrowArray<int> completionStaff;
    private readonly GrowArray<int> completionOrg;
    private readonly GrowArray<short> completionCompetency;
    private readonly GrowArray<int> completionDay;
    private readonly List<(int Staff, int Org, short Competency, int Start, int End)> exemptions = [];
    private readonly List<(int Staff, int Org, short Competency, int Day, int Until)> caps = [];

    public ComplianceEngineBuilder(IEnumerable<Competency> competencies, IEnumerable<StaffGroup> staffGroups, int expectedStaff = 1024, int expectedCompletions = 1024)
    {
        ArgumentNullException.ThrowIfNull(competencies);
        ArgumentNullException.ThrowIfNull(staffGroups);
        catalogue = new EngineCatalogue(competencies);
        clinicalGroups = staffGroups.ToDictionary(g => g.Code, g => g.Clinical);
        staffId = new(expectedStaff);
        staffOrg = new(expectedStaff);
        staffStart = new(expectedStaff);
        staffLeave = new(expectedStaff);
        posStaff = new(expectedStaff * 5 / 4);
        posFacts = new(expectedStaff * 5 / 4);
        posDept = new(expectedStaff * 5 / 4);
        posStart = new(expectedStaff * 5 / 4);
        posEnd = new(expectedStaff * 5 / 4);
        completionStaff = new(expectedCompletions);
        completionOrg = new(expectedCompletions);
        completionCompetency = new(expectedCompletions);
        completionDay = new(expectedCompletions);
    }

    /// <param name="id">Organisation id.</param>
    /// <param name="renewalWindowDays">Its renewal window.</param>
    /// <param name="rules">Its rules (inactive ones are ignored).</param>
    /// <param name="refresherOverrides">Competency id → local refresher months.</param>
    public void AddOrganisation(int id, int renewalWindowDays, IEnumerable<RequirementRule> rules, IReadOnlyDictionary<int, int> refresherOverrides)
    {
        ArgumentNullException.ThrowIfNull(rules);
        organisations[id] = new EngineOrganisation
        {
            Id = id,
            RenewalWindowDays = renewalWindowDays,
            Rules = rules.Where(r => r.IsActive).OrderBy(r => r.Id).Select(r => new RuleWithScope(r, null)).ToList(),
            RefresherOverrides = refresherOverrides,
        };
    }

    public void AddDepartment(int id, int organisationId, int? parentId, int? siteId, string path, DepartmentKind kind) =>
        departments.Add((id, organisationId, parentId, siteId, path, kind));

    public void AddStaff(int id, int organisationId, DateOnly startDate, DateOnly? leavingDate)
    {
        staffId.Add(id);
        staffOrg.Add(organisationId);
        staffStart.Add(startDate.DayNumber);
        staffLeave.Add(DayCalendar.Day(leavingDate));
    }

    public void AddPosition(int staffMemberId, string staffGroupCode, string jobRole, int departmentId, bool patientContact,
        bool worksWithChildren, bool registeredClinician, DateOnly startDate, DateOnly? endDate)
    {
        ArgumentNullException.ThrowIfNull(staffGroupCode);
        ArgumentNullException.ThrowIfNull(jobRole);
        var key = (staffGroupCode, jobRole, patientContact, worksWithChildren, registeredClinician);
        if (!positionFactIds.TryGetValue(key, out var facts))
        {
            facts = positionFacts.Count;
            positionFacts.Add(key);
            positionFactIds[key] = facts;
        }

        posStaff.Add(staffMemberId);
        posFacts.Add(facts);
        posDept.Add(departmentId);
        posStart.Add(startDate.DayNumber);
        posEnd.Add(DayCalendar.Day(endDate));
    }

    public void AddCompletion(int staffMemberId, int organisationId, int competencyId, DateOnly completedOn)
    {
        if (!catalogue.ById.TryGetValue(competencyId, out var c))
        {
            return;
        }

        completionStaff.Add(staffMemberId);
        completionOrg.Add(organisationId);
        completionCompetency.Add((short)c);
        completionDay.Add(completedOn.DayNumber);
    }

    /// <summary>
    /// A regulatory change's cap on one completion (not revoked; the lowest when several changes capped it):
    /// that completion's certification ends by <paramref name="validUntil"/>.
    /// </summary>
    public void AddCap(int staffMemberId, int organisationId, int competencyId, DateOnly completedOn, DateOnly validUntil)
    {
        if (catalogue.ById.TryGetValue(competencyId, out var c))
        {
            caps.Add((staffMemberId, organisationId, (short)c, completedOn.DayNumber, validUntil.DayNumber));
        }
    }

    /// <summary>An exemption that has not been revoked (revoked ones never count).</summary>
    public void AddExemption(int staffMemberId, int organisationId, int competencyId, DateOnly startsOn, DateOnly endsOn)
    {
        if (catalogue.ById.TryGetValue(competencyId, out var c))
        {
            exemptions.Add((staffMemberId, organisationId, (short)c, startsOn.DayNumber, endsOn.DayNumber));
        }
    }

    public ComplianceEngine Build()
    {
        // Organisations and departments, dense and in id order.
        var orgs = organisations.Values.OrderBy(o => o.Id).ToArray();
        var orgIndex = orgs.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var depts = departments.Where(d => orgIndex.ContainsKey(d.Org)).OrderBy(d => d.Id).ToList();
        var deptIndex = depts.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var siteIds = depts.Where(d => d.Site is not null).Select(d => d.Site!.Value).Distinct().Order().ToArray();
        var siteIndex = siteIds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var engineDepts = depts.Select(d => new EngineDepartment(d.Id, orgIndex[d.Org],
            d.Parent is int p && deptIndex.TryGetValue(p, out var pi) ? pi : -1,
            d.Site is int s ? siteIndex[s] : -1, d.Path, d.Kind)).ToArray();

        // Rule department paths come from the rule's own organisation, as in RequirementContext.
        var pathById = depts.ToDictionary(d => d.Id, d => (d.Org, d.Path));
        var deptClass = new string[depts.Count];
        foreach (var org in orgs)
        {
            var rules = org.Rules.Select(r => new RuleWithScope(r.Rule,
                r.Rule.DepartmentId is int d && pathById.TryGetValue(d, out var p) && p.Org == org.Id ? p.Path : null)).ToList();
            org.Rules = rules;
            org.HasJobRoleRules = rules.Any(r => r.Rule.JobRole is not null);
            org.DepartmentScopedRules = Enumerable.Range(0, rules.Count).Where(i => rules[i].Rule.DepartmentId is not null).ToArray();
        }

        for (var i = 0; i < depts.Count; i++)
        {
            var org = orgs[engineDepts[i].Organisation];
            var sb = new StringBuilder(org.DepartmentScopedRules.Length);
            foreach (var r in org.DepartmentScopedRules)
            {
                var rulePath = org.Rules[r].DepartmentPath;
                sb.Append(rulePath is not null && DepartmentTree.IsWithin(depts[i].Path, rulePath) ? '1' : '0');
            }

            deptClass[i] = sb.ToString();
        }

        // People sorted by organisation, then id.
        var staffCount = staffId.Count;
        var order = Enumerable.Range(0, staffCount).Where(i => orgIndex.ContainsKey(staffOrg[i]))
            .OrderBy(i => orgIndex[staffOrg[i]]).ThenBy(i => staffId[i]).ToArray();
        var people = order.Length;
        var personStaff = new int[people];
        var personOrg = new int[people];
        var personStart = new int[people];
        var personLeave = new int[people];
        var maxStaffId = 0;
        for (var p = 0; p < people; p++)
        {
            var i = order[p];
            personStaff[p] = staffId[i];
            personOrg[p] = orgIndex[staffOrg[i]];
            personStart[p] = staffStart[i];
            personLeave[p] = staffLeave[i];
            maxStaffId = Math.Max(maxStaffId, staffId[i]);
        }

        var personOfStaff = new int[maxStaffId + 1];
        Array.Fill(personOfStaff, -1);
        for (var p = 0; p < people; p++)
        {
            personOfStaff[personStaff[p]] = p;
        }

        for (int o = 0, p = 0; o < orgs.Length; o++)
        {
            orgs[o].FirstPerson = p;
            while (p < people && personOrg[p] == o)
            {
                p++;
            }

            orgs[o].EndPerson = p;
        }

        int PersonOf(int staff) => staff >= 0 && staff <= maxStaffId ? personOfStaff[staff] : -1;

        // Position kinds and per-person position ranges.
        var kinds = new List<PositionKind>();
        var kindIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var kindOfPosition = new int[posStaff.Count];
        var positionPerson = new int[posStaff.Count];
        for (var i = 0; i < posStaff.Count; i++)
        {
            var p = PersonOf(posStaff[i]);
            positionPerson[i] = p;
            if (p < 0 || !deptIndex.TryGetValue(posDept[i], out var d) || engineDepts[d].Organisation != personOrg[p])
            {
                positionPerson[i] = -1;
                continue;
            }

            var o = personOrg[p];
            var f = positionFacts[posFacts[i]];
            var job = orgs[o].HasJobRoleRules ? f.JobRole.Trim().ToUpperInvariant() : "";
            var key = o + "|" + f.StaffGroup + "|" + job + "|" + deptClass[d] + "|" + (f.PatientContact ? '1' : '0')
                + (f.WorksWithChildren ? '1' : '0') + (f.Registered ? '1' : '0');
            if (!kindIds.TryGetValue(key, out var k))
            {
                k = kinds.Count;
                kindIds[key] = k;
                kinds.Add(new PositionKind(o, new PositionFacts(0, "", f.StaffGroup, clinicalGroups.TryGetValue(f.StaffGroup, out var c) && c,
                    f.JobRole, depts[d].Path, f.PatientContact, f.WorksWithChildren, f.Registered, DateOnly.MinValue, null)));
            }

            kindOfPosition[i] = k;
            posDept.Items[i] = d;
        }

        var positionStart = Offsets(people, posStaff.Count, i => positionPerson[i]);
        var pKind = new int[positionStart[people]];
        var pDept = new int[pKind.Length];
        var pStart = new int[pKind.Length];
        var pEnd = new int[pKind.Length];
        var fill = (int[])positionStart.Clone();
        for (var i = 0; i < posStaff.Count; i++)
        {
            var p = positionPerson[i];
            if (p < 0)
            {
                continue;
            }

            var at = fill[p]++;
            pKind[at] = kindOfPosition[i];
            pDept[at] = posDept[i];
            pStart[at] = posStart[i];
            pEnd[at] = posEnd[i];
        }

        // Completions: one long per completion — subject (8 bits) | day (32 bits) | competency (16 bits) — sorted within each person.
        var completionPerson = new int[completionStaff.Count];
        for (var i = 0; i < completionStaff.Count; i++)
        {
            var p = PersonOf(completionStaff[i]);
            completionPerson[i] = p >= 0 && orgs[personOrg[p]].Id == completionOrg[i] ? p : -1;
        }

        var completionStart = Offsets(people, completionStaff.Count, i => completionPerson[i]);
        var completions = new long[completionStart[people]];
        fill = (int[])completionStart.Clone();
        for (var i = 0; i < completionStaff.Count; i++)
        {
            var p = completionPerson[i];
            if (p >= 0)
            {
                completions[fill[p]++] = ComplianceEngine.CompletionKey(catalogue.Subject[completionCompetency[i]], completionDay[i], completionCompetency[i]);
            }
        }

        completionPerson = [];
        Parallel.For(0, Environment.ProcessorCount, t =>
        {
            for (var p = t; p < people; p += Environment.ProcessorCount)
            {
                Array.Sort(completions, completionStart[p], completionStart[p + 1] - completionStart[p]);
            }
        });

        // Exemptions.
        var ex = exemptions.Select(e => (Person: PersonOf(e.Staff), e))
            .Where(x => x.Person >= 0 && orgs[personOrg[x.Person]].Id == x.e.Org)
            .OrderBy(x => x.Person).ToList();
        var exemptionStart = new int[people + 1];
        foreach (var x in ex)
        {
            exemptionStart[x.Person + 1]++;
        }

        for (var p = 0; p < people; p++)
        {
            exemptionStart[p + 1] += exemptionStart[p];
        }

        var capped = Caps(people, PersonOf, p => orgs[personOrg[p]].Id, completionStart, completions);
        return new ComplianceEngine(catalogue, orgs, engineDepts, siteIds, kinds,
            new ComplianceEngine.People(personStaff, personOrg, personStart, personLeave, personOfStaff),
            new ComplianceEngine.Positions(positionStart, pKind, pDept, pStart, pEnd),
            completionStart, completions,
            new ComplianceEngine.Exemptions(exemptionStart, ex.Select(x => x.e.Competency).ToArray(),
                ex.Select(x => x.e.Start).ToArray(), ex.Select(x => x.e.End).ToArray()),
            capped);
    }

    /// <summary>
    /// Caps per person as (competency, day) → latest cap, kept only where every completion of that
    /// competency on that day is capped (an uncapped completion the same day stands), as the reference does.
    /// </summary>
    private ComplianceEngine.Caps Caps(int people, Func<int, int> personOf, Func<int, int> orgOfPerson, int[] completionStart, long[] completions)
    {
        var grouped = caps.Select(c => (Person: personOf(c.Staff), c))
            .Where(x => x.Person >= 0 && orgOfPerson(x.Person) == x.c.Org)
            .GroupBy(x => (x.Person, x.c.Competency, x.c.Day))
            .Where(g =>
            {
                var (p, comp, day) = g.Key;
                var held = 0;
                for (var i = completionStart[p]; i < completionStart[p + 1]; i++)
                {
                    var key = completions[i];
                    if ((short)(key & 0xFFFF) == comp && (int)(uint)(key >> 16) == day)
                    {
                        held++;
                    }
                }

                return held > 0 && held == g.Count();
            })
            .Select(g => (g.Key.Person, g.Key.Competency, g.Key.Day, Until: g.Max(x => x.c.Until)))
            .OrderBy(x => x.Person).ToList();
        var start = new int[people + 1];
        foreach (var x in grouped)
        {
            start[x.Person + 1]++;
        }

        for (var p = 0; p < people; p++)
        {
            start[p + 1] += start[p];
        }

        return new ComplianceEngine.Caps(start, grouped.Select(x => x.Competency).ToArray(),
            grouped.Select(x => x.Day).ToArray(), grouped.Select(x => x.Until).ToArray());
    }

    private static int[] Offsets(int people, int count, Func<int, int> personOf)
    {
        var start = new int[people + 1];
        for (var i = 0; i < count; i++)
        {
            var p = personOf(i);
            if (p >= 0)
            {
                start[p + 1]++;
            }
        }

        for (var p = 0; p < people; p++)
        {
            start[p + 1] += start[p];
        }

        return start;
    }
}
