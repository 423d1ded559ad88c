using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Writes a module version as a package in exactly the format <see cref="PackageValidator"/> reads,
/// so importing an export gives the same content: module.yaml, questions.yaml, one lessons/NN-title.md
/// per lesson (lesson file names are not stored, so they are made from position and title) and the media.
/// </summary>
public static class PackageWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="moduleCode">The module's code.</param>
    /// <param name="version">The version with its lessons, outcomes, questions, confers, media and guidelines loaded.</param>
    /// <param name="competencyCodes">Competency codes by id, for what the version confers.</param>
    /// <returns>The package's files in package order.</returns>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Files(string moduleCode, ModuleVersion version, IReadOnlyDictionary<int, string> competencyCodes)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(competencyCodes);
        var lessons = version.Lessons.OrderBy(l => l.Position).Select((l, i) => (Lesson: l, File: LessonFile(i + 1, l.Title))).ToList();
        var files = new List<KeyValuePair<string, byte[]>>
        {
            new(PackagePaths.Manifest, Utf8.GetBytes(Manifest(moduleCode, version, competencyCodes, lessons.Select(l => (l.Lesson.Title, l.File))))),
            new(PackagePaths.Questions, Utf8.GetBytes(Questions(version))),
        };
        files.AddRange(lessons.Select(l => new KeyValuePair<string, byte[]>(l.File, Utf8.GetBytes(l.Lesson.Markdown))));
        files.AddRange(version.Media.OrderBy(m => m.Path, StringComparer.Ordinal).Select(m => new KeyValuePair<string, byte[]>(m.Path, m.Content)));
        return files;
    }

    /// <summary>The files as a zip, entries in package order with a fixed timestamp (the same version gives the same bytes).</summary>
    public static byte[] Zip(IEnumerable<KeyValuePair<string, byte[]>> files, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stamp = timestamp.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : timestamp;
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var compress = path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
                var entry = zip.CreateEntry(path, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static string Manifest(string code, ModuleVersion v, IReadOnlyDictionary<int, string> competencyCodes, IEnumerable<(string Title, string File)> lessons) =>
        new YamlWriter()
            .Text("format", ManifestReader.Format)
            .Text("code", code)
            .Text("title", v.Title)
            .Text("summary", v.Summary)
            .Number("estimatedMinutes", v.EstimatedMinutes)
            .List("confers", v.Confers.Select(c => competencyCodes[c.CompetencyId]).Order(StringComparer.Ordinal), (w, c) => w.Text("competency", c))
            .List("guidelines", v.Guidelines.OrderBy(g => g.Id), (w, g) => w.Text("source", g.Source).Text("version", g.Version), skipWhenEmpty: true)
            .List("lessons", lessons, (w, l) => w.Text("title", l.Title).Text("file", l.File))
            .Mapping("assessment", a => a
                .Number("passMark", v.PassMarkPercent)
                .Number("attemptLimit", v.AttemptLimit)
                .Number("questionsPerOutcome", v.QuestionsPerOutcome)
                .Text("contact", v.Contact)
                .List("outcomes", v.Outcomes.OrderBy(o => o.Position), (w, o) => w.Text("code", o.Code).Text("text", o.Text)))
            .Finish();

    private static string Questions(ModuleVersion v) =>
        new YamlWriter()
            .List("questions", v.Questions.OrderBy(q => q.Position), (w, q) =>
            {
                w.Text("id", q.Key).Text("outcome", q.OutcomeCode).Text("type", QuestionBankReader.NameOf(q.Type)).Text("text", q.Text);
                switch (q.Type)
                {
                    case QuestionType.Single or QuestionType.Multiple:
                        w.List("options", q.Options, (o, option) => o.Text("text", option.Text).Boolean("correct", option.Correct ? true : null));
                        break;
                    case QuestionType.TrueFalse:
                        w.Boolean("answer", q.TrueFalseAnswer);
                        break;
                    case QuestionType.Numeric:
                        w.Number("answer", q.NumericAnswer).Number("tolerance", q.Tolerance).Text("unit", q.Unit);
                        break;
                    case QuestionType.Ordering:
                        w.Texts("items", q.Items);
                        break;
                }

                w.Text("feedback", q.Feedback);
            })
            .Finish();

    /// <summary><c>lessons/01-why-fire-safety-matters.md</c>: position, then the title in lower-case ASCII words.</summary>
    internal static string LessonFile(int position, string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var name = slug.ToString().Trim('-');
        if (name.Length > 50)
        {
            var cut = name.LastIndexOf('-', 50);
            name = name[..(cut > 20 ? cut : 50)].Trim('-'); // whole words where possible
        }

        return $"{PackagePaths.LessonsFolder}{position:00}{(name.Length > 0 ? "-" + name : "")}.md";
    }
}
