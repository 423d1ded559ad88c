using System.Net;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests;

public class HostTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Health_is_200_when_the_database_is_reachable(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: false);
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OpenApi_document_lists_the_api(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: false);
        var json = await app.NewClient().GetStringAsync("/openapi/v1.json");
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/people", out _));
        Assert.True(paths.TryGetProperty("/api/v1/people/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/imports/staff", out _));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reference_data_is_loaded_on_start(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.LearnerEmail);
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/competencies"));
        var frameworks = doc.RootElement.EnumerateArray().ToList();
        var cstf = frameworks.Single(f => f.GetProperty("code").GetString() == "CSTF");
        var subjects = cstf.GetProperty("subjects").EnumerateArray().ToList();
        Assert.Equal(11, subjects.Count);
        var resus = subjects.Single(s => s.GetProperty("name").GetString() == "Resuscitation");
        Assert.Equal(7, resus.GetProperty("competencies").GetArrayLength()); // 4 levels, and 3 of them as observed practice too
        Assert.Equal(3, resus.GetProperty("competencies").EnumerateArray().Count(c => c.GetProperty("code").GetString()!.EndsWith("-OBS", StringComparison.Ordinal)));
        var ai = frameworks.Single(f => f.GetProperty("code").GetString() == "AIDHT");
        Assert.Equal(12, ai.GetProperty("subjects").GetArrayLength());
    }
}
