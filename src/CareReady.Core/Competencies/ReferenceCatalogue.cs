using System.Globalization;
using CareReady.Core.Workforce;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareReady.Core.Competencies;

/// <summary>A subject with its levels, as read from the shipped reference files.</summary>
public sealed record CatalogueSubject(string FrameworkCode, string Code, string Name, IReadOnlyList<CatalogueCompetency> Competencies);

public sealed record CatalogueCompetency(string Code, string Name, int Level, string? Variant, int? RefresherMonths, string? Audience, string? EsrName,
    CompetencyKind Kind = CompetencyKind.Knowledge);

/// <summary>
/// Reads the reference data shipped inside the assembly: staff groups, the Core Skills Training Framework and
/// the AI &amp; digital capability framework (national, copied from <c>shared/data</c>), and CareReady's small
/// clinical skills framework (<c>clinical-skills.csv</c>: competencies that clinical simulations confer, each
/// citing the guidance it rests on; no refresher period unless a trust sets one in a rule).
/// </summary>
public static class ReferenceCatalogue
{
    public const string CstfCode = "CSTF";
    public const string AiFrameworkCode = "AIDHT";
    public const string ClinicalFrameworkCode = "CLIN";
    public const int AiKnowledgeLevels = 4;

    public static IReadOnlyList<Framework> Frameworks { get; } =
    [
        new() { Code = CstfCode, Name = "Core Skills Training Framework", Publisher = "Skills for Health" },
        new() { Code = AiFrameworkCode, Name = "AI and Digital Healthcare Technologies Capability Framework", Publisher = "NHS England (2023)" },
        new() { Code = ClinicalFrameworkCode, Name = "Clinical skills practised in simulation", Publisher = "CareReady (from NICE, RCP and RCR guidance)" },
    ];

    public static IReadOnlyList<StaffGroup> StaffGroups() =>
        ReadRows("staff-groups.csv").Select(r => new StaffGroup
        {
            Code = r["code"],
            Name = r["staff_group"],
            Clinical = bool.Parse(r["clinical"]),
        }).ToList();

    public static IReadOnlyList<CatalogueSubject> Subjects() => [.. CstfSubjects(), .. AiSubjects(), .. ClinicalSubjects()];

    private static IEnumerable<CatalogueSubject> CstfSubjects()
    {
        var rows = ReadRows("cstf-subjects.csv");
        foreach (var group in rows.GroupBy(r => r["subject"]))
        {
            var first = group.First()["code"];
            var subjectCode = first[..first.LastIndexOf('-')];
            var multiLevel = group.Count() > 1;
            var competencies = group.Select(r =>
            {
                var code = r["code"];
                var suffix = code[(code.LastIndexOf('-') + 1)..];
                string? variant = suffix.EndsWith('A') ? "Adult" : suffix.EndsWith('P') ? "Paediatric" : null;
                var years = int.Parse(r["refresher_years"], CultureInfo.InvariantCulture);
                var levelName = r["level_name"];
                var esr = "NHS|CSTF|" + group.Key + " - " + (multiLevel ? levelName + " - " : "") + years + " Years|";
                return new CatalogueCompetency(code, levelName, int.Parse(r["level"], CultureInfo.InvariantCulture), variant, years * 12, r["audience"], esr);
            }).ToList();

            // Practical subjects also have an observed-practice competency per level (checklist and sign-off).
            competencies.AddRange(competencies
                .Where(c => ObservationChecklists.ForCode(c.Code + ObservationChecklists.Suffix) is not null)
                .Select(c => c with
                {
                    Code = c.Code + ObservationChecklists.Suffix,
                    Name = c.Name + " — observed practice",
                    EsrName = null,
                    Kind = CompetencyKind.ObservedPractice,
                })
                .ToList());
            competencies = competencies.OrderBy(c => c.Level).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
            yield return new CatalogueSubject(CstfCode, subjectCode, group.Key, competencies);
        }
    }

    private static IEnumerable<CatalogueSubject> AiSubjects()
    {
        foreach (var r in ReadRows("ai-capability-framework.csv"))
        {
            var code = AiFrameworkCode + "-" + r["code"];
            var name = string.IsNullOrWhiteSpace(r["subdomain"]) ? r["domain"] : r["domain"] + ": " + r["subdomain"];
            var levels = Enumerable.Range(1, AiKnowledgeLevels)
                .Select(l => new CatalogueCompetency(code + "-L" + l, "Level " + l, l, null, null, null, null))
                .ToList();
            yield return new CatalogueSubject(AiFrameworkCode, code, name, levels);
        }
    }

    private static IEnumerable<CatalogueSubject> ClinicalSubjects()
    {
        foreach (var group in ReadRows("clinical-skills.csv").GroupBy(r => r["subject"]))
        {
            var first = group.First()["code"];
            var competencies = group.Select(r => new CatalogueCompetency(
                r["code"], r["level_name"], int.Parse(r["level"], CultureInfo.InvariantCulture), null,
                string.IsNullOrWhiteSpace(r["refresher_years"]) ? null : int.Parse(r["refresher_years"], CultureInfo.InvariantCulture) * 12,
                r["audience"], null)).OrderBy(c => c.Level).ToList();
            yield return new CatalogueSubject(ClinicalFrameworkCode, first[..first.LastIndexOf('-')], group.Key, competencies);
        }
    }

    private static List<Dictionary<string, string>> ReadRows(string fileName)
    {
        var resource = "CareReady.ReferenceData." + fileName;
        using var stream = typeof(ReferenceCatalogue).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Missing embedded reference file " + resource);
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal));
        }

        return rows;
    }
}
