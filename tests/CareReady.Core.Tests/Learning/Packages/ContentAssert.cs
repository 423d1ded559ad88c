using System.Text.Json;
using CareReady.Core.Learning;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>Compares what two module versions teach and assess, ignoring ids, status and who made them.</summary>
internal static class ContentAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equal(ModuleVersion expected, ModuleVersion actual)
    {
        Assert.Equal(Describe(expected), Describe(actual));
    }

    public static string Describe(ModuleVersion v) => JsonSerializer.Serialize(new
    {
        v.Title,
        v.Summary,
        v.EstimatedMinutes,
        v.PassMarkPercent,
        v.AttemptLimit,
        v.QuestionsPerOutcome,
        v.Contact,
        Lessons = v.Lessons.OrderBy(l => l.Position).Select(l => new { l.Position, l.Title, l.Markdown }),
        Outcomes = v.Outcomes.OrderBy(o => o.Position).Select(o => new { o.Position, o.Code, o.Text }),
        Questions = v.Questions.OrderBy(q => q.Position).Select(q => new
        {
            q.Position, q.Key, q.OutcomeCode, q.Type, q.Text, q.Feedback, q.Options, q.TrueFalseAnswer,
            Numeric = q.NumericAnswer?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
            Tolerance = q.Tolerance?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture),
            q.Unit, q.Items,
        }),
        Confers = v.Confers.Select(c => c.CompetencyId).Order(),
        Media = v.Media.OrderBy(m => m.Path, StringComparer.Ordinal).Select(m => new { m.Path, m.ContentType, m.Content }),
        Guidelines = v.Guidelines.Select(g => new { g.Source, g.Version }),
    }, Indented);
}
