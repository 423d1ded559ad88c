using System.IO.Compression;
using System.Text;
using CareReady.Core.Competencies;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>Small packages built from in-code files, and the catalogue's competency codes.</summary>
internal static class TestPackages
{
    /// <summary>The reference catalogue's competency codes with made-up ids (1, 2, …).</summary>
    public static readonly IReadOnlyDictionary<string, int> Competencies = ReferenceCatalogue.Subjects()
        .SelectMany(s => s.Competencies)
        .Select((c, i) => (c.Code, Id: i + 1))
        .ToDictionary(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyDictionary<int, string> CompetencyCodes => Competencies.ToDictionary(c => c.Value, c => c.Key);

    public const string Manifest = """
        format: careready-module/1
        code: TEST-MODULE
        title: A test module
        summary: >
          What the test module covers.
        estimatedMinutes: 20
        confers:
          - competency: CSTF-FIRE-1
        guidelines:
          - source: "Regulatory Reform (Fire Safety) Order 2005"
            version: "2005"
        lessons:
          - title: First lesson
            file: lessons/01-first.md
          - title: Second lesson
            file: lessons/02-second.md
        assessment:
          passMark: 75
          attemptLimit: 2
          questionsPerOutcome: 2
          contact: "The fire safety adviser"
          outcomes:
            - code: LO1
              text: Explain the first thing
            - code: LO2
              text: Describe the second thing
        """;

    public const string Questions = """
        questions:
          - id: Q1
            outcome: LO1
            type: single
            text: Which three things must be present for a fire to start?
            options:
              - text: Heat, fuel and oxygen
                correct: true
              - text: Heat, smoke and fuel
            feedback: The fire triangle.
          - id: Q2
            outcome: LO1
            type: multiple
            text: Which are sources of ignition?
            options:
              - { text: Faulty electrical equipment, correct: true }
              - { text: Smoking materials, correct: true }
              - { text: A closed fire door }
            feedback: Electrical faults and smoking.
          - id: Q3
            outcome: LO2
            type: truefalse
            text: You should use a lift to evacuate.
            answer: false
            feedback: Never, unless it is an evacuation lift.
          - id: Q4
            outcome: LO2
            type: numeric
            text: How many seconds may a door take to close?
            answer: 25
            tolerance: 5
            unit: seconds
            feedback: About 25 seconds.
          - id: Q5
            outcome: LO2
            type: ordering
            text: Put these in order.
            items:
              - Raise the alarm
              - Call the emergency number
              - Evacuate
            feedback: Alarm first.
        """;

    public const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>""";

    /// <summary>A valid package: two lessons (one with an image), two outcomes, one question of each type.</summary>
    public static Dictionary<string, string> Good() => new(StringComparer.Ordinal)
    {
        ["module.yaml"] = Manifest,
        ["questions.yaml"] = Questions,
        ["lessons/01-first.md"] = "## Why\n\nSome text with a [link](https://www.nhs.uk/) and a [leaflet](media/diagram.svg).\n\n![A circle](media/diagram.svg)\n",
        ["lessons/02-second.md"] = "> [!NOTE]\n> A callout.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        ["media/diagram.svg"] = Svg,
    };

    public static PackageValidation Validate(IReadOnlyDictionary<string, string> files) =>
        PackageValidator.Validate(PackageReader.Read(new MemorySource(files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value)))), Competencies);

    public static PackageValidation Validate(IPackageSource source) => PackageValidator.Validate(PackageReader.Read(source), Competencies);

    /// <summary>The files as a zip (in the order given).</summary>
    public static MemoryStream Zip(IEnumerable<KeyValuePair<string, byte[]>> files, CompressionLevel level = CompressionLevel.Optimal)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                using var stream = zip.CreateEntry(path, level).Open();
                stream.Write(content);
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    public static MemoryStream Zip(IReadOnlyDictionary<string, string> files) =>
        Zip(files.Select(f => new KeyValuePair<string, byte[]>(f.Key, Encoding.UTF8.GetBytes(f.Value))));

    /// <summary>Replaces <paramref name="old"/> (which must be there) in one file.</summary>
    public static Dictionary<string, string> With(this Dictionary<string, string> files, string path, string old, string replacement)
    {
        Assert.Contains(old, files[path], StringComparison.Ordinal);
        files[path] = files[path].Replace(old, replacement, StringComparison.Ordinal);
        return files;
    }

    public static List<string> Messages(this PackageValidation validation) => [.. validation.Problems.Select(p => p.ToString())];
}

/// <summary>A package held in memory, as a folder or zip would offer it.</summary>
internal sealed class MemorySource(IReadOnlyDictionary<string, byte[]> files) : IPackageSource
{
    public string Name => "memory";

    public IReadOnlyList<PackageProblem> Problems => [];

    public IEnumerable<PackageEntry> Entries => files.Select(f => new PackageEntry(f.Key, null, () => new MemoryStream(f.Value, writable: false)));
}
