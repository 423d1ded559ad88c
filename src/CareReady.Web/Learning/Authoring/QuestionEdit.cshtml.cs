using System.Globalization;
using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReady.Web.Learning.Authoring;

/// <summary>
/// Adds a question to a draft ("…/questions/new") or edits one ("…/questions/KEY"). The form adapts to
/// the question's type (chosen first, changeable with <c>?type=</c>), with no script needed.
/// </summary>
[Authorize]
public sealed class QuestionEditModel(CurrentUser current, GetAuthoringVersion get, SaveQuestion save) : AuthoringVersionPageModel(current, get)
{
    public const int OptionRows = 6;

    [BindProperty(SupportsGet = true)] public QuestionType? Type { get; set; }
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? OutcomeCode { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Feedback { get; set; }
    [BindProperty] public List<string?> OptionTexts { get; set; } = [];
    [BindProperty] public int? CorrectOption { get; set; }
    [BindProperty] public List<int> CorrectOptions { get; set; } = [];
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? NumericAnswer { get; set; }
    [BindProperty] public string? Tolerance { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public List<string?> Items { get; set; } = [];

    public string? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int moduleId, int number, string question, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, question, ct) is { } refusal)
        {
            return refusal;
        }

        if (Version.Version.Questions.FirstOrDefault(q => q.Key == Existing) is { } q)
        {
            (Key, OutcomeCode, Text, Feedback, Unit) = (q.Key, q.OutcomeCode, q.Text, q.Feedback, q.Unit);
            Type ??= q.Type;
            OptionTexts = q.Options.Select(o => (string?)o.Text).ToList();
            CorrectOptions = q.Options.Select((o, i) => (o, i)).Where(x => x.o.Correct).Select(x => x.i).ToList();
            CorrectOption = CorrectOptions.Count == 1 ? CorrectOptions[0] : null;
            Answer = q.TrueFalseAnswer switch { true => "true", false => "false", _ => null };
            NumericAnswer = q.NumericAnswer?.ToString("0.######", CultureInfo.InvariantCulture);
            Tolerance = q.Tolerance?.ToString("0.######", CultureInfo.InvariantCulture);
            Items = q.Items.Select(i => (string?)i).ToList();
        }
        else
        {
            OutcomeCode = Version.Version.Outcomes.OrderBy(o => o.Position).Select(o => o.Code).FirstOrDefault();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int moduleId, int number, string question, CancellationToken ct)
    {
        if (await LoadAsync(moduleId, number, question, ct) is { } refusal)
        {
            return refusal;
        }

        // A number that does not parse is refused here (and never saved); the rules check everything else.
        var numeric = Number(NumericAnswer, nameof(NumericAnswer), "Enter the correct answer as a number, like 25 or 2.5");
        var tolerance = Number(Tolerance, nameof(Tolerance), "Enter the tolerance as a number, like 0 or 0.5");
        var unreadable = new Dictionary<string, string>(Errors, StringComparer.Ordinal);
        if (unreadable.ContainsKey(nameof(Tolerance)))
        {
            tolerance = -1;
        }

        var options = OptionTexts.Select((text, i) => new QuestionOption(text ?? "",
            Type == QuestionType.Single ? CorrectOption == i : CorrectOptions.Contains(i))).ToList();
        var input = new QuestionInput(Key, OutcomeCode, Type, Text, Feedback, options,
            Answer switch { "true" => true, "false" => false, _ => null }, numeric, tolerance, Unit, Items.Select(i => i ?? "").ToList());
        var result = await save.RunAsync(await ScopeAsync(ct), moduleId, number, Existing, input, ct);
        if (result.Succeeded)
        {
            return Redirect(VersionPath(moduleId, number) + "#Questions-" + OutcomeCode?.Trim().ToUpperInvariant());
        }

        if (Refusal(result) is { } response)
        {
            return response;
        }

        foreach (var (field, message) in unreadable)
        {
            Errors[field] = message;
        }

        return Page();
    }

    private decimal? Number(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (Type == QuestionType.Numeric)
        {
            Errors[field] = message;
        }

        return null;
    }

    private async Task<IActionResult?> LoadAsync(int moduleId, int number, string question, CancellationToken ct)
    {
        if (await LoadVersionAsync(moduleId, number, ct) is { } refusal)
        {
            return refusal;
        }

        if (question != "new" && Version.Version.Questions.All(q => q.Key != question))
        {
            return NotFound();
        }

        Existing = question == "new" ? null : question;
        return UnlessEditable(moduleId, number);
    }
}
