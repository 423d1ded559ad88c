using CareReady.Core.Competencies;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;

namespace CareReady.Core.Compliance.Engine;

/// <summary>A unit the engine keeps totals for: a department (division, department or ward), a site, an organisation, or everything.</summary>
public enum EngineUnitKind
{
    Department,
    Site,
    Organisation,
    All,
}

/// <summary>Compliance of one subject in one unit: people who need it, and those who meet every requirement they have in it.</summary>
public readonly record struct SubjectTotal(int SubjectId, int Required, int Compliant);

/// <summary>
/// A unit's aggregate: people counted once, per-subject totals, and requirement (cell) counts that are
/// overdue (expired or past the grace period) or certified and expiring within 30/60/90 days.
/// </summary>
public sealed record UnitSummary(
    EngineUnitKind Kind,
    int Id,
    int People,
    IReadOnlyList<SubjectTotal> Subjects,
    int Overdue,
    int Expiring30,
    int Expiring60,
    int Expiring90,
    PatientFacingSummary PatientFacing);

/// <summary>
/// The unit's people in patient-facing or registered roles: those counted in it through such a current
/// position, how many are not compliant in at least one subject, and per subject how many are not
/// compliant in it (the ground for risk exposure).
/// </summary>
public sealed record PatientFacingSummary(int People, int WithGaps, IReadOnlyList<SubjectGap> Gaps);

/// <summary>People in patient-facing or registered roles who are not compliant in a subject.</summary>
public readonly record struct SubjectGap(int SubjectId, int NotCompliant);

/// <summary>One person × requirement status as the engine holds it.</summary>
public readonly record struct EngineCell(int StaffMemberId, int CompetencyId, ComplianceState State, DateOnly? ExpiresOn);

/// <summary>An organisation as the engine sees it: its rules (with department paths), local refresher periods and renewal window.</summary>
internal sealed class EngineOrganisation
{
    public required int Id { get; init; }
    public required int RenewalWindowDays { get; init; }
    public required IReadOnlyList<RuleWithScope> Rules { get; set; }
    public required IReadOnlyDictionary<int, int> RefresherOverrides { get; init; }
    public bool HasJobRoleRules { get; set; }
    public int[] DepartmentScopedRules { get; set; } = [];
    public int FirstPerson { get; set; }
    public int EndPerson { get; set; }
}

/// <summary>
/// A "position kind": everything the rules can look at in a position, with the department reduced to
/// the set of department-scoped rules that contain it and the job role dropped when no rule uses it.
/// Many positions share a kind; requirement sets are resolved per combination of kinds.
/// </summary>
internal sealed record PositionKind(int Organisation, PositionFacts Facts);

/// <summary>The resolved requirement set for one combination of position kinds ("profile"), sorted by subject.</summary>
internal sealed class Profile
{
    public required short[] Competency { get; init; }
    public required int[] Months { get; init; }
    public required int[] Grace { get; init; }

    /// <summary>Bit i: the requirement comes (also) from the profile's i-th kind, so its positions' start dates count for "required from".</summary>
    public required uint[] KindMask { get; init; }

    public required ulong SubjectMask { get; init; }

    /// <summary>At least one of the kinds is patient-facing or a registered clinician's.</summary>
    public required bool PatientFacing { get; init; }

    public int Count => Competency.Length;
}

/// <summary>Up to four sorted kind ids; more than four are interned into <see cref="Overflow"/>.</summary>
internal readonly record struct ProfileKey(int Count, int K0, int K1, int K2, int K3, int Overflow);

/// <summary>The competency catalogue in dense form: subject of each, and which satisfies which.</summary>
internal sealed class EngineCatalogue
{
    public EngineCatalogue(IEnumerable<Competency> competencies)
    {
        var list = competencies.OrderBy(c => c.Id).ToList();
        if (list.Count > short.MaxValue)
        {
            throw new InvalidOperationException("Too many competencies for the compliance engine.");
        }

        Ids = list.Select(c => c.Id).ToArray();
        ById = list.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        SubjectIds = list.Select(c => c.SubjectId).Distinct().Order().ToArray();
        if (SubjectIds.Length > 64)
        {
            throw new InvalidOperationException("The compliance engine handles up to 64 subjects.");
        }

        var subjectIndex = SubjectIds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        Subject = list.Select(c => (byte)subjectIndex[c.SubjectId]).ToArray();
        Competencies = list.ToDictionary(c => c.Id);
        var n = list.Count;
        Satisfies = new bool[n * n];
        for (var h = 0; h < n; h++)
        {
            for (var r = 0; r < n; r++)
            {
                Satisfies[(h * n) + r] = list[h].Satisfies(list[r]);
            }
        }
    }

    public int[] Ids { get; }
    public Dictionary<int, int> ById { get; }
    public int[] SubjectIds { get; }
    public byte[] Subject { get; }
    public Dictionary<int, Competency> Competencies { get; }

    /// <summary>[held * Count + required].</summary>
    public bool[] Satisfies { get; }

    public int Count => Ids.Length;
}

/// <summary>A growable array of unmanaged values without per-item overhead.</summary>
internal sealed class GrowArray<T>(int capacity = 1024)
    where T : unmanaged
{
    private T[] items = new T[Math.Max(capacity, 16)];

    public int Count { get; private set; }

    public T[] Items => items;

    public void Add(T value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[Count++] = value;
    }

    public T this[int index] => items[index];
}

/// <summary>A department's place in the tree, for roll-ups.</summary>
internal readonly record struct EngineDepartment(int Id, int Organisation, int Parent, int Site, string Path, DepartmentKind Kind);
