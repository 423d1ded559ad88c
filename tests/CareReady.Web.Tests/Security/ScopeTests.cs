using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Security;

/// <summary>Who may see whom: managers their subtree, learners themselves, organisations never each other.</summary>
public class ScopeTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manager_of_ward_A_sees_ward_A_and_not_ward_B(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ManagerEmail);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{app.Data.NurseA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{app.Data.NurseB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/people/{app.Data.NurseB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/people/{app.Data.NurseA.Id}")).StatusCode);

        var names = await PeopleNamesAsync(client, "/api/v1/people");
        Assert.Contains("Amara Okafor", names);
        Assert.Contains("Dev Sharma", names);
        Assert.DoesNotContain("Ben Hughes", names);
        Assert.DoesNotContain("Chloe Patel", names);

        // Asking for ward B's people explicitly still yields nobody.
        Assert.Empty(await PeopleNamesAsync(client, $"/api/v1/people?department={app.Data.WardB.Id}"));

        using var tree = JsonDocument.Parse(await client.GetStringAsync("/api/v1/departments"));
        var visible = tree.RootElement.EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Ward A"], visible);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Learner_sees_only_their_own_record(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.LearnerEmail);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/people/{app.Data.NurseA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{app.Data.NurseB.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/departments")).StatusCode);

        var page = await client.GetAsync("/people");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/access-denied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var me = await client.GetAsync("/me");
        Assert.Equal($"/people/{app.Data.NurseA.Id}", me.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Organisations_never_see_each_other(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var a = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var b = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);

        var seenByA = await PeopleNamesAsync(a, "/api/v1/people");
        Assert.Equal(new[] { "Amara Okafor", "Ben Hughes", "Chloe Patel", "Dev Sharma" }, seenByA.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/people/{app.Data.OtherOrgNurse.Id}")).StatusCode);

        Assert.Equal(["Erin Walsh"], await PeopleNamesAsync(b, "/api/v1/people"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/people/{app.Data.NurseA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/rules/{app.Data.FireRule.Id}")).StatusCode);
        Assert.Empty(await PeopleNamesAsync(b, $"/api/v1/people?department={app.Data.WardA.Id}"));

        // Searching by an employee number both organisations use returns only one's own person.
        Assert.Equal(["Erin Walsh"], await PeopleNamesAsync(b, "/api/v1/people?q=10000001"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Roles_gate_each_area(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await educator.GetAsync("/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await educator.GetAsync("/rules/new")).StatusCode);

        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Equal(HttpStatusCode.OK, (await compliance.GetAsync("/rules/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await compliance.PostAsync("/api/v1/imports/staff", new StringContent("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await compliance.GetAsync("/import")).StatusCode);

        var admin = await app.SignedInClientAsync(TestData.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/import")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/people")).StatusCode);
    }

    private static async Task<List<string>> PeopleNamesAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}
