using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Learning;

/// <summary>An educator writes a module through the authoring pages: create, lessons, outcomes, questions of each type, errors and submission.</summary>
public class AuthoringFormTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Educator_builds_a_draft_through_the_forms_and_bad_input_gets_field_errors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        var home = await educator.GetStringAsync("/learning/authoring");
        Assert.Contains("href=\"/learning/authoring/import\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/learning/authoring\"", home, StringComparison.Ordinal); // the nav item

        var bad = await educator.PostFormAsync("/learning/authoring/new", new Dictionary<string, string>
        {
            ["Code"] = "fire safety!", ["Title"] = "", ["Summary"] = "S", ["EstimatedMinutes"] = "0", ["Competencies"] = "NOPE-1",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", badHtml, StringComparison.Ordinal);
        Assert.Contains("letters A to Z, numbers and hyphens", badHtml, StringComparison.Ordinal);
        Assert.Contains("Enter a title", badHtml, StringComparison.Ordinal);
        Assert.Contains("from 1 to 600", badHtml, StringComparison.Ordinal);
        Assert.Contains("No competency has the code NOPE-1", badHtml, StringComparison.Ordinal);

        var created = await educator.PostFormAsync("/learning/authoring/new", new Dictionary<string, string>
        {
            ["Code"] = "FIRE-FORM", ["Title"] = "Fire safety", ["Summary"] = "What to do when the alarm sounds.", ["EstimatedMinutes"] = "25",
            ["Competencies"] = "CSTF-FIRE-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        Assert.Matches("^/learning/authoring/modules/\\d+/versions/1$", page);
        var moduleId = int.Parse(page.Split('/')[4], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await educator.PostFormAsync(page + "/lessons/new",
            new Dictionary<string, string> { ["Title"] = "Raising the alarm", ["Markdown"] = "Shout **Fire!**\n\nPress the nearest call point." })).StatusCode);
        var badLesson = await educator.PostFormAsync(page + "/lessons/new",
            new Dictionary<string, string> { ["Title"] = "Pictures", ["Markdown"] = "![](media/missing.png)" });
        Assert.Contains("needs alt text", await badLesson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await educator.PostFormAsync(page + "/outcomes/new",
            new Dictionary<string, string> { ["Code"] = "LO1", ["Text"] = "Raise the alarm correctly" })).StatusCode);

        // A question of each type through the form, which adapts to the type.
        var forms = new (string Type, Dictionary<string, string> Fields)[]
        {
            ("Single", new() { ["OptionTexts[0]"] = "Shout and press the call point", ["OptionTexts[1]"] = "Finish your task", ["CorrectOption"] = "0" }),
            ("Multiple", new() { ["OptionTexts[0]"] = "Call point", ["OptionTexts[1]"] = "Phone 2222", ["OptionTexts[2]"] = "Email", ["CorrectOptions"] = "1" }),
            ("TrueFalse", new() { ["Answer"] = "false" }),
            ("Numeric", new() { ["NumericAnswer"] = "2222", ["Tolerance"] = "0", ["Unit"] = "" }),
            ("Ordering", new() { ["Items[0]"] = "Raise the alarm", ["Items[1]"] = "Call 2222", ["Items[2]"] = "" }),
        };
        var n = 0;
        foreach (var (type, fields) in forms)
        {
            var formPage = $"{page}/questions/new?type={type}";
            Assert.Contains("name=\"Type\" value=\"" + type + "\"", await educator.GetStringAsync(formPage), StringComparison.Ordinal);
            fields["Key"] = $"ALARM-Q{++n}";
            fields["OutcomeCode"] = "LO1";
            fields["Type"] = type;
            fields["Text"] = $"Question {n}";
            fields["Feedback"] = "Raise the alarm first.";
            var saved = await educator.PostFormAsync(formPage, fields);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"{type}: {await saved.Content.ReadAsStringAsync()}");
        }

        var ordering = await educator.GetStringAsync($"{page}/questions/ALARM-Q5");
        Assert.Contains("value=\"Call 2222\"", ordering, StringComparison.Ordinal);

        // A bad question: every problem named at its field.
        var wrong = await educator.PostFormAsync($"{page}/questions/new?type=Single", new Dictionary<string, string>
        {
            ["Type"] = "Single", ["Key"] = "ALARM-Q1", ["OutcomeCode"] = "LO9", ["Text"] = "Which?", ["Feedback"] = "",
            ["OptionTexts[0]"] = "Only one option", ["CorrectOption"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Options\">Enter at least 2 options", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Feedback\">Enter the feedback", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Key\">This version already has a question ALARM-Q1", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#OutcomeCode\">Choose the learning outcome", wrongHtml, StringComparison.Ordinal);
        var badNumber = await educator.PostFormAsync($"{page}/questions/new?type=Numeric", new Dictionary<string, string>
        {
            ["Type"] = "Numeric", ["Key"] = "N1", ["OutcomeCode"] = "LO1", ["Text"] = "How many?", ["Feedback"] = "F", ["NumericAnswer"] = "ten", ["Tolerance"] = "x",
        });
        var badNumberHtml = await badNumber.Content.ReadAsStringAsync();
        Assert.Contains("Enter the correct answer as a number", badNumberHtml, StringComparison.Ordinal);
        Assert.Contains("Enter the tolerance as a number", badNumberHtml, StringComparison.Ordinal);

        var draft = await AuthoringApi.GetAsync(educator, moduleId, 1);
        Assert.Equal(5, draft.GetProperty("questions").GetArrayLength());
        var multiple = draft.GetProperty("questions")[1];
        Assert.Equal("Multiple", multiple.GetProperty("type").GetString());
        Assert.Equal([false, true, false], multiple.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("correct").GetBoolean()).ToArray());
        Assert.Equal(2222m, draft.GetProperty("questions")[3].GetProperty("numericAnswer").GetDecimal());
        Assert.Equal(2, draft.GetProperty("questions")[4].GetProperty("items").GetArrayLength());

        // Preview as a learner shows the draft to its author.
        var preview = await educator.GetStringAsync($"/learning/modules/{moduleId}?version=1");
        Assert.Contains("Preview", preview, StringComparison.Ordinal);

        // Submitting needs every lesson, outcome and question count in place; the page lists what is missing.
        await AuthoringApi.OkAsync(educator.PutAsJsonAsync(AuthoringApi.Version(moduleId, 1), new
        {
            title = "Fire safety", summary = "What to do when the alarm sounds.", estimatedMinutes = 25, passMarkPercent = 80, attemptLimit = 3,
            questionsPerOutcome = 6, competencies = Array.Empty<string>(),
        }));
        var refused = await educator.PostFormAsync(page + "?handler=Submit", new Dictionary<string, string>(), formPage: page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Outcome LO1 has 5 questions; it needs at least 6", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Choose at least one competency", refusedHtml, StringComparison.Ordinal);
        Assert.Equal("Draft", (await AuthoringApi.GetAsync(educator, moduleId, 1)).GetProperty("status").GetString());

        // Lessons can be reordered and removed.
        await AuthoringApi.OkAsync(educator.PostAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/lessons", new { title = "Evacuation", markdown = "Go." }));
        Assert.Equal(HttpStatusCode.Redirect, (await educator.PostFormAsync(page + "?handler=MoveLesson",
            new Dictionary<string, string> { ["position"] = "2", ["to"] = "1" }, formPage: page)).StatusCode);
        var lessons = (await AuthoringApi.GetAsync(educator, moduleId, 1)).GetProperty("lessons");
        Assert.Equal(["Evacuation", "Raising the alarm"], lessons.EnumerateArray().Select(l => l.GetProperty("title").GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, (await educator.PostFormAsync(page + "?handler=RemoveLesson",
            new Dictionary<string, string> { ["position"] = "1" }, formPage: page)).StatusCode);
        lessons = (await AuthoringApi.GetAsync(educator, moduleId, 1)).GetProperty("lessons");
        Assert.Equal(1, lessons[0].GetProperty("position").GetInt32());
        Assert.Equal("Raising the alarm", lessons[0].GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_bad_question_through_the_API_gets_field_errors_and_an_incomplete_draft_lists_every_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var moduleId = await AuthoringApi.CreateAsync(educator, "FIRE-API");
        var v = AuthoringApi.Version(moduleId, 1);

        var submit = await educator.PostAsync($"{v}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var errors = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Lessons", out _));
        Assert.True(errors.TryGetProperty("Outcomes", out _));

        await AuthoringApi.OkAsync(educator.PostAsJsonAsync($"{v}/outcomes", new { code = "LO1", text = "Explain the fire triangle" }));
        var cases = new (object Body, string Field)[]
        {
            (new { key = "B1", outcomeCode = "LO1", type = "Single", text = "Q", feedback = "F", options = new[] { new { text = "A", correct = true }, new { text = "B", correct = true } } }, "Options"),
            (new { key = "B2", outcomeCode = "LO1", type = "Multiple", text = "Q", feedback = "F", options = new[] { new { text = "A", correct = false }, new { text = "B", correct = false } } }, "Options"),
            (new { key = "B3", outcomeCode = "LO1", type = "TrueFalse", text = "Q", feedback = "F" }, "Answer"),
            (new { key = "B4", outcomeCode = "LO1", type = "Numeric", text = "Q", feedback = "F", numericAnswer = 3, tolerance = -1 }, "Tolerance"),
            (new { key = "B5", outcomeCode = "LO1", type = "Ordering", text = "Q", feedback = "F", items = new[] { "Only one" } }, "Items"),
            (new { key = "B6", outcomeCode = "LO2", type = "TrueFalse", text = "Q", feedback = "F", answer = true }, "OutcomeCode"),
            (new { key = "B7", outcomeCode = "LO1", type = "TrueFalse", text = "Q", feedback = " ", answer = true }, "Feedback"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await educator.PostAsJsonAsync($"{v}/questions", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        await AuthoringApi.OkAsync(educator.PostAsJsonAsync($"{v}/questions", AuthoringApi.Questions[0]));
        submit = await educator.PostAsync($"{v}/submit", null);
        errors = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["Lessons", "Questions-LO1"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("Outcome LO1 has 1 question; it needs at least 2", errors.GetProperty("Questions-LO1")[0].GetString(), StringComparison.Ordinal);

        // An outcome with questions cannot be removed; the code must be unique per organisation.
        Assert.Equal(HttpStatusCode.BadRequest, (await educator.DeleteAsync($"{v}/outcomes/LO1")).StatusCode);
        var duplicate = await educator.PostAsJsonAsync(AuthoringApi.Base, new { code = "fire-api", title = "T", summary = "S", estimatedMinutes = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("already a module with the code FIRE-API", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
