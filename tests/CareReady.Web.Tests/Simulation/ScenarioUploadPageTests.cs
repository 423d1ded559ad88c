using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using static CareReady.Web.Tests.Simulation.SimulationPlay;

namespace CareReady.Web.Tests.Simulation;

/// <summary>Uploading a scenario file from the authoring page: each error with its path on the page, or the new draft; then review on the version page.</summary>
public class ScenarioUploadPageTests
{
    private const string Page = "/simulations/authoring";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_with_errors_is_listed_path_by_path_and_a_good_file_lands_on_its_draft_which_another_person_approves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var broken = SeedFile("sepsis-screening.json")
            .Replace("\"correct\": \"high-risk\"", "\"correct\": \"treat\"", StringComparison.Ordinal)
            .Replace("\"next\": \"red-flags\"", "\"next\": \"red-flag\"", StringComparison.Ordinal);
        var refused = await UploadAsync(educator, broken, "sepsis.json");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The file has 2 errors; nothing was uploaded", html, StringComparison.Ordinal);
        Assert.Contains("<code data-testid=\"error-path\">$.nodes[2].next</code> &quot;red-flag&quot; is not the id of a node.", html, StringComparison.Ordinal);
        Assert.Contains("<code data-testid=\"error-path\">$.nodes[4].correct</code> &quot;treat&quot; is not one of this node&#x27;s option ids.", html, StringComparison.Ordinal);
        Assert.Contains("No scenarios yet.", html, StringComparison.Ordinal);

        var notJson = await UploadAsync(educator, "{ \"code\": ", "half.json");
        Assert.Contains("data-testid=\"error-path\">$<", await notJson.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await UploadAsync(educator, SeedFile("sepsis-screening.json"), "sepsis.json");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var draftPage = accepted.Headers.Location!.OriginalString;
        Assert.Equal("/simulations/authoring/SIM-SEPSIS-SCREENING/versions/1?done=uploaded", draftPage);
        var draft = await educator.GetStringAsync(draftPage);
        Assert.Contains("data-testid=\"status\">Draft<", draft, StringComparison.Ordinal);
        Assert.Contains("is saved as this draft version", draft, StringComparison.Ordinal);

        // Submitted from the page; the educator cannot review it, the compliance lead approves it on the page.
        var versionPage = "/simulations/authoring/SIM-SEPSIS-SCREENING/versions/1";
        var submitted = await educator.PostFormAsync(versionPage + "?handler=Submit", new Dictionary<string, string>(), versionPage);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.DoesNotContain("Record review", await educator.GetStringAsync(versionPage), StringComparison.Ordinal);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var noChoice = await lead.PostFormAsync(versionPage + "?handler=Review", new Dictionary<string, string>(), versionPage);
        Assert.Contains("Choose whether to approve", await noChoice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await lead.PostFormAsync(versionPage + "?handler=Review", new Dictionary<string, string> { ["Decision"] = "approve" }, versionPage);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("data-testid=\"status\">Published<", await lead.GetStringAsync(versionPage), StringComparison.Ordinal);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Contains("Start<span class=\"nhsuk-u-visually-hidden\"> Suspected sepsis", await learner.GetStringAsync("/simulations"), StringComparison.Ordinal);

        // Learners and managers cannot open authoring.
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(versionPage)).StatusCode);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync(Page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "ScenarioFile", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(Page, form);
    }
}
