using System.Collections.Concurrent;
using System.Numerics;
using CareReady.Core.Requirements;

namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// The in-memory compliance engine: every person × requirement status for one day, held in flat arrays,
/// with per-subject totals kept for every department (rolled up the tree), site, organisation and the whole
/// dataset. It gives exactly the answers of <see cref="ComputeComplianceSnapshot"/> (the reference
/// definition): requirement sets come from <see cref="RequirementResolver"/> itself, resolved once per
/// distinct combination of position kinds, and the certification rules of
/// <see cref="RequirementStatusCalculator"/> are replayed over day numbers. See docs/decisions/0005.
/// </summary>
public sealed partial class ComplianceEngine
{
    internal sealed record People(int[] Staff, int[] Org, int[] Start, int[] Leave, int[] PersonOfStaff);

    internal sealed record Positions(int[] Start, int[] Kind, int[] Dept, int[] From, int[] Until);

    internal sealed record Exemptions(int[] Start, short[] Competency, int[] From, int[] Until);

    /// <summary>Per person: (competency, completion day) whose certification a regulatory change capped at <c>Until</c>.</summary>
    internal sealed record Caps(int[] Start, short[] Competency, int[] Day, int[] Until);

    private const int MaxKinds = 31;
    private const int MaxUnitsPerPerson = 128;
    private static readonly DateOnly ProfileDay = new(2000, 1, 1);

    private readonly EngineCatalogue catalogue;
    private readonly EngineOrganisation[] orgs;
    private readonly EngineDepartment[] depts;
    private readonly int[] siteIds;
    private readonly List<PositionKind> kinds;
    private readonly People people;
    private readonly Positions positions;
    private readonly int[] completionStart;
    private readonly long[] completions;
    private readonly long[]?[] completionOverride;
    private readonly Exemptions exemptions;
    private readonly Caps caps;
    private readonly bool[] kindFacing;
    private readonly Dictionary<int, int> deptIndex;
    private readonly Dictionary<int, int> siteIndex;
    private readonly Dictionary<int, int> orgIndex;
    private readonly ConcurrentDictionary<ProfileKey, Profile> profiles = new();
    private readonly ConcurrentDictionary<string, int> overflowKeys = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly int subjects;
    private readonly int unitCount;

    private int day = -1;
    private int[] cellStart = [];
    private short[] cellCompetency = [];
    private byte[] cellState = [];
    private int[] cellExpires = [];
    private Profile?[] personProfile = [];
    private Totals totals;
    private int addedCompletions;

    internal ComplianceEngine(EngineCatalogue catalogue, EngineOrganisation[] orgs, EngineDepartment[] depts, int[] siteIds,
        List<PositionKind> kinds, People people, Positions positions, int[] completionStart, long[] completions, Exemptions exemptions, Caps caps)
    {
        this.catalogue = catalogue;
        this.orgs = orgs;
        this.depts = depts;
        this.siteIds = siteIds;
        this.kinds = kinds;
        this.people = people;
        this.positions = positions;
        this.completionStart = completionStart;
        this.completions = completions;
        this.exemptions = exemptions;
        this.caps = caps;
        completionOverride = new long[]?[people.Staff.Length];
        kindFacing = kinds.Select(k => k.Facts.PatientContact || k.Facts.RegisteredClinician).ToArray();
        deptIndex = depts.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        siteIndex = siteIds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        orgIndex = orgs.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        subjects = catalogue.SubjectIds.Length;
        unitCount = depts.Length + siteIds.Length + orgs.Length + 1;
        totals = new Totals(unitCount, subjects);
    }

    /// <summary>The day the held statuses are for (set by <see cref="Recompute"/>).</summary>
    public DateOnly Day => DayCalendar.Date(day);

    public int PeopleCount => people.Staff.Length;
    public long CompletionCount => completions.LongLength + addedCompletions;
    public long CellCount => cellCompetency.LongLength;
    public int ProfileCount => profiles.Count;
    public int PositionKindCount => kinds.Count;

    internal static long CompletionKey(int subject, int day, int competency) =>
        ((long)subject << 48) | ((long)(uint)day << 16) | (ushort)competency;

    // ---------------------------------------------------------------- full recompute

    /// <summary>Recomputes every status for <paramref name="asOf"/> and rebuilds every total, in parallel.</summary>
    public void Recompute(DateOnly asOf)
    {
        lock (gate)
        {
            var d = asOf.DayNumber;
            var n = people.Staff.Length;
            var profileOf = new Profile?[n];
            var start = new int[n + 1];
            var chunks = Chunks(0, n);
            Parallel.ForEach(chunks, range =>
            {
                Span<int> k = stackalloc int[MaxKinds];
                Span<int> ks = stackalloc int[MaxKinds];
                for (var p = range.From; p < range.To; p++)
                {
                    var count = CurrentKinds(p, d, k, ks);
                    var profile = count == 0 ? null : ProfileFor(k[..count]);
                    profileOf[p] = profile;
                    start[p + 1] = profile?.Count ?? 0;
                }
            });
            for (var p = 0; p < n; p++)
            {
                start[p + 1] += start[p];
            }

            var cells = start[n];
            if (cellCompetency.Length != cells)
            {
                cellCompetency = [];
                cellState = [];
                cellExpires = [];
                cellCompetency = new short[cells];
                cellState = new byte[cells];
                cellExpires = new int[cells];
            }

            var result = new Totals(unitCount, subjects);
            var comp = cellCompetency;
            var state = cellState;
            var expires = cellExpires;
            Parallel.ForEach(chunks, () => new Totals(unitCount, subjects), (range, _, local) =>
            {
                Span<int> k = stackalloc int[MaxKinds];
                Span<int> ks = stackalloc int[MaxKinds];
                Span<int> units = stackalloc int[MaxUnitsPerPerson];
                for (var p = range.From; p < range.To; p++)
                {
                    var profile = profileOf[p];
                    if (profile is null)
                    {
                        continue;
                    }

                    var count = CurrentKinds(p, d, k, ks);
                    var at = start[p];
                    var len = profile.Count;
                    profile.Competency.AsSpan().CopyTo(comp.AsSpan(at, len));
                    var tally = Evaluate(p, d, profile, ks[..count], state.AsSpan(at, len), expires.AsSpan(at, len));
                    local.Add(units[..UnitsOf(p, d, units)], profile.SubjectMask, tally, 1);
                    AddPatientFacing(local, p, d, profile, tally, 1, units);
                }

                return local;
            }, local =>
            {
                lock (result)
                {
                    result.Merge(local);
                }
            });

            cellStart = start;
            personProfile = profileOf;
            totals = result;
            day = d;
        }
    }

    // ---------------------------------------------------------------- incremental update

    /// <summary>
    /// Records one new completion and brings that person's statuses and every total they count in up to
    /// date: the person's cells are re-evaluated, the totals of their units adjusted by the difference.
    /// </summary>
    public void AddCompletion(int staffMemberId, int competencyId, DateOnly completedOn)
    {
        lock (gate)
        {
            var p = PersonOf(staffMemberId);
            if (p < 0 || !catalogue.ById.TryGetValue(competencyId, out var c))
            {
                return;
            }

            var held = HeldBy(p);
            var updated = new long[held.Length + 1];
            held.CopyTo(updated);
            updated[^1] = CompletionKey(catalogue.Subject[c], completedOn.DayNumber, c);
            Array.Sort(updated);
            completionOverride[p] = updated;
            addedCompletions++;
            for (var i = caps.Start[p]; i < caps.Start[p + 1]; i++)
            {
                if (caps.Competency[i] == c && caps.Day[i] == completedOn.DayNumber)
                {
                    caps.Until[i] = DayCalendar.None; // an uncapped completion the same day stands
                }
            }

            var profile = day < 0 ? null : personProfile[p];
            if (profile is null)
            {
                return;
            }

            Span<int> k = stackalloc int[MaxKinds];
            Span<int> ks = stackalloc int[MaxKinds];
            Span<int> units = stackalloc int[MaxUnitsPerPerson];
            var at = cellStart[p];
            var len = profile.Count;
            var before = Tally.Of(profile, cellState.AsSpan(at, len), cellExpires.AsSpan(at, len), catalogue, day);
            var count = CurrentKinds(p, day, k, ks);
            var after = Evaluate(p, day, profile, ks[..count], cellState.AsSpan(at, len), cellExpires.AsSpan(at, len));
            var u = units[..UnitsOf(p, day, units)];
            totals.Add(u, profile.SubjectMask, before, -1);
            totals.Add(u, profile.SubjectMask, after, 1);
            AddPatientFacing(totals, p, day, profile, before, -1, units);
            AddPatientFacing(totals, p, day, profile, after, 1, units);
        }
    }

    // ---------------------------------------------------------------- queries

    public UnitSummary Summary(EngineUnitKind kind, int id = 0) => Summarise(totals, UnitIndex(kind, id), kind, id);

    /// <summary>Every held status (the day of the last <see cref="Recompute"/>), person by person.</summary>
    public IEnumerable<EngineCell> Cells()
    {
        for (var p = 0; p < people.Staff.Length; p++)
        {
            for (var i = cellStart[p]; i < cellStart[p + 1]; i++)
            {
                yield return Cell(p, i);
            }
        }
    }

    /// <summary>Index of a held cell (for comparisons), or -1; see <see cref="StateAt"/>.</summary>
    public long FindCell(int staffMemberId, int competencyId)
    {
        var p = PersonOf(staffMemberId);
        if (p < 0 || day < 0 || !catalogue.ById.TryGetValue(competencyId, out var c))
        {
            return -1;
        }

        for (var i = cellStart[p]; i < cellStart[p + 1]; i++)
        {
            if (cellCompetency[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    public (ComplianceState State, DateOnly? ExpiresOn) StateAt(long index) =>
        ((ComplianceState)cellState[index], DayCalendar.DateOrNull(cellExpires[index]));

    /// <summary>Ids of the organisations, departments (with organisation and kind) and sites held.</summary>
    public IReadOnlyList<int> OrganisationIds => orgs.Select(o => o.Id).ToList();

    public IReadOnlyList<(int Id, int OrganisationId, Workforce.DepartmentKind Kind, string Path)> Departments =>
        depts.Select(d => (d.Id, orgs[d.Organisation].Id, d.Kind, d.Path)).ToList();

    /// <summary>Staff ids of an organisation's people, in order.</summary>
    public ReadOnlySpan<int> StaffOf(int organisationId)
    {
        var o = orgs[orgIndex[organisationId]];
        return people.Staff.AsSpan(o.FirstPerson, o.EndPerson - o.FirstPerson);
    }

    /// <summary>The held statuses of one person.</summary>
    public IReadOnlyList<EngineCell> CellsOf(int staffMemberId)
    {
        var p = PersonOf(staffMemberId);
        var list = new List<EngineCell>();
        if (p >= 0 && day >= 0)
        {
            for (var i = cellStart[p]; i < cellStart[p + 1]; i++)
            {
                list.Add(Cell(p, i));
            }
        }

        return list;
    }

    /// <summary>One person's statuses on any day, computed from the same in-memory records.</summary>
    public IReadOnlyList<EngineCell> PersonOn(int staffMemberId, DateOnly date)
    {
        var p = PersonOf(staffMemberId);
        if (p < 0)
        {
            return [];
        }

        Span<int> k = stackalloc int[MaxKinds];
        Span<int> ks = stackalloc int[MaxKinds];
        var count = CurrentKinds(p, date.DayNumber, k, ks);
        if (count == 0)
        {
            return [];
        }

        var profile = ProfileFor(k[..count]);
        var state = new byte[profile.Count];
        var expires = new int[profile.Count];
        Evaluate(p, date.DayNumber, profile, ks[..count], state, expires);
        return Enumerable.Range(0, profile.Count).Select(i => new EngineCell(people.Staff[p], catalogue.Ids[profile.Competency[i]],
            (ComplianceState)state[i], DayCalendar.DateOrNull(expires[i]))).ToList();
    }

    /// <summary>
    /// "As of" an earlier (or later) day for one organisation: every member's requirements and statuses are
    /// recomputed for that day — positions and completions valid then — and summarised for the
    /// organisation, each of its departments and sites.
    /// </summary>
    public IReadOnlyList<UnitSummary> AsOf(int organisationId, DateOnly date)
    {
        var o = orgIndex[organisationId];
        var org = orgs[o];
        var d = date.DayNumber;
        var result = new Totals(unitCount, subjects);
        Parallel.ForEach(Chunks(org.FirstPerson, org.EndPerson), () => new Totals(unitCount, subjects), (range, _, local) =>
        {
            Span<int> k = stackalloc int[MaxKinds];
            Span<int> ks = stackalloc int[MaxKinds];
            Span<int> units = stackalloc int[MaxUnitsPerPerson];
            Span<byte> state = stackalloc byte[256];
            Span<int> expires = stackalloc int[256];
            for (var p = range.From; p < range.To; p++)
            {
                var count = CurrentKinds(p, d, k, ks);
                if (count == 0)
                {
                    continue;
                }

                var profile = ProfileFor(k[..count]);
                var tally = Evaluate(p, d, profile, ks[..count], state[..profile.Count], expires[..profile.Count]);
                local.Add(units[..UnitsOf(p, d, units)], profile.SubjectMask, tally, 1);
                AddPatientFacing(local, p, d, profile, tally, 1, units);
            }

            return local;
        }, local =>
        {
            lock (result)
            {
                result.Merge(local);
            }
        });

        var list = new List<UnitSummary> { Summarise(result, depts.Length + siteIds.Length + o, EngineUnitKind.Organisation, organisationId) };
        for (var i = 0; i < depts.Length; i++)
        {
            if (depts[i].Organisation == o)
            {
                list.Add(Summarise(result, i, EngineUnitKind.Department, depts[i].Id));
            }
        }

        foreach (var site in depts.Where(x => x.Organisation == o && x.Site >= 0).Select(x => x.Site).Distinct().Order())
        {
            list.Add(Summarise(result, depts.Length + site, EngineUnitKind.Site, siteIds[site]));
        }

        return list;
    }

    // ---------------------------------------------------------------- internals

    private EngineCell Cell(int p, int i) => new(people.Staff[p], catalogue.Ids[cellCompetency[i]], (ComplianceState)cellState[i], DayCalendar.DateOrNull(cellExpires[i]));

    private int PersonOf(int staffMemberId) =>
        staffMemberId >= 0 && staffMemberId < people.PersonOfStaff.Length ? people.PersonOfStaff[staffMemberId] : -1;

    private ReadOnlySpan<long> HeldBy(int p) =>
        completionOverride[p] is { } own ? own : completions.AsSpan(completionStart[p], completionStart[p + 1] - completionStart[p]);

    private int UnitIndex(EngineUnitKind kind, int id) => kind switch
    {
        EngineUnitKind.Department => deptIndex.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException("Department not found."),
        EngineUnitKind.Site => depts.Length + (siteIndex.TryGetValue(id, out var s) ? s : throw new KeyNotFoundException("Site not found.")),
        EngineUnitKind.Organisation => depts.Length + siteIds.Length + (orgIndex.TryGetValue(id, out var o) ? o : throw new KeyNotFoundException("Organisation not found.")),
        _ => unitCount - 1,
    };

    private UnitSummary Summarise(Totals t, int unit, EngineUnitKind kind, int id)
    {
        var list = new List<SubjectTotal>();
        for (var s = 0; s < subjects; s++)
        {
            var required = t.Required[(unit * subjects) + s];
            if (required > 0)
            {
                list.Add(new SubjectTotal(catalogue.SubjectIds[s], required, t.Compliant[(unit * subjects) + s]));
            }
        }

        return new UnitSummary(kind, id, t.People[unit], list, t.Overdue[unit], t.Expiring30[unit], t.Expiring60[unit], t.Expiring90[unit],
            FacingSummary(t, unit));
    }

    /// <summary>The kinds of the person's positions current on the day (sorted, distinct), each with its earliest start; 0 when not employed.</summary>
    private int CurrentKinds(int p, int d, Span<int> kindIds, Span<int> kindStarts)
    {
        if (people.Start[p] > d || d >= people.Leave[p])
        {
            return 0;
        }

        var count = 0;
        for (var i = positions.Start[p]; i < positions.Start[p + 1]; i++)
        {
            if (positions.From[i] > d || d >= positions.Until[i])
            {
                continue;
            }

            var k = positions.Kind[i];
            var at = 0;
            while (at < count && kindIds[at] < k)
            {
                at++;
            }

            if (at < count && kindIds[at] == k)
            {
                kindStarts[at] = Math.Min(kindStarts[at], positions.From[i]);
                continue;
            }

            if (count == MaxKinds)
            {
                throw new InvalidOperationException("A person has more kinds of current position than the engine supports.");
            }

            for (var j = count; j > at; j--)
            {
                kindIds[j] = kindIds[j - 1];
                kindStarts[j] = kindStarts[j - 1];
            }

            kindIds[at] = k;
            kindStarts[at] = positions.From[i];
            count++;
        }

        return count;
    }

    /// <summary>The units a person counts in on the day: every department above each current position, their sites, the organisation, everything.</summary>
    private int UnitsOf(int p, int d, Span<int> units, bool patientFacingOnly = false)
    {
        var count = 0;
        void Add(Span<int> buffer, int unit)
        {
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] == unit)
                {
                    return;
                }
            }

            buffer[count++] = unit;
        }

        for (var i = positions.Start[p]; i < positions.Start[p + 1]; i++)
        {
            if (positions.From[i] > d || d >= positions.Until[i] || (patientFacingOnly && !kindFacing[positions.Kind[i]]))
            {
                continue;
            }

            var dept = positions.Dept[i];
            if (depts[dept].Site >= 0)
            {
                Add(units, depts.Length + depts[dept].Site);
            }

            for (var x = dept; x >= 0; x = depts[x].Parent)
            {
                Add(units, x);
            }
        }

        if (count == 0 && patientFacingOnly)
        {
            return 0;
        }

        Add(units, depts.Length + siteIds.Length + people.Org[p]);
        Add(units, unitCount - 1);
        return count;
    }

    private Profile ProfileFor(ReadOnlySpan<int> kindIds)
    {
        ProfileKey key;
        if (kindIds.Length <= 4)
        {
            key = new ProfileKey(kindIds.Length, kindIds[0], kindIds.Length > 1 ? kindIds[1] : -1,
                kindIds.Length > 2 ? kindIds[2] : -1, kindIds.Length > 3 ? kindIds[3] : -1, -1);
        }
        else
        {
            var text = string.Join(",", kindIds.ToArray());
            key = new ProfileKey(kindIds.Length, -1, -1, -1, -1, overflowKeys.GetOrAdd(text, _ => overflowKeys.Count));
        }

        if (profiles.TryGetValue(key, out var found))
        {
            return found;
        }

        return profiles.GetOrAdd(key, Resolve(kindIds.ToArray()));
    }

    /// <summary>Runs the reference resolver once for a combination of position kinds.</summary>
    private Profile Resolve(int[] kindIds)
    {
        var org = orgs[kinds[kindIds[0]].Organisation];
        var facts = kindIds.Select((k, i) => kinds[k].Facts with { PositionId = i }).ToList();
        var requirements = RequirementResolver.Resolve(facts, org.Rules, catalogue.Competencies, org.RefresherOverrides, ProfileDay)
            .Select(r => (Index: catalogue.ById[r.Competency.Id], r))
            .OrderBy(x => catalogue.Subject[x.Index]).ThenBy(x => x.Index)
            .ToList();
        ulong mask = 0;
        foreach (var x in requirements)
        {
            mask |= 1UL << catalogue.Subject[x.Index];
        }

        return new Profile
        {
            Competency = requirements.Select(x => (short)x.Index).ToArray(),
            Months = requirements.Select(x => x.r.RefresherMonths ?? -1).ToArray(),
            Grace = requirements.Select(x => x.r.GraceDays).ToArray(),
            KindMask = requirements.Select(x => x.r.Reasons.Aggregate(0u, (m, reason) => m | (1u << reason.PositionId))).ToArray(),
            SubjectMask = mask,
            PatientFacing = kindIds.Any(k => kindFacing[k]),
        };
    }

    /// <summary>
    /// The certification rules of <see cref="RequirementStatusCalculator"/> over day numbers, for every
    /// requirement of the profile. The person's completions are sorted by subject then day, so each
    /// requirement reads only its subject's few completions.
    /// </summary>
    private Tally Evaluate(int p, int d, Profile profile, ReadOnlySpan<int> kindStarts, Span<byte> states, Span<int> expiries)
    {
        var window = orgs[people.Org[p]].RenewalWindowDays;
        var held = HeldBy(p);
        var sat = catalogue.Satisfies;
        var n = catalogue.Count;
        var exFrom = exemptions.Start[p];
        var exTo = exemptions.Start[p + 1];
        var capFrom = caps.Start[p];
        var capTo = caps.Start[p + 1];
        var ptr = 0;
        var subject = -1;
        int rangeStart = 0, rangeEnd = 0;
        var tally = default(Tally);
        for (var j = 0; j < profile.Count; j++)
        {
            int comp = profile.Competency[j];
            int s = catalogue.Subject[comp];
            if (s != subject)
            {
                while (ptr < held.Length && (int)(held[ptr] >> 48) < s)
                {
                    ptr++;
                }

                rangeStart = ptr;
                while (ptr < held.Length && (int)(held[ptr] >> 48) == s)
                {
                    ptr++;
                }

                rangeEnd = ptr;
                subject = s;
            }

            var from = int.MaxValue;
            var kindMask = profile.KindMask[j];
            for (var i = 0; i < kindStarts.Length; i++)
            {
                if ((kindMask & (1u << i)) != 0 && kindStarts[i] < from)
                {
                    from = kindStarts[i];
                }
            }

            var graceEnd = from + profile.Grace[j];
            var months = profile.Months[j];
            var expires = DayCalendar.None;
            var last = DayCalendar.None;
            var uncapped = DayCalendar.None;
            var dayCap = 0;
            for (var q = rangeStart; q < rangeEnd; q++)
            {
                var key = held[q];
                var completed = (int)(uint)(key >> 16);
                if (completed > d)
                {
                    break;
                }

                var heldComp = (int)(key & 0xFFFF);
                if (!sat[(heldComp * n) + comp])
                {
                    continue;
                }

                // Same day as the previous one: one cycle, capped only if every completion that day is (the latest cap).
                var cap = CapOf(capFrom, capTo, heldComp, completed);
                if (completed == last)
                {
                    if (cap > dayCap)
                    {
                        dayCap = cap;
                        expires = Math.Min(uncapped, dayCap);
                    }

                    continue;
                }

                last = completed;
                dayCap = cap;
                if (months < 0)
                {
                    uncapped = DayCalendar.None;
                }
                else
                {
                    var early = expires != DayCalendar.None && completed < expires && completed >= expires - window;
                    uncapped = DayCalendar.AddMonths(early ? expires : completed, months);
                }

                expires = Math.Min(uncapped, dayCap);
            }

            var exempt = false;
            for (var e = exFrom; e < exTo; e++)
            {
                if (exemptions.Competency[e] == comp && exemptions.From[e] <= d && d < exemptions.Until[e])
                {
                    exempt = true;
                    break;
                }
            }

            ComplianceState state;
            if (exempt)
            {
                state = ComplianceState.Exempt;
            }
            else if (last == DayCalendar.None)
            {
                state = d < graceEnd ? ComplianceState.NotStartedInGrace : ComplianceState.NotStartedOverdue;
            }
            else if (expires == DayCalendar.None)
            {
                state = ComplianceState.Certified;
            }
            else
            {
                state = d >= expires ? ComplianceState.Expired
                    : d >= expires - window ? ComplianceState.RenewalDue
                    : ComplianceState.Certified;
            }

            states[j] = (byte)state;
            expiries[j] = expires;
            tally.Count(state, expires, d, s);
        }

        return tally;
    }

    /// <summary>The cap on (competency, day) for this person's cap range, or <see cref="DayCalendar.None"/> when uncapped.</summary>
    private int CapOf(int from, int to, int competency, int completedDay)
    {
        for (var i = from; i < to; i++)
        {
            if (caps.Day[i] == completedDay && caps.Competency[i] == competency)
            {
                return caps.Until[i];
            }
        }

        return DayCalendar.None;
    }

    private static List<(int From, int To)> Chunks(int from, int to)
    {
        var size = Math.Max(1024, (to - from) / (Environment.ProcessorCount * 16));
        var list = new List<(int, int)>();
        for (var i = from; i < to; i += size)
        {
            list.Add((i, Math.Min(to, i + size)));
        }

        return list;
    }

    /// <summary>One person's contribution: subjects with an unmet requirement, and cell counts.</summary>
    private struct Tally
    {
        public ulong NotMet;
        public int Overdue;
        public int Expiring30;
        public int Expiring60;
        public int Expiring90;

        public void Count(ComplianceState state, int expires, int d, int subject)
        {
            switch (state)
            {
                case ComplianceState.NotStartedInGrace:
                    NotMet |= 1UL << subject;
                    break;
                case ComplianceState.NotStartedOverdue or ComplianceState.Expired:
                    NotMet |= 1UL << subject;
                    Overdue++;
                    break;
                case ComplianceState.Certified or ComplianceState.RenewalDue when expires != DayCalendar.None:
                    var left = expires - d;
                    if (left < 30) Expiring30++;
                    if (left < 60) Expiring60++;
                    if (left < 90) Expiring90++;
                    break;
                default:
                    break;
            }
        }

        public static Tally Of(Profile profile, ReadOnlySpan<byte> states, ReadOnlySpan<int> expiries, EngineCatalogue catalogue, int d)
        {
            var tally = default(Tally);
            for (var j = 0; j < profile.Count; j++)
            {
                tally.Count((ComplianceState)states[j], expiries[j], d, catalogue.Subject[profile.Competency[j]]);
            }

            return tally;
        }
    }

    /// <summary>Totals per unit: people, per-subject required/compliant, overdue and expiring cells.</summary>
    private sealed class Totals(int units, int subjects)
    {
        public int[] People { get; } = new int[units];
        public int[] Required { get; } = new int[units * subjects];
        public int[] Compliant { get; } = new int[units * subjects];
        public int[] Overdue { get; } = new int[units];
        public int[] Expiring30 { get; } = new int[units];
        public int[] Expiring60 { get; } = new int[units];
        public int[] Expiring90 { get; } = new int[units];

        /// <summary>People counted in a unit through a current patient-facing or registered position.</summary>
        public int[] FacingPeople { get; } = new int[units];

        /// <summary>Of those, people not compliant in at least one subject.</summary>
        public int[] FacingWithGaps { get; } = new int[units];

        /// <summary>[unit * subjects + subject]: of those, people not compliant in the subject.</summary>
        public int[] FacingNotMet { get; } = new int[units * subjects];

        public void AddFacing(ReadOnlySpan<int> unitList, ulong notMet, int sign)
        {
            foreach (var u in unitList)
            {
                FacingPeople[u] += sign;
                FacingWithGaps[u] += notMet == 0 ? 0 : sign;
                var row = u * subjects;
                for (var bits = notMet; bits != 0; bits &= bits - 1)
                {
                    FacingNotMet[row + BitOperations.TrailingZeroCount(bits)] += sign;
                }
            }
        }

        public void Add(ReadOnlySpan<int> unitList, ulong required, Tally tally, int sign)
        {
            var met = required & ~tally.NotMet;
            foreach (var u in unitList)
            {
                People[u] += sign;
                Overdue[u] += sign * tally.Overdue;
                Expiring30[u] += sign * tally.Expiring30;
                Expiring60[u] += sign * tally.Expiring60;
                Expiring90[u] += sign * tally.Expiring90;
                var row = u * subjects;
                for (var bits = required; bits != 0; bits &= bits - 1)
                {
                    Required[row + BitOperations.TrailingZeroCount(bits)] += sign;
                }

                for (var bits = met; bits != 0; bits &= bits - 1)
                {
                    Compliant[row + BitOperations.TrailingZeroCount(bits)] += sign;
                }
            }
        }

        public void Merge(Totals other)
        {
            static void Sum(int[] a, int[] b)
            {
                for (var i = 0; i < a.Length; i++)
                {
                    a[i] += b[i];
                }
            }

            Sum(People, other.People);
            Sum(Required, other.Required);
            Sum(Compliant, other.Compliant);
            Sum(Overdue, other.Overdue);
            Sum(Expiring30, other.Expiring30);
            Sum(Expiring60, other.Expiring60);
            Sum(Expiring90, other.Expiring90);
            Sum(FacingPeople, other.FacingPeople);
            Sum(FacingWithGaps, other.FacingWithGaps);
            Sum(FacingNotMet, other.FacingNotMet);
        }
    }
}
