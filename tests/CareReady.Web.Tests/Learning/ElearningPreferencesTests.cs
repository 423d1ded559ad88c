using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Cmi5;
using CareReady.Core.Data;
using CareReady.Web.Tests.Cmi5;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Scorm;

namespace CareReady.Web.Tests.Learning;

/// <summary>
/// A learner's language and sound for e-learning: kept per person, refused when the language is not offered, and
/// handed over at launch — to a cmi5 AU as the cmi5LearnerPreferences agent profile (read-only for the AU), to a
/// SCORM package as its learner preference elements.
/// </summary>
public class ElearningPreferencesTests
{
    private const string Api = "/api/v1/me/elearning-preferences";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task English_with_sound_until_changed_and_a_language_not_offered_is_refused_naming_the_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(("en-GB", true), Read(await learner.GetFromJsonAsync<JsonElement>(Api)));

        var refused = await learner.PutAsJsonAsync(Api, new { language = "klingon", audioOn = false });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("language: \"klingon\" is not one of the languages offered (en-GB, cy-GB", problem.GetProperty("errors").GetProperty("language")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(("en-GB", true), Read(await learner.GetFromJsonAsync<JsonElement>(Api)));

        // The page: a form post with an unknown value is refused on the field; a listed one is saved and shown.
        var page = await learner.PostFormAsync("/learning/preferences", new Dictionary<string, string> { ["Language"] = "xx", ["AudioOn"] = "false" });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Language\">Choose a language from the list</a>", html, StringComparison.Ordinal);
        Assert.Equal(("en-GB", true), Read(await learner.GetFromJsonAsync<JsonElement>(Api)));
        var saved = await learner.PostFormAsync("/learning/preferences", new Dictionary<string, string> { ["Language"] = "cy-GB", ["AudioOn"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(("cy-GB", false), Read(await learner.GetFromJsonAsync<JsonElement>(Api)));
        var shown = await learner.GetStringAsync("/learning/preferences?saved=true");
        Assert.Contains("<option value=\"cy-GB\" selected=\"selected\" lang=\"cy-GB\">Cymraeg (Welsh)</option>", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"AudioOn-off\" name=\"AudioOn\" type=\"radio\" value=\"false\" checked=\"checked\"", shown, StringComparison.Ordinal);

        // Case is forgiven through the API; another learner still has the defaults.
        var put = await learner.PutAsJsonAsync(Api, new { language = "pl-pl", audioOn = true });
        Assert.Equal(("pl-PL", true), Read(await put.Content.ReadFromJsonAsync<JsonElement>()));
        var other = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.Equal(("en-GB", true), Read(await other.GetFromJsonAsync<JsonElement>(Api)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_cmi5_launch_hands_the_preferences_to_the_au_which_may_read_but_not_change_them(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (courseId, auId, _) = await TestCourse.ImportAsync(app);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        Assert.Contains("<a href=\"/learning/preferences\">your e-learning preferences</a>", await learner.GetStringAsync($"/learning/cmi5/{courseId}"), StringComparison.Ordinal);
        var au = await TestAu.LaunchAsync(app, learner, courseId, auId);
        Assert.Equal("""{"languagePreference":"en-GB","audioPreference":"on"}""", await ProfileAsync(au));

        Assert.Equal(HttpStatusCode.OK, (await learner.PutAsJsonAsync(Api, new { language = "cy-GB", audioOn = false })).StatusCode);
        au = await TestAu.LaunchAsync(app, learner, courseId, auId);
        Assert.Equal("""{"languagePreference":"cy-GB,en-GB","audioPreference":"off"}""", await ProfileAsync(au));

        // The AU may not write it (cmi5 section 11: the LMS may refuse with 403); the learner changes it in CareReady.
        var write = await au.Lrs.PutAsync(ProfileUrl(au), new StringContent("""{"audioPreference":"on"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("""{"languagePreference":"cy-GB,en-GB","audioPreference":"off"}""", await ProfileAsync(au));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_scorm_launch_starts_the_package_with_the_learners_language_and_sound(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var scorm12 = (await ScormTestPackages.ImportAsync(lead, ScormTestPackages.Scorm12)).GetProperty("packageId").GetInt32();
        var scorm2004 = (await ScormTestPackages.ImportAsync(lead, ScormTestPackages.Scorm2004)).GetProperty("packageId").GetInt32();
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);

        var initial = await InitialAsync(learner, scorm12);
        Assert.Equal(("en-GB", "0"), (initial["cmi.student_preference.language"], initial["cmi.student_preference.audio"]));

        Assert.Equal(HttpStatusCode.OK, (await learner.PutAsJsonAsync(Api, new { language = "ro-RO", audioOn = false })).StatusCode);
        initial = await InitialAsync(learner, scorm12); // the same attempt, resumed: the preferences are handed over again
        Assert.Equal(("ro-RO", "-1"), (initial["cmi.student_preference.language"], initial["cmi.student_preference.audio"]));
        initial = await InitialAsync(learner, scorm2004);
        Assert.Equal(("ro-RO", "0"), (initial["cmi.learner_preference.language"], initial["cmi.learner_preference.audio_level"]));
    }

    private static (string?, bool) Read(JsonElement preferences) =>
        (preferences.GetProperty("language").GetString(), preferences.GetProperty("audioOn").GetBoolean());

    private static string ProfileUrl(TestAu au) =>
        $"/xapi/agents/profile?agent={Uri.EscapeDataString(au.Parameters["actor"])}&profileId={Cmi5Vocabulary.LearnerPreferencesProfileId}";

    private static async Task<string> ProfileAsync(TestAu au)
    {
        var response = await au.Lrs.GetAsync(ProfileUrl(au));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<Dictionary<string, string>> InitialAsync(HttpClient learner, int packageId)
    {
        var response = await learner.PostAsync($"/api/v1/scorm/packages/{packageId}/launch", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var launch = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return launch["initial"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
    }
}
