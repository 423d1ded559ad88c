using System.Globalization;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Pathways;

/// <summary>
/// A refresher session, one question at a time: answer it, say how sure you were, see whether it was
/// right (and why) and when the question comes back; at most eight a day (under five minutes).
/// </summary>
public sealed class RefresherModel(CurrentUser current, GetRefresherSession get, AnswerRefresher answer) : PageModel
{
    public RefresherSession? Session { get; private set; }
    public RefresherAnswerResult? Result { get; private set; }
    public string? Error { get; private set; }
    public string? Given { get; private set; }

    public IReadOnlyDictionary<string, string> Errors => Error is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["answer"] = Error };

    public async Task OnGetAsync(CancellationToken ct) => Session = await get.RunAsync(await current.GetScopeAsync(ct), ct);

    public async Task<IActionResult> OnPostAsync(long cardId, int questionId, string? sure, CancellationToken ct)
    {
        var scope = await current.GetScopeAsync(ct);
        Given = ReadResponse();
        var result = await answer.RunAsync(scope, new RefresherAnswer(cardId, questionId, Given, sure != "no"), ct);
        switch (result.Outcome)
        {
            case RefresherAnswerOutcome.NotFound:
                return NotFound();
            case RefresherAnswerOutcome.Invalid:
                Error = result.Problem;
                Session = await get.RunAsync(scope, ct);
                return Page();
            default:
                Result = result;
                Session = await get.RunAsync(scope, ct);
                return Page();
        }
    }

    /// <summary>r = option index(es), "true"/"false" or a number; an ordering question posts o_{item} = its place (1…n).</summary>
    private string? ReadResponse()
    {
        var ordering = Request.Form.Keys.Where(k => k.StartsWith("o_", StringComparison.Ordinal)).ToList();
        if (ordering.Count > 0)
        {
            var places = ordering.Select(k => (
                Item: int.TryParse(k.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1,
                Place: int.TryParse(Request.Form[k], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0)).ToList();
            var valid = places.All(p => p.Item >= 0 && p.Place >= 1 && p.Place <= places.Count) && places.Select(p => p.Place).Distinct().Count() == places.Count;
            return valid ? string.Join(',', places.OrderBy(p => p.Place).Select(p => p.Item)) : null;
        }

        var values = Request.Form["r"].Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        return values.Count == 0 ? null : string.Join(',', values);
    }

    public static string Days(int days) => days switch
    {
        1 => "tomorrow",
        < 31 => $"in {days} days",
        < 365 => $"in about {Math.Round(days / 30.4)} months",
        _ => $"in about {days / 365.0:0.#} years",
    };
}
