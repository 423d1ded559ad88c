using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>Export writes exactly what import reads: import(export(v)) has the same content as v.</summary>
public class PackageRoundTripTests
{
    [Fact]
    public void Text_that_YAML_could_misread_survives_export_and_import()
    {
        var files = TestPackages.Good()
            .With("module.yaml", "title: A test module", "title: \"yes\"")
            .With("module.yaml", "  contact: \"The fire safety adviser\"", "  contact: \"null\"")
            .With("module.yaml", "text: Explain the first thing", "text: \"- #1: explain 'this' & \\\"that\\\" — café\"")
            .With("questions.yaml", "text: Which three things must be present for a fire to start?",
                "text: |\n      Which **three** things?\n\n        - indented line\n      Last: line")
            .With("questions.yaml", "- text: Heat, smoke and fuel", "- text: \"42\"")
            .With("questions.yaml", "answer: 25", "answer: -0.125")
            .With("questions.yaml", "tolerance: 5", "tolerance: 0.000001")
            .With("questions.yaml", "- Raise the alarm", "- \"true\"")
            .With("lessons/02-second.md", "A callout.", "A callout.\r\n\r\n    code block\n\n<script>shown as text</script>");
        var original = TestPackages.Validate(files);
        Assert.True(original.IsValid, string.Join("\n", original.Problems));

        var exported = PackageWriter.Files(original.ModuleCode!, original.Content!, TestPackages.CompetencyCodes);
        using var zip = new MemoryStream(PackageWriter.Zip(exported, DateTimeOffset.UnixEpoch));
        using var source = ZipPackageSource.Open(zip);
        var again = TestPackages.Validate(source);

        Assert.True(again.IsValid, string.Join("\n", again.Problems) + "\n" + System.Text.Encoding.UTF8.GetString(exported[1].Value));
        ContentAssert.Equal(original.Content!, again.Content!);
        Assert.Equal("yes", again.Content!.Title);
        Assert.Equal(-0.125m, again.Content.Questions[3].NumericAnswer);
    }

    [Fact]
    public void An_export_names_lessons_by_position_and_title_and_lists_files_in_package_order()
    {
        var version = TestPackages.Validate(TestPackages.Good()).Content!;
        version.Lessons[1].Title = "Évacuation: the “safe” way!";

        var files = PackageWriter.Files("TEST-MODULE", version, TestPackages.CompetencyCodes);

        Assert.Equal(["module.yaml", "questions.yaml", "lessons/01-first-lesson.md", "lessons/02-evacuation-the-safe-way.md", "media/diagram.svg"], files.Select(f => f.Key));
    }

    [Fact]
    public void The_same_version_exports_to_the_same_bytes()
    {
        var version = TestPackages.Validate(TestPackages.Good()).Content!;
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(
            PackageWriter.Zip(PackageWriter.Files("TEST-MODULE", version, TestPackages.CompetencyCodes), at),
            PackageWriter.Zip(PackageWriter.Files("TEST-MODULE", version, TestPackages.CompetencyCodes), at));
    }

    [Fact]
    public void The_exported_manifest_reads_like_the_documented_format()
    {
        var version = TestPackages.Validate(TestPackages.Good()).Content!;

        var manifest = System.Text.Encoding.UTF8.GetString(PackageWriter.Files("TEST-MODULE", version, TestPackages.CompetencyCodes)[0].Value);

        Assert.Equal("""
            format: careready-module/1
            code: TEST-MODULE
            title: A test module
            summary: What the test module covers.
            estimatedMinutes: 20
            confers:
              - competency: CSTF-FIRE-1
            guidelines:
              - source: Regulatory Reform (Fire Safety) Order 2005
                version: "2005"
            lessons:
              - title: First lesson
                file: lessons/01-first-lesson.md
              - title: Second lesson
                file: lessons/02-second-lesson.md
            assessment:
              passMark: 75
              attemptLimit: 2
              questionsPerOutcome: 2
              contact: The fire safety adviser
              outcomes:
                - code: LO1
                  text: Explain the first thing
                - code: LO2
                  text: Describe the second thing

            """.ReplaceLineEndings("\n"), manifest);
        Assert.Equal(QuestionType.Ordering, version.Questions[4].Type);
    }
}
