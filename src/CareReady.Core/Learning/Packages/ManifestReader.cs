using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Reads module.yaml and checks each of its fields on its own (required, kind, range, length, pattern).
/// What needs other files (competency codes, lesson files, the question bank) is checked by <see cref="PackageValidator"/>.
/// </summary>
internal static partial class ManifestReader
{
    public const string Format = "careready-module/1";

    private static readonly string[] Fields = ["format", "code", "title", "summary", "estimatedMinutes", "confers", "guidelines", "lessons", "assessment"];
    private static readonly string[] AssessmentFields = ["passMark", "attemptLimit", "questionsPerOutcome", "contact", "outcomes"];

    public static ManifestDraft? Read(byte[] bytes, List<PackageProblem> problems)
    {
        if (YamlLoader.LoadMapping(PackagePaths.Manifest, bytes, problems) is not { } root)
        {
            return null;
        }

        var f = new YamlFields(root, PackagePaths.Manifest, null, problems, Fields);
        var format = f.Text("format", required: true, 100);
        if (format is not null && format != Format)
        {
            f.Problem("format", $"'format' must be exactly {Format} (found \"{format}\")");
        }

        var code = f.Text("code", required: true, 64);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            f.Problem("code", $"'code' may hold only capital letters A–Z, digits and '-' (found \"{code}\")");
        }

        return new ManifestDraft(
            code,
            f.Text("title", required: true, 200),
            f.Text("summary", required: true, 1000),
            f.WholeNumber("estimatedMinutes", required: true, 1, 600),
            ReadConfers(f),
            ReadGuidelines(f),
            ReadLessons(f),
            ReadAssessment(f, problems));
    }

    private static List<Located<string>> ReadConfers(YamlFields f)
    {
        var confers = new List<Located<string>>();
        var list = f.List("confers", required: true);
        foreach (var item in list ?? [])
        {
            if (f.Item(item, "entry of 'confers'") is { } map)
            {
                var entry = new YamlFields(map, PackagePaths.Manifest, "confers", f.Problems, ["competency"]);
                if (entry.Text("competency", required: true, 64) is { } competency)
                {
                    confers.Add(new Located<string>(competency, entry.LineOf("competency")));
                }
            }
        }

        if (list is { Count: 0 })
        {
            f.Problem("confers", "'confers' needs at least one competency");
        }

        return confers;
    }

    private static List<GuidelineCitation> ReadGuidelines(YamlFields f)
    {
        var guidelines = new List<GuidelineCitation>();
        foreach (var item in f.List("guidelines", required: false) ?? [])
        {
            if (f.Item(item, "entry of 'guidelines'") is { } map)
            {
                var entry = new YamlFields(map, PackagePaths.Manifest, "guidelines", f.Problems, ["source", "version"]);
                var source = entry.Text("source", required: true, 200);
                var version = entry.Text("version", required: true, 64);
                if (source is not null && version is not null)
                {
                    guidelines.Add(new GuidelineCitation { Source = source, Version = version });
                }
            }
        }

        return guidelines;
    }

    private static List<LessonDraft> ReadLessons(YamlFields f)
    {
        var lessons = new List<LessonDraft>();
        var list = f.List("lessons", required: true);
        foreach (var item in list ?? [])
        {
            if (f.Item(item, "lesson") is not { } map)
            {
                continue;
            }

            var name = YamlFields.Peek(map, "title") is { } peeked ? $"lesson \"{peeked}\"" : $"lesson {lessons.Count + 1}";
            var entry = new YamlFields(map, PackagePaths.Manifest, name, f.Problems, ["title", "file"]);
            var title = entry.Text("title", required: true, 200);
            var file = entry.Text("file", required: true, PackagePaths.MaxLength);
            if (file is not null && !PackagePaths.IsLesson(file))
            {
                entry.Problem("file", $"'file' must name a Markdown file in the lessons folder, like lessons/01-introduction.md (found \"{file}\")");
                file = null;
            }

            if (title is not null && file is not null)
            {
                lessons.Add(new LessonDraft(title, file, entry.LineOf("file")));
            }
        }

        if (list is { Count: 0 })
        {
            f.Problem("lessons", "'lessons' needs at least one lesson");
        }

        return lessons;
    }

    private static AssessmentDraft? ReadAssessment(YamlFields f, List<PackageProblem> problems)
    {
        if (f.Mapping("assessment", required: true) is not { } map)
        {
            return null;
        }

        var a = new YamlFields(map, PackagePaths.Manifest, "assessment", problems, AssessmentFields);
        var passMark = a.WholeNumber("passMark", required: false, 1, 100) ?? ModuleVersion.DefaultPassMark;
        var attemptLimit = a.WholeNumber("attemptLimit", required: false, 1, 10) ?? ModuleVersion.DefaultAttemptLimit;
        var perOutcome = a.WholeNumber("questionsPerOutcome", required: false, 1, null) ?? ModuleVersion.DefaultQuestionsPerOutcome;
        var contact = a.Text("contact", required: false, 200);

        var outcomes = new List<OutcomeDraft>();
        var list = a.List("outcomes", required: true);
        foreach (var item in list ?? [])
        {
            if (a.Item(item, "outcome") is not { } outcomeMap)
            {
                continue;
            }

            var name = YamlFields.Peek(outcomeMap, "code") is { } peeked ? $"outcome \"{peeked}\"" : $"outcome {outcomes.Count + 1}";
            var o = new YamlFields(outcomeMap, PackagePaths.Manifest, name, problems, ["code", "text"]);
            var code = o.Text("code", required: true, 32);

            var text = o.Text("text", required: true, 500);
            if (code is not null && text is not null)
            {
                outcomes.Add(new OutcomeDraft(code, text, o.LineOf("code")));
            }
        }

        if (list is { Count: 0 })
        {
            a.Problem("outcomes", "'outcomes' needs at least one learning outcome");
        }

        return new AssessmentDraft(passMark, attemptLimit, perOutcome, contact, outcomes);
    }

    [GeneratedRegex("^[A-Z0-9-]+$")]
    private static partial Regex CodePattern();
}
