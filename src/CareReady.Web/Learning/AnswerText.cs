using System.Globalization;
using CareReady.Core.Assessments;
using CareReady.Core.Learning;

namespace CareReady.Web.Learning;

/// <summary>A response and a question's right answer in words, for the result page and the certificate.</summary>
public static class AnswerText
{
    public static string Response(Question q, string? response) => q.Type switch
    {
        _ when string.IsNullOrEmpty(response) => "(no answer)",
        QuestionType.Single or QuestionType.Multiple => string.Join("; ", (QuestionScorer.ParseIndices(response) ?? []).Where(i => i >= 0 && i < q.Options.Count).Select(i => q.Options[i].Text)),
        QuestionType.TrueFalse => response == "true" ? "True" : "False",
        QuestionType.Numeric => response + (q.Unit is null ? "" : " " + q.Unit),
        QuestionType.Ordering => string.Join(" → ", (QuestionScorer.ParseIndices(response) ?? []).Where(i => i >= 0 && i < q.Items.Count).Select(i => q.Items[i])),
        _ => response,
    };

    public static string Correct(Question q) => q.Type switch
    {
        QuestionType.Single or QuestionType.Multiple => string.Join("; ", q.Options.Where(o => o.Correct).Select(o => o.Text)),
        QuestionType.TrueFalse => q.TrueFalseAnswer == true ? "True" : "False",
        QuestionType.Numeric => q.NumericAnswer?.ToString("0.######", CultureInfo.InvariantCulture)
            + (q.Tolerance is > 0 ? " (± " + q.Tolerance.Value.ToString("0.######", CultureInfo.InvariantCulture) + ")" : "")
            + (q.Unit is null ? "" : " " + q.Unit),
        QuestionType.Ordering => string.Join(" → ", q.Items),
        _ => "",
    };
}
