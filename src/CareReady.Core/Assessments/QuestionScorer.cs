using System.Globalization;
using CareReady.Core.Learning;

namespace CareReady.Core.Assessments;

/// <summary>
/// Marks one response. Responses are stored as text in terms of the question's own lists (not the
/// shuffled order they were shown in): option indices "0,2" for choice questions, "true"/"false",
/// an invariant-culture number, or item indices in the learner's order for ordering questions.
/// Multiple choice is all-or-nothing: exactly the correct options and no others.
/// </summary>
public static class QuestionScorer
{
    public static bool IsCorrect(Question question, string response)
    {
        switch (question.Type)
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
                var chosen = ParseIndices(response);
                var correct = question.Options.Select((o, i) => (o, i)).Where(x => x.o.Correct).Select(x => x.i).ToHashSet();
                return chosen is not null && chosen.ToHashSet().SetEquals(correct) && chosen.Count == correct.Count;
            case QuestionType.TrueFalse:
                return bool.TryParse(response, out var b) && b == question.TrueFalseAnswer;
            case QuestionType.Numeric:
                return TryParseNumber(response, out var n) && question.NumericAnswer is decimal answer
                    && Math.Abs(n - answer) <= (question.Tolerance ?? 0m);
            case QuestionType.Ordering:
                var order = ParseIndices(response);
                return order is not null && order.SequenceEqual(Enumerable.Range(0, question.Items.Count));
            default:
                return false;
        }
    }

    /// <summary>Checks a response is well formed for the question; returns a message for the learner when it is not.</summary>
    public static string? Problem(Question question, IReadOnlyList<int> presented, string? response)
    {
        if (string.IsNullOrWhiteSpace(response))
        {
            return question.Type == QuestionType.Multiple ? "Select at least one answer" : "Answer this question";
        }

        switch (question.Type)
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
                var chosen = ParseIndices(response);
                if (chosen is null || chosen.Count == 0 || chosen.Any(i => i < 0 || i >= question.Options.Count) || chosen.Distinct().Count() != chosen.Count)
                {
                    return "Choose from the options shown";
                }

                return question.Type == QuestionType.Single && chosen.Count != 1 ? "Choose one answer" : null;
            case QuestionType.TrueFalse:
                return bool.TryParse(response, out _) ? null : "Choose true or false";
            case QuestionType.Numeric:
                return TryParseNumber(response, out _) ? null : "Enter a number, like 12 or 12.5";
            case QuestionType.Ordering:
                var order = ParseIndices(response);
                return order is not null && order.Order().SequenceEqual(Enumerable.Range(0, question.Items.Count))
                    ? null
                    : "Give each item a different position, from 1 to " + question.Items.Count;
            default:
                return "Unknown question type";
        }
    }

    public static List<int>? ParseIndices(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                return null;
            }

            list.Add(i);
        }

        return list;
    }

    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
