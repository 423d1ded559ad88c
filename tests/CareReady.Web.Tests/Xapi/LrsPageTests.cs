using System.Net;
using System.Text.RegularExpressions;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>The /lrs page: admins create clients (secret shown once) and map activities; learners may not.</summary>
public partial class LrsPageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Admins_create_clients_and_map_activities_on_the_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/lrs")).StatusCode);

        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        var empty = await admin.PostFormAsync("/lrs?handler=Client", new Dictionary<string, string> { ["ClientName"] = " ", ["Scope"] = "all" }, "/lrs");
        Assert.Contains("Enter a name for the client", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var created = await admin.PostFormAsync("/lrs?handler=Client", new Dictionary<string, string> { ["ClientName"] = "Moodle", ["Scope"] = "write" }, "/lrs");
        var html = await created.Content.ReadAsStringAsync();
        var key = KeyPattern().Match(html).Groups[1].Value;
        var secret = SecretPattern().Match(html).Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/lrs"), StringComparison.Ordinal); // shown once

        var lrs = app.NewClient();
        lrs.DefaultRequestHeaders.Authorization = Lrs.Basic(key, secret);
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, Lrs.Statement())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lrs.GetAsync("/xapi/statements")).StatusCode); // write only

        var bad = await admin.PostFormAsync("/lrs?handler=Mapping", new Dictionary<string, string> { ["ActivityId"] = "fire", ["ModuleCode"] = "", ["CompetencyCode"] = "CSTF-FIRE-1" }, "/lrs");
        Assert.Contains("Enter the activity&#x27;s IRI", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var added = await admin.PostFormAsync("/lrs?handler=Mapping", new Dictionary<string, string> { ["ActivityId"] = "https://elearning.example/fire", ["ModuleCode"] = "", ["CompetencyCode"] = "CSTF-FIRE-1" }, "/lrs");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("https://elearning.example/fire", await admin.GetStringAsync("/lrs"), StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"lrs-key\">([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("data-testid=\"lrs-secret\">([^<]+)<")]
    private static partial Regex SecretPattern();
}
