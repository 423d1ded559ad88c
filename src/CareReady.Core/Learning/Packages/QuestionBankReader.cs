using YamlDotNet.RepresentationModel;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Reads questions.yaml and checks every question on its own: the common fields and the rules of its
/// type. Cross-file rules (the outcome exists, ids are unique, enough questions per outcome) are
/// <see cref="PackageValidator"/>'s.
/// </summary>
internal static class QuestionBankReader
{
    public const int MaxOrderingItems = 8;

    private static readonly string[] Fields = ["id", "outcome", "type", "text", "options", "answer", "tolerance", "unit", "items", "feedback"];

    /// <summary>The fields only some types use.</summary>
    private static readonly Dictionary<QuestionType, string[]> TypeFields = new()
    {
        [QuestionType.Single] = ["options"],
        [QuestionType.Multiple] = ["options"],
        [QuestionType.TrueFalse] = ["answer"],
        [QuestionType.Numeric] = ["answer", "tolerance", "unit"],
        [QuestionType.Ordering] = ["items"],
    };

    private static readonly Dictionary<string, QuestionType> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = QuestionType.Single,
        ["multiple"] = QuestionType.Multiple,
        ["truefalse"] = QuestionType.TrueFalse,
        ["numeric"] = QuestionType.Numeric,
        ["ordering"] = QuestionType.Ordering,
    };

    public static string NameOf(QuestionType type) => TypeNames.First(t => t.Value == type).Key;

    /// <returns>The questions, or null when the file cannot be read as YAML at all.</returns>
    public static List<QuestionDraft>? Read(byte[] bytes, List<PackageProblem> problems)
    {
        var drafts = new List<QuestionDraft>();
        if (YamlLoader.LoadMapping(PackagePaths.Questions, bytes, problems) is not { } root)
        {
            return null;
        }

        var top = new YamlFields(root, PackagePaths.Questions, null, problems, ["questions"]);
        var list = top.List("questions", required: true);
        foreach (var item in list ?? [])
        {
            if (top.Item(item, "question") is { } map)
            {
                var name = YamlFields.Peek(map, "id") is { } id ? $"question \"{id}\"" : $"question {drafts.Count + 1}";
                drafts.Add(ReadQuestion(new YamlFields(map, PackagePaths.Questions, name, problems, Fields), drafts.Count + 1));
            }
        }

        if (list is { Count: 0 })
        {
            top.Problem("questions", "'questions' needs at least one question");
        }

        return drafts;
    }

    private static QuestionDraft ReadQuestion(YamlFields f, int position)
    {
        var id = f.Text("id", required: true, 64);
        var question = new Question
        {
            Position = position,
            Key = id ?? "",
            OutcomeCode = f.Text("outcome", required: true, 32) ?? "",
            Text = f.Text("text", required: true, int.MaxValue) ?? "",
            Feedback = f.Text("feedback", required: true, int.MaxValue) ?? "",
        };

        var typeName = f.Text("type", required: true, 32);
        if (typeName is null)
        {
            return new QuestionDraft(question, f.Line, f.LineOf("outcome"));
        }

        if (!TypeNames.TryGetValue(typeName, out var type))
        {
            f.Problem("type", $"'type' must be one of {string.Join(", ", TypeNames.Keys)} (found \"{typeName}\")");
            return new QuestionDraft(question, f.Line, f.LineOf("outcome"));
        }

        question.Type = type;
        foreach (var field in TypeFields.Values.SelectMany(x => x).Distinct().Where(x => !TypeFields[type].Contains(x) && f.Has(x)))
        {
            f.Problem(field, $"'{field}' is not used by a {NameOf(type)} question");
        }

        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                ReadOptions(f, question);
                break;
            case QuestionType.TrueFalse:
                question.TrueFalseAnswer = f.Boolean("answer", required: true);
                break;
            case QuestionType.Numeric:
                question.NumericAnswer = f.Number("answer", required: true, min: null);
                question.Tolerance = f.Number("tolerance", required: false, min: 0);
                question.Unit = f.Text("unit", required: false, 32);
                break;
            case QuestionType.Ordering:
                ReadItems(f, question);
                break;
        }

        return new QuestionDraft(question, f.Line, f.LineOf("outcome"));
    }

    private static void ReadOptions(YamlFields f, Question question)
    {
        var list = f.List("options", required: true);
        if (list is null)
        {
            return;
        }

        foreach (var item in list)
        {
            if (f.Item(item, "option") is not { } map)
            {
                continue;
            }

            var option = new YamlFields(map, PackagePaths.Questions, $"{f.Context}, option {question.Options.Count + 1}", f.Problems, ["text", "correct"]);
            var text = option.Text("text", required: true, int.MaxValue);
            var correct = option.Boolean("correct", required: false) ?? false;
            if (text is not null)
            {
                question.Options.Add(new QuestionOption(text, correct));
            }
        }

        if (list.Count < 2)
        {
            f.Problem("options", $"a {Describe(question.Type)} question needs at least 2 options");
        }

        var correctCount = question.Options.Count(o => o.Correct);
        if (question.Type == QuestionType.Single && correctCount != 1 && question.Options.Count == list.Count)
        {
            f.Problem("options", $"a single-choice question needs exactly one correct option (found {correctCount})");
        }

        if (question.Type == QuestionType.Multiple && correctCount == 0 && question.Options.Count == list.Count)
        {
            f.Problem("options", "a multiple-choice question needs at least one correct option ('correct: true')");
        }

        ReportRepeats(f, "options", question.Options.Select(o => o.Text), "option");
    }

    private static void ReadItems(YamlFields f, Question question)
    {
        var list = f.List("items", required: true);
        if (list is null)
        {
            return;
        }

        foreach (var item in list)
        {
            if (item is YamlScalarNode { Value: { } value } && !YamlFields.IsNull(item) && value.Trim().Length > 0)
            {
                question.Items.Add(value.Trim());
            }
            else
            {
                f.Problem(item.Start.ToLine(), "each item of an ordering question must be a line of text");
            }
        }

        if (list.Count is < 2 or > MaxOrderingItems)
        {
            f.Problem("items", $"an ordering question needs 2 to {MaxOrderingItems} items (found {list.Count})");
        }

        ReportRepeats(f, "items", question.Items, "item");
    }

    private static void ReportRepeats(YamlFields f, string field, IEnumerable<string> texts, string what)
    {
        foreach (var repeated in texts.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            f.Problem(field, $"the {what} \"{repeated.Key}\" appears more than once; each {what} must differ");
        }
    }

    private static string Describe(QuestionType type) => type == QuestionType.Single ? "single-choice" : "multiple-choice";
}
