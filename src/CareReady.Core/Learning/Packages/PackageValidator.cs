namespace CareReady.Core.Learning.Packages;

/// <summary>The outcome of checking a package.</summary>
/// <param name="ModuleCode">The module's code from module.yaml, when it could be read.</param>
/// <param name="Content">
/// The package as an unsaved module version (lessons, outcomes, questions, what it confers, media,
/// guidelines) when there are no problems; its organisation, module, number, status and who created it are the importer's to set.
/// </param>
/// <param name="Problems">Every problem, by file and line; empty when the package is valid.</param>
public sealed record PackageValidation(string? ModuleCode, ModuleVersion? Content, IReadOnlyList<PackageProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Content is not null;
}

/// <summary>
/// Checks a package against every rule of docs/content-packages.md and lists every problem (it never
/// stops at the first): each file on its own (<see cref="ManifestReader"/>, <see cref="QuestionBankReader"/>,
/// <see cref="LessonChecker"/>, <see cref="SvgChecker"/>), then across files: competency codes in the
/// catalogue, lesson files present, outcome codes unique and used, question ids unique, each question's
/// outcome declared, and at least questionsPerOutcome questions for every outcome.
/// </summary>
public static class PackageValidator
{
    /// <param name="read">The package's files, as <see cref="PackageReader"/> read them.</param>
    /// <param name="competencies">The catalogue's competency ids by code (compared ignoring case).</param>
    public static PackageValidation Validate(PackageReadResult read, IReadOnlyDictionary<string, int> competencies)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(competencies);
        var problems = new List<PackageProblem>(read.Problems);
        var files = read.Files;

        ManifestDraft? manifest = null;
        if (files.TryGetValue(PackagePaths.Manifest, out var manifestBytes))
        {
            manifest = ManifestReader.Read(manifestBytes, problems);
        }
        else
        {
            problems.Add(new PackageProblem(PackagePaths.Manifest, null, "is missing: every package needs its manifest, module.yaml, at the top of the zip"));
        }

        List<QuestionDraft>? questions = null;
        if (files.TryGetValue(PackagePaths.Questions, out var questionBytes))
        {
            questions = QuestionBankReader.Read(questionBytes, problems);
        }
        else
        {
            problems.Add(new PackageProblem(PackagePaths.Questions, null, "is missing: every package needs its question bank, questions.yaml, at the top of the zip"));
        }

        var lessons = manifest is null ? [] : CheckLessons(manifest, files, problems);
        foreach (var (path, content) in files.Where(f => f.Key.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
        {
            SvgChecker.Check(path, content, problems);
        }

        var confers = manifest is null ? [] : CheckConfers(manifest, competencies, problems);
        if (questions is not null)
        {
            CheckQuestionBank(manifest?.Assessment, questions, problems);
        }

        var sorted = problems.OrderBy(p => FileOrder(p.Path)).ThenBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line ?? 0).ToList();
        if (sorted.Count > 0 || manifest is null || questions is null)
        {
            return new PackageValidation(manifest?.Code, null, sorted);
        }

        return new PackageValidation(manifest.Code, Build(manifest, lessons, questions!, confers, files), []);
    }

    private static List<ModuleLesson> CheckLessons(ManifestDraft manifest, IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
    {
        var lessons = new List<ModuleLesson>();
        var checkedFiles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var lesson in manifest.Lessons)
        {
            if (!checkedFiles.TryGetValue(lesson.File, out var markdown))
            {
                if (!files.TryGetValue(lesson.File, out var bytes))
                {
                    problems.Add(new PackageProblem(PackagePaths.Manifest, lesson.Line, $"lesson \"{lesson.Title}\": the file {lesson.File} is not in the package"));
                }
                else if ((markdown = YamlLoader.DecodeText(lesson.File, bytes, problems)) is not null)
                {
                    LessonChecker.Check(lesson.File, markdown, files.ContainsKey, problems);
                }

                checkedFiles[lesson.File] = markdown;
            }

            lessons.Add(new ModuleLesson { Position = lessons.Count + 1, Title = lesson.Title, Markdown = markdown ?? "" });
        }

        return lessons;
    }

    private static List<ModuleConferral> CheckConfers(ManifestDraft manifest, IReadOnlyDictionary<string, int> competencies, List<PackageProblem> problems)
    {
        var confers = new List<ModuleConferral>();
        foreach (var code in manifest.Confers)
        {
            if (!competencies.TryGetValue(code.Value, out var id))
            {
                problems.Add(new PackageProblem(PackagePaths.Manifest, code.Line,
                    $"confers: \"{code.Value}\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1, AIDHT-D1-L2)"));
            }
            else if (confers.Any(c => c.CompetencyId == id))
            {
                problems.Add(new PackageProblem(PackagePaths.Manifest, code.Line, $"confers: \"{code.Value}\" is listed more than once"));
            }
            else
            {
                confers.Add(new ModuleConferral { CompetencyId = id });
            }
        }

        return confers;
    }

    private static void CheckQuestionBank(AssessmentDraft? assessment, List<QuestionDraft> questions, List<PackageProblem> problems)
    {
        foreach (var repeated in questions.Where(q => q.Question.Key.Length > 0).GroupBy(q => q.Question.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var q in repeated.Skip(1))
            {
                problems.Add(new PackageProblem(PackagePaths.Questions, q.Line, $"question \"{q.Question.Key}\": the id is used by another question (line {repeated.First().Line}); ids must be unique"));
            }
        }

        if (assessment is null)
        {
            return;
        }

        foreach (var repeated in assessment.Outcomes.GroupBy(o => o.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var o in repeated.Skip(1))
            {
                problems.Add(new PackageProblem(PackagePaths.Manifest, o.Line, $"outcome \"{o.Code}\": the code is used by another outcome (line {repeated.First().Line}); codes must be unique"));
            }
        }

        var declared = assessment.Outcomes.Select(o => o.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var q in questions.Where(q => q.Question.OutcomeCode.Length > 0 && !declared.Contains(q.Question.OutcomeCode)))
        {
            problems.Add(new PackageProblem(PackagePaths.Questions, q.OutcomeLine,
                $"question \"{q.Question.Key}\": outcome \"{q.Question.OutcomeCode}\" is not one of the outcomes in module.yaml ({string.Join(", ", declared)})"));
        }

        foreach (var outcome in assessment.Outcomes.DistinctBy(o => o.Code))
        {
            var count = questions.Count(q => q.Question.OutcomeCode == outcome.Code);
            if (count < assessment.QuestionsPerOutcome)
            {
                problems.Add(new PackageProblem(PackagePaths.Manifest, outcome.Line,
                    $"outcome \"{outcome.Code}\" has {count} question{(count == 1 ? "" : "s")} in questions.yaml; questionsPerOutcome is {assessment.QuestionsPerOutcome}, so it needs at least {assessment.QuestionsPerOutcome}"));
            }
        }
    }

    private static ModuleVersion Build(ManifestDraft manifest, List<ModuleLesson> lessons, List<QuestionDraft> questions,
        List<ModuleConferral> confers, IReadOnlyDictionary<string, byte[]> files)
    {
        var assessment = manifest.Assessment!;
        return new ModuleVersion
        {
            Title = manifest.Title!,
            Summary = manifest.Summary!,
            EstimatedMinutes = manifest.EstimatedMinutes!.Value,
            PassMarkPercent = assessment.PassMark,
            AttemptLimit = assessment.AttemptLimit,
            QuestionsPerOutcome = assessment.QuestionsPerOutcome,
            Contact = assessment.Contact,
            CreatedBy = "",
            Lessons = lessons,
            Outcomes = [.. assessment.Outcomes.Select((o, i) => new LearningOutcome { Position = i + 1, Code = o.Code, Text = o.Text })],
            Questions = [.. questions.Select(q => q.Question)],
            Confers = confers,
            Guidelines = [.. manifest.Guidelines],
            Media =
            [
                .. files.Where(f => PackagePaths.IsMedia(f.Key)).OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => new ModuleMedia { Path = f.Key, ContentType = PackagePaths.ContentTypeOf(f.Key)!, Content = f.Value }),
            ],
        };
    }

    private static int FileOrder(string path) => path switch
    {
        PackageProblem.WholePackage => 0,
        PackagePaths.Manifest => 1,
        PackagePaths.Questions => 2,
        _ when path.StartsWith(PackagePaths.LessonsFolder, StringComparison.Ordinal) => 3,
        _ when path.StartsWith(PackagePaths.MediaFolder, StringComparison.Ordinal) => 4,
        _ => 5,
    };
}
