using System.Net;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Security;

public class SignInTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pages_redirect_anonymous_users_to_sign_in_and_the_api_answers_401(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: false);
        var client = app.NewClient();

        var page = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Wrong_password_is_refused_and_five_failures_lock_the_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = TestData.LearnerEmail, ["Password"] = "not-the-password-1A" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains(i < 4 ? "The email address or password is not correct" : "locked", html, StringComparison.Ordinal);
        }

        // Even the right password is refused while locked.
        var locked = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = TestData.LearnerEmail, ["Password"] = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Signing_in_lands_on_home_with_organisation_in_the_header(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ManagerEmail);
        var html = await client.GetStringAsync("/");
        Assert.Contains("Manager, Alpha Test Hospitals NHS Trust", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/people\">My team<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/import\"", html, StringComparison.Ordinal);
    }
}
