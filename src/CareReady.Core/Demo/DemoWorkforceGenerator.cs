using System.Globalization;
using CareReady.Core.Competencies;
using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>What the training simulation needs to know about a person beyond the HR record.</summary>
internal sealed class DemoPersonTraits
{
    /// <summary>0 (never trains) … 1 (always renews on time).</summary>
    public double Diligence { get; set; }

    /// <summary>From this day the person stops renewing anything (long-term absence, disengaged).</summary>
    public DateOnly? LapsedFrom { get; set; }

    /// <summary>The person's main current (or, for a leaver, last) position.</summary>
    public int PrimaryPositionId { get; set; }

    public bool FixedPost { get; set; }
}

internal sealed record DemoWorkforce(
    IReadOnlyList<Site> Sites,
    IReadOnlyList<Department> Departments,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<DemoPersonTraits> Traits,
    IReadOnlyDictionary<string, int> DepartmentIds,
    IReadOnlyDictionary<int, string[]> DepartmentTags,
    int ManagerStaffId,
    int EducatorStaffId,
    int ComplianceLeadStaffId,
    int AdminStaffId);

/// <summary>Builds the sites, the department tree and the staff with their positions (local ids from 1).</summary>
internal sealed class DemoWorkforceGenerator
{
    private const double NewStarterShare = 0.03;
    private const double LeaverShare = 0.04;
    private const double BankShare = 0.065;
    private const double PromotionChance = 0.35;
    private const double LapsedShare = 0.03;

    private readonly Random rng;
    private readonly DateOnly today;
    private readonly int staffCount;
    private readonly Dictionary<string, bool> clinicalGroups = ReferenceCatalogue.StaffGroups().ToDictionary(g => g.Code, g => g.Clinical, StringComparer.Ordinal);
    private readonly List<Department> departments = [];
    private readonly Dictionary<string, int> departmentIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, DemoDepartmentSpec> specs = [];
    private readonly Dictionary<int, double> departmentDiligence = [];
    private readonly List<StaffMember> staff = [];
    private readonly List<DemoPersonTraits> traits = [];
    private readonly DemoPersonDetails details;
    private int nextPositionId = 1;

    public DemoWorkforceGenerator(Random rng, DateOnly today, int staffCount)
    {
        this.rng = rng;
        this.today = today;
        this.staffCount = staffCount;
        details = new DemoPersonDetails(rng);
    }

    public DemoWorkforce Build()
    {
        var sites = DemoStructure.Sites.Select((s, i) => new Site { Id = i + 1, Code = s.Code, Name = s.Name }).ToList();
        var siteIds = sites.ToDictionary(s => s.Code, s => s.Id, StringComparer.Ordinal);
        foreach (var spec in DemoStructure.Departments)
        {
            var id = departments.Count + 1;
            int? parentId = spec.Parent is null ? null : departmentIds[spec.Parent];
            var department = new Department
            {
                Id = id,
                Code = spec.Code,
                Name = spec.Name,
                Kind = spec.Kind,
                ParentId = parentId,
                SiteId = spec.Site is null ? null : siteIds[spec.Site],
            };
            DepartmentTree.AssignPath(department, parentId is int p ? departments[p - 1] : null);
            departments.Add(department);
            departmentIds[spec.Code] = id;
            specs[id] = spec;
            departmentDiligence[id] = DemoStructure.Lagging.Contains(spec.Code) ? 0.03 : 0.68 + (0.27 * rng.NextDouble());
        }

        // Fixed posts first: a manager per ward, a matron per department with wards, the education team.
        var fixedRoles = new List<(DemoJobRole Role, int DepartmentId)>();
        foreach (var d in departments)
        {
            if (DemoJobRoles.ManagerFor(specs[d.Id].Tags) is { } manager && d.Kind == DepartmentKind.Ward)
            {
                fixedRoles.Add((manager, d.Id));
            }

            if (d.Kind == DepartmentKind.Department
                && departments.Any(w => w.ParentId == d.Id && DemoJobRoles.ManagerFor(specs[w.Id].Tags) is not null))
            {
                fixedRoles.Add((DemoJobRoles.Matron, d.Id));
            }
        }

        var education = departmentIds[DemoStructure.EducationDepartment];
        fixedRoles.Add((DemoJobRoles.ClinicalEducator, education));
        fixedRoles.Add((DemoJobRoles.ClinicalEducator, education));
        fixedRoles.Add((DemoJobRoles.ClinicalEducator, education));
        fixedRoles.Add((DemoJobRoles.TrainingLead, education));
        fixedRoles.Add((DemoJobRoles.LearningSystemsAdmin, education));
        if (staffCount < fixedRoles.Count * 3)
        {
            throw new ArgumentOutOfRangeException(nameof(staffCount), staffCount, "The demo organisation needs at least " + (fixedRoles.Count * 3) + " staff.");
        }

        var fixedIds = fixedRoles.Select(f => AddPerson(f.Role, f.DepartmentId, fixedPost: true).Id).ToList();
        var managerId = fixedIds[fixedRoles.FindIndex(f => f.Role == DemoJobRoles.Matron && f.DepartmentId == departmentIds[DemoStructure.ManagerDepartment])];
        var educatorId = fixedIds[fixedRoles.FindIndex(f => f.Role == DemoJobRoles.ClinicalEducator)];
        var leadId = fixedIds[fixedRoles.FindIndex(f => f.Role == DemoJobRoles.TrainingLead)];
        var adminId = fixedIds[fixedRoles.FindIndex(f => f.Role == DemoJobRoles.LearningSystemsAdmin)];

        // Everyone else: exact staff-group counts (largest remainder), in random order.
        var groups = GroupDraws(fixedRoles.Select(f => f.Role.Group).ToList());
        var rolesByGroup = DemoJobRoles.All.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var eligible = DemoJobRoles.All.ToDictionary(r => r, EligibleDepartments);
        foreach (var group in groups)
        {
            var roles = rolesByGroup[group];
            var role = roles[rng.PickIndex(roles.Select(r => r.Weight).ToList())];
            var places = eligible[role];
            var departmentId = places[rng.PickIndex(places.Select(p => specs[p].Size).ToList())];
            AddPerson(role, departmentId, fixedPost: false, eligible[role]);
        }

        return new DemoWorkforce(sites, departments, staff, traits, departmentIds,
            specs.ToDictionary(s => s.Key, s => s.Value.Tags), managerId, educatorId, leadId, adminId);
    }

    private List<int> EligibleDepartments(DemoJobRole role)
    {
        var list = departments.Where(d => specs[d.Id].Tags.Any(role.Tags.Contains)).Select(d => d.Id).ToList();
        return list.Count > 0 ? list : throw new InvalidOperationException("No department for job role " + role.Title);
    }

    private List<string> GroupDraws(List<string> alreadyPlaced)
    {
        var shares = DemoJobRoles.GroupShares;
        var exact = shares.Select(s => s.Share * staffCount).ToArray();
        var counts = exact.Select(x => (int)Math.Floor(x)).ToArray();
        var remainder = staffCount - counts.Sum();
        foreach (var i in Enumerable.Range(0, shares.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(remainder))
        {
            counts[i]++;
        }

        var draws = new List<string>(staffCount);
        for (var i = 0; i < shares.Length; i++)
        {
            var n = Math.Max(counts[i] - alreadyPlaced.Count(g => g == shares[i].Group), 0);
            draws.AddRange(Enumerable.Repeat(shares[i].Group, n));
        }

        // Fixed posts may have pushed one group over its share; trim so the total is exact.
        while (draws.Count + alreadyPlaced.Count > staffCount)
        {
            draws.RemoveAt(draws.FindIndex(g => g == "NMR" || g == "AC"));
        }

        rng.Shuffle(draws);
        return draws;
    }

    private StaffMember AddPerson(DemoJobRole role, int departmentId, bool fixedPost, List<int>? places = null)
    {
        var id = staff.Count + 1;
        var (first, last) = details.Name();
        var employeeNumber = details.EmployeeNumber();
        var newStarter = !fixedPost && rng.Chance(NewStarterShare);
        var start = StartDate(role, newStarter, fixedPost);
        var tenure = today.DayNumber - start.DayNumber;
        var person = new StaffMember
        {
            Id = id,
            EmployeeNumber = employeeNumber,
            FirstName = first,
            LastName = last,
            WorkEmail = details.Email(first, last),
            StartDate = start,
        };
        if (role.Registration is not null)
        {
            person.RegistrationBody = role.Registration;
            person.RegistrationNumber = details.RegistrationNumber(role, start);
        }

        DateOnly? leaving = !fixedPost && !newStarter && tenure > 120 && rng.Chance(LeaverShare)
            ? today.AddDays(-rng.Days(1, Math.Min(540, tenure - 60)))
            : null;
        person.LeavingDate = leaving;

        var suffix = 1;
        string NextAssignment() => suffix++ == 1 ? employeeNumber : employeeNumber + "-" + (suffix - 1).ToString(CultureInfo.InvariantCulture);

        // A promoted person keeps the ended earlier position as history.
        var mainStart = start;
        if (!fixedPost && role.PromotedFrom is not null && tenure > 3 * 365 && rng.Chance(PromotionChance))
        {
            var promoted = start.AddDays(rng.Days(365, tenure - 180));
            if (leaving is null || promoted < leaving.Value.AddDays(-30))
            {
                person.Positions.Add(NewPosition(person, NextAssignment(), role, role.PromotedFrom, role.PromotedFromBand!, departmentId, start, promoted));
                mainStart = promoted;
            }
        }

        var main = NewPosition(person, NextAssignment(), role, role.Title, rng.Pick(role.Bands), departmentId, mainStart, leaving);
        person.Positions.Add(main);

        // A second (bank or locum) position, mostly still open.
        if (!fixedPost && !newStarter && leaving is null && places is not null && role.Group != "STU" && tenure > 90 && rng.Chance(BankShare))
        {
            var bankStart = start.AddDays(rng.Days(30, tenure - 30));
            var others = places.Where(p => p != departmentId).ToList();
            var bankDepartment = others.Count > 0 ? rng.Pick(others) : departmentId;
            DateOnly? bankEnd = rng.Chance(0.15) && today.DayNumber - bankStart.DayNumber > 120
                ? bankStart.AddDays(rng.Days(60, today.DayNumber - bankStart.DayNumber - 30))
                : null;

            var title = (role.Group == "MD" ? "Locum " : "Bank ") + role.Title;
            person.Positions.Add(NewPosition(person, NextAssignment(), role, title, main.Band, bankDepartment, bankStart, bankEnd));
        }

        var baseDiligence = departmentDiligence[departmentId];
        var trait = new DemoPersonTraits
        {
            Diligence = Math.Clamp(baseDiligence + (0.12 * rng.Normal()), 0.02, 0.99),
            PrimaryPositionId = main.Id,
            FixedPost = fixedPost,
        };
        if (fixedPost)
        {
            trait.Diligence = Math.Max(trait.Diligence, 0.9);
        }
        else if (!newStarter && rng.Chance(LapsedShare))
        {
            trait.LapsedFrom = today.AddDays(-rng.Days(30, Math.Max(30, Math.Min(3 * 365, tenure))));
        }

        staff.Add(person);
        traits.Add(trait);
        return person;
    }

    private Position NewPosition(StaffMember person, string assignment, DemoJobRole role, string title, string band, int departmentId, DateOnly start, DateOnly? end)
    {
        var clinical = clinicalGroups[role.Group];
        return new Position
        {
            Id = nextPositionId++,
            StaffMemberId = person.Id,
            AssignmentNumber = assignment,
            StaffGroupCode = role.Group,
            JobRole = title,
            Band = band,
            DepartmentId = departmentId,
            PatientContact = role.PatientContact,
            WorksWithChildren = clinical && role.PatientContact && specs[departmentId].Tags.Contains("children"),
            RegisteredClinician = role.Registration is not null,
            StartDate = start,
            EndDate = end,
        };
    }

    private DateOnly StartDate(DemoJobRole role, bool newStarter, bool fixedPost)
    {
        if (newStarter)
        {
            return today.AddDays(-rng.Days(0, 59));
        }

        double years;
        if (fixedPost)
        {
            years = 3 + (15 * rng.NextDouble());
        }
        else if (role.MaxTenureYears < 25)
        {
            years = role.MaxTenureYears * rng.NextDouble();
        }
        else
        {
            years = 25 * Math.Pow(rng.NextDouble(), 2.0);
        }

        return today.AddDays(-Math.Max(61, (int)(years * 365.25)));
    }
}
