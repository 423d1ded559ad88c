using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Identity;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Learning;

/// <summary>Review and publishing: four eyes, publishing, new versions as copies, retiring the old version, comparing versions, and who may do what.</summary>
public class AuthoringReviewTests
{
    private static async Task<JsonElement> CatalogueEntryAsync(HttpClient learner, string code) =>
        (await learner.GetFromJsonAsync<JsonElement>("/api/v1/modules")).EnumerateArray().SingleOrDefault(m => m.GetProperty("code").GetString() == code);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Nobody_approves_their_own_submission_and_a_compliance_lead_publishes_it_for_learners(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AuthoringApi.AddRoleAsync(app, TestData.EducatorEmail, Roles.EducatorLead);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var moduleId = await AuthoringApi.CreateAsync(educator, "FIRE-REVIEW");
        await AuthoringApi.FillAsync(educator, moduleId);
        var v = AuthoringApi.Version(moduleId, 1);
        Assert.Equal(JsonValueKind.Undefined, (await CatalogueEntryAsync(learner, "FIRE-REVIEW")).ValueKind);

        await AuthoringApi.OkAsync(educator.PostAsync($"{v}/submit", null));
        Assert.Equal(HttpStatusCode.Conflict, (await educator.PostAsJsonAsync($"{v}/lessons", new { title = "Late", markdown = "x" })).StatusCode);

        // The submitter is an educator lead now, but still cannot approve their own submission — by the API or the page.
        var own = await educator.PostAsJsonAsync($"{v}/review", new { approve = true });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("someone else must review it", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = $"/learning/authoring/modules/{moduleId}/versions/1";
        var ownPage = await educator.GetStringAsync(page);
        Assert.Contains("You submitted it, so another educator lead or compliance lead must review it", ownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Approve and publish", ownPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.PostFormAsync(page + "?handler=Approve", new Dictionary<string, string>(), formPage: page)).StatusCode);
        Assert.Equal("InReview", (await AuthoringApi.GetAsync(educator, moduleId, 1)).GetProperty("status").GetString());

        // Sending back needs a note; the note shows on the draft.
        var noNote = await compliance.PostFormAsync(page + "?handler=SendBack", new Dictionary<string, string> { ["Note"] = " " }, formPage: page);
        Assert.Contains("Say what needs to change", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await compliance.PostFormAsync(page + "?handler=SendBack",
            new Dictionary<string, string> { ["Note"] = "Add the assembly point." }, formPage: page)).StatusCode);
        Assert.Contains("Add the assembly point.", await educator.GetStringAsync(page), StringComparison.Ordinal);
        await AuthoringApi.OkAsync(educator.PostAsync($"{v}/submit", null));

        // A compliance lead approves through the page: published, learners see it.
        Assert.Equal(HttpStatusCode.Redirect, (await compliance.PostFormAsync(page + "?handler=Approve", new Dictionary<string, string>(), formPage: page)).StatusCode);
        var published = await AuthoringApi.GetAsync(compliance, moduleId, 1);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(TestData.ComplianceEmail, published.GetProperty("publishedBy").GetString());
        Assert.Equal(moduleId, (await CatalogueEntryAsync(learner, "FIRE-REVIEW")).GetProperty("moduleId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync($"/learning/modules/{moduleId}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_new_version_is_a_copy_publishing_it_retires_the_old_one_and_the_comparison_shows_what_changed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var moduleId = await AuthoringApi.CreateAsync(educator, "FIRE-V2");
        await AuthoringApi.FillAsync(educator, moduleId);
        await AuthoringApi.OkAsync(educator.PostAsync($"{AuthoringApi.Version(moduleId, 1)}/submit", null));
        await AuthoringApi.OkAsync(compliance.PostAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/review", new { approve = true }));

        // Start version 2 from the published version's page.
        var page1 = $"/learning/authoring/modules/{moduleId}/versions/1";
        var started = await educator.PostFormAsync(page1 + "?handler=NewVersion", new Dictionary<string, string>(), formPage: page1);
        Assert.Equal($"/learning/authoring/modules/{moduleId}/versions/2", started.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await educator.PostAsync($"{AuthoringApi.Base}/{moduleId}/versions", null)).StatusCode); // one draft at a time
        var v1 = await AuthoringApi.GetAsync(educator, moduleId, 1);
        var v2 = await AuthoringApi.GetAsync(educator, moduleId, 2);
        Assert.Equal("Draft", v2.GetProperty("status").GetString());
        foreach (var part in new[] { "lessons", "outcomes", "questions", "competencies" })
        {
            Assert.Equal(v1.GetProperty(part).ToString(), v2.GetProperty(part).ToString());
        }

        // Edit the copy: a lesson line and a question change; the published version does not.
        var v = AuthoringApi.Version(moduleId, 2);
        await AuthoringApi.OkAsync(educator.PutAsJsonAsync($"{v}/lessons/1",
            new { title = "Why fire safety matters", markdown = "Fires start fast.\n\nRaise the alarm by shouting FIRE.\n\nKnow your exits." }));
        await AuthoringApi.OkAsync(educator.PutAsJsonAsync($"{v}/questions/F4", new
        {
            key = "F4", outcomeCode = "LO2", type = "Numeric", text = "Seconds for a door to close?", feedback = "20 seconds.", numericAnswer = 20, tolerance = 5, unit = "seconds",
        }));
        await AuthoringApi.OkAsync(educator.DeleteAsync($"{v}/questions/F5"));
        Assert.Equal(HttpStatusCode.Conflict, (await educator.PutAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/lessons/1", new { title = "X", markdown = "Y" })).StatusCode);
        var unchanged = await AuthoringApi.GetAsync(educator, moduleId, 1);
        Assert.Equal(v1.ToString(), unchanged.ToString());

        // Compare: the changed lesson lines and question, by API and page.
        var diff = (await educator.GetFromJsonAsync<JsonElement>($"{AuthoringApi.Base}/{moduleId}/compare?from=1&to=2")).GetProperty("diff");
        var lesson = diff.GetProperty("lessons").EnumerateArray().Single();
        Assert.Equal("Changed", lesson.GetProperty("kind").GetString());
        var lines = lesson.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() != "Same")
            .Select(l => $"{l.GetProperty("kind").GetString()} {l.GetProperty("text").GetString()}").ToArray();
        Assert.Equal(["Deleted Raise the alarm.", "Inserted Raise the alarm by shouting FIRE."], lines);
        var questions = diff.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("key").GetString()!, q => q.GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["F4"] = "Changed", ["F5"] = "Removed" }, questions);
        var comparePage = await educator.GetStringAsync($"/learning/authoring/modules/{moduleId}/compare?from=1&to=2");
        Assert.Contains("<del class=\"app-diff__del\">Raise the alarm.</del>", comparePage, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"app-diff__ins\">Raise the alarm by shouting FIRE.</ins>", comparePage, StringComparison.Ordinal);
        Assert.Contains("<ins class=\"app-diff__ins\">Answer: 20 ± 5 seconds</ins>", comparePage, StringComparison.Ordinal);
        Assert.Contains("<td>Removed</td>", comparePage, StringComparison.Ordinal);

        // Publishing version 2 retires version 1; learners now get version 2.
        await AuthoringApi.OkAsync(educator.PostAsync($"{v}/submit", null));
        await AuthoringApi.OkAsync(compliance.PostAsJsonAsync($"{v}/review", new { approve = true }));
        Assert.Equal("Retired", (await AuthoringApi.GetAsync(educator, moduleId, 1)).GetProperty("status").GetString());
        Assert.Equal("Published", (await AuthoringApi.GetAsync(educator, moduleId, 2)).GetProperty("status").GetString());
        Assert.Equal(2, (await CatalogueEntryAsync(learner, "FIRE-V2")).GetProperty("versionNumber").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Learners_are_refused_and_another_organisations_modules_are_not_found(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var moduleId = await AuthoringApi.CreateAsync(educator, "FIRE-SCOPE");
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var page = $"/learning/authoring/modules/{moduleId}/versions/1";
        foreach (var client in new[] { learner, manager })
        {
            foreach (var path in new[] { "/learning/authoring", "/learning/authoring/new", page, page + "/details", page + "/lessons/new", page + "/questions/new",
                $"/learning/authoring/modules/{moduleId}/compare?from=1&to=1", AuthoringApi.Base, AuthoringApi.Version(moduleId, 1) })
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(AuthoringApi.Base, new { code = "X", title = "T", summary = "S", estimatedMinutes = 5 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/lessons", new { title = "T", markdown = "M" })).StatusCode);
        }

        Assert.DoesNotContain("/learning/authoring", await learner.GetStringAsync("/"), StringComparison.Ordinal); // no nav item

        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        foreach (var path in new[] { page, page + "/details", page + "/lessons/new", $"/learning/authoring/modules/{moduleId}/compare?from=1&to=1", AuthoringApi.Version(moduleId, 1) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/lessons", new { title = "T", markdown = "M" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{AuthoringApi.Version(moduleId, 1)}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{AuthoringApi.Version(moduleId, 1)}/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{AuthoringApi.Base}/{moduleId}/versions", null)).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>(AuthoringApi.Base);
        Assert.Equal(0, list.GetArrayLength());
    }
}
