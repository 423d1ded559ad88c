using System.Globalization;
using CareReady.Core.Assessments;
using CareReady.Core.Learning;

namespace CareReady.Web.Learning;

/// <summary>
/// Turns the assessment form's fields into stored responses: <c>r{position}</c> holds the chosen option
/// index (one or several), "true"/"false" or the number; an ordering question posts
/// <c>o{position}_{item}</c> = the place (1…n) the learner gave each item.
/// </summary>
public static class AttemptForm
{
    public static Dictionary<int, string?> Read(IFormCollection form, AttemptView attempt)
    {
        var responses = new Dictionary<int, string?>();
        foreach (var item in attempt.Items)
        {
            if (item.Question.Type == QuestionType.Ordering)
            {
                var places = item.Presented.Select(i => (Item: i, Place: int.TryParse(form[$"o{item.Position}_{i}"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0)).ToList();
                var valid = places.All(p => p.Place >= 1 && p.Place <= places.Count) && places.Select(p => p.Place).Distinct().Count() == places.Count;
                responses[item.Position] = valid ? string.Join(',', places.OrderBy(p => p.Place).Select(p => p.Item)) : null;
            }
            else
            {
                var values = form[$"r{item.Position}"].Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
                responses[item.Position] = values.Count == 0 ? null : string.Join(',', values);
            }
        }

        return responses;
    }

    /// <summary>The place an item was given in a response (for redisplaying a form or showing the marked answer).</summary>
    public static int? PlaceOf(string? response, int item)
    {
        var order = QuestionScorer.ParseIndices(response);
        var index = order?.IndexOf(item) ?? -1;
        return index < 0 ? null : index + 1;
    }

    public static bool Chose(string? response, int option) => QuestionScorer.ParseIndices(response)?.Contains(option) == true;
}
