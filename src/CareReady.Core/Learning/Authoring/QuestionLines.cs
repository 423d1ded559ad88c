using System.Globalization;

namespace CareReady.Core.Learning.Authoring;

/// <summary>A question written out as lines of text (outcome, type, text, options or answer, feedback), so two versions of it can be line-diffed.</summary>
public static class QuestionLines
{
    public static string TypeName(QuestionType type) => type switch
    {
        QuestionType.Single => "Single choice",
        QuestionType.Multiple => "Multiple choice",
        QuestionType.TrueFalse => "True or false",
        QuestionType.Numeric => "Number",
        _ => "Put in order",
    };

    public static IReadOnlyList<string> Of(Question q)
    {
        var lines = new List<string> { "Outcome: " + q.OutcomeCode, "Type: " + TypeName(q.Type) };
        Labelled(lines, "Question: ", q.Text);
        switch (q.Type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                lines.AddRange(q.Options.Select(o => "Option: " + o.Text + (o.Correct ? " (correct)" : "")));
                break;
            case QuestionType.TrueFalse:
                lines.Add("Answer: " + (q.TrueFalseAnswer switch { true => "true", false => "false", _ => "not set" }));
                break;
            case QuestionType.Numeric:
                lines.Add("Answer: " + Number(q.NumericAnswer) + (q.Tolerance is > 0 ? " ± " + Number(q.Tolerance) : "") + (q.Unit is null ? "" : " " + q.Unit));
                break;
            case QuestionType.Ordering:
                lines.AddRange(q.Items.Select((item, i) => $"{i + 1}. {item}"));
                break;
        }

        Labelled(lines, "Feedback: ", q.Feedback);
        return lines;
    }

    private static void Labelled(List<string> lines, string label, string text)
    {
        var textLines = LineDiff.Lines(text);
        lines.Add(label + (textLines.Count > 0 ? textLines[0] : ""));
        lines.AddRange(textLines.Skip(1));
    }

    private static string Number(decimal? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "not set";
}
