using System.Text.RegularExpressions;

namespace CareReady.Core.Learning.Authoring;

public sealed record QuestionInput(
    string? Key, string? OutcomeCode, QuestionType? Type, string? Text, string? Feedback,
    IReadOnlyList<QuestionOption>? Options = null, bool? Answer = null, decimal? NumericAnswer = null, decimal? Tolerance = null,
    string? Unit = null, IReadOnlyList<string>? Items = null);

/// <summary>
/// The rules a question follows, the same as a content package's <c>questions.yaml</c>: single choice
/// ≥ 2 options with exactly one correct; multiple choice ≥ 2 options with at least one correct; true/false
/// needs its answer; numeric needs an answer, a tolerance ≥ 0 and an optional unit; ordering 2–8 items in
/// the correct order; feedback always; the outcome must be one of the version's.
/// </summary>
public static partial class QuestionRules
{
    public const int MaxKey = 64;
    public const int MaxText = 4000;
    public const int MaxChoice = 500;
    public const int MaxUnit = 32;
    public const int MaxItems = 8;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex KeyPattern();

    /// <summary>Checks <paramref name="input"/>; returns the question to save (without position) when there are no errors.</summary>
    public static Question? Check(QuestionInput input, IReadOnlyCollection<string> outcomeCodes, Func<string, bool> keyTaken, Dictionary<string, string> errors)
    {
        var key = input.Key?.Trim() ?? "";
        if (key.Length == 0)
        {
            errors[nameof(input.Key)] = "Enter an ID for the question, like FIRE-Q01";
        }
        else if (key.Length > MaxKey || !KeyPattern().IsMatch(key) || key == "new")
        {
            errors[nameof(input.Key)] = $"The ID can only contain letters, numbers, full stops, hyphens and underscores, up to {MaxKey} characters";
        }
        else if (keyTaken(key))
        {
            errors[nameof(input.Key)] = $"This version already has a question {key}; IDs must be unique";
        }

        var outcome = input.OutcomeCode?.Trim() ?? "";
        if (!outcomeCodes.Contains(outcome))
        {
            errors[nameof(input.OutcomeCode)] = outcomeCodes.Count == 0
                ? "Add a learning outcome to the version first; every question tests one"
                : "Choose the learning outcome this question tests";
        }

        if (input.Type is not QuestionType type || !Enum.IsDefined(type))
        {
            errors[nameof(input.Type)] = "Choose the type of question";
            type = QuestionType.Single;
        }

        var text = AuthoringRules.Required(errors, nameof(input.Text), input.Text, MaxText, "Enter the question", "The question");
        var feedback = AuthoringRules.Required(errors, nameof(input.Feedback), input.Feedback, MaxText,
            "Enter the feedback learners see after the attempt, right or wrong", "Feedback");
        var question = new Question { Key = key, OutcomeCode = outcome, Type = type, Text = text ?? "", Feedback = feedback ?? "" };
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                question.Options = Choices(input, type, errors);
                break;
            case QuestionType.TrueFalse:
                question.TrueFalseAnswer = input.Answer;
                if (input.Answer is null)
                {
                    errors[nameof(input.Answer)] = "Choose whether the statement is true or false";
                }

                break;
            case QuestionType.Numeric:
                Numeric(input, question, errors);
                break;
            case QuestionType.Ordering:
                question.Items = Items(input, errors);
                break;
        }

        return errors.Count == 0 ? question : null;
    }

    private static List<QuestionOption> Choices(QuestionInput input, QuestionType type, Dictionary<string, string> errors)
    {
        var options = (input.Options ?? []).Where(o => !string.IsNullOrWhiteSpace(o.Text)).Select(o => o with { Text = o.Text.Trim() }).ToList();
        var correct = options.Count(o => o.Correct);
        if (options.Count < 2)
        {
            errors[nameof(input.Options)] = "Enter at least 2 options";
        }
        else if (options.Any(o => o.Text.Length > MaxChoice))
        {
            errors[nameof(input.Options)] = $"Each option must be {MaxChoice} characters or fewer";
        }
        else if (options.Select(o => o.Text).Distinct(StringComparer.OrdinalIgnoreCase).Count() < options.Count)
        {
            errors[nameof(input.Options)] = "Two options have the same text; each option must be different";
        }
        else if (type == QuestionType.Single && correct != 1)
        {
            errors[nameof(input.Options)] = correct == 0
                ? "Mark the correct option; a single-choice question needs exactly one correct option"
                : $"A single-choice question needs exactly one correct option, but {correct} are marked correct";
        }
        else if (type == QuestionType.Multiple && correct == 0)
        {
            errors[nameof(input.Options)] = "Mark at least one option as correct";
        }

        return options;
    }

    private static void Numeric(QuestionInput input, Question question, Dictionary<string, string> errors)
    {
        if (input.NumericAnswer is null)
        {
            errors[nameof(input.NumericAnswer)] = "Enter the correct answer as a number";
        }

        if (input.Tolerance is < 0)
        {
            errors[nameof(input.Tolerance)] = "Tolerance must be 0 or more";
        }

        var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim();
        if (unit?.Length > MaxUnit)
        {
            errors[nameof(input.Unit)] = $"Unit must be {MaxUnit} characters or fewer";
        }

        question.NumericAnswer = input.NumericAnswer;
        question.Tolerance = input.Tolerance ?? 0;
        question.Unit = unit;
    }

    private static List<string> Items(QuestionInput input, Dictionary<string, string> errors)
    {
        var items = (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
        if (items.Count < 2 || items.Count > MaxItems)
        {
            errors[nameof(input.Items)] = $"Enter from 2 to {MaxItems} items, in the correct order";
        }
        else if (items.Any(i => i.Length > MaxChoice))
        {
            errors[nameof(input.Items)] = $"Each item must be {MaxChoice} characters or fewer";
        }
        else if (items.Distinct(StringComparer.OrdinalIgnoreCase).Count() < items.Count)
        {
            errors[nameof(input.Items)] = "Two items have the same text; each item must be different";
        }

        return items;
    }
}
