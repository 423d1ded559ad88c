using System.Net;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Reports;

/// <summary>The /reports/evidence-pack page: choose a unit and a day, see the summary, download the pack.</summary>
public class EvidencePackPageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Compliance_lead_sees_the_summary_and_three_downloads_that_work(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EvidencePackData.AddAsync(app);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await client.GetAsync("/reports/evidence-pack?unit=WARD-A&asOf-day=2&asOf-month=3&asOf-year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"pack-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WARD-B\">", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WARD-A\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("as of 2 March 2026 · 2 people · 2 competencies", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nhsuk-table__cell nhsuk-table__cell--numeric\">50.0%</td>", html, StringComparison.Ordinal);
        Assert.Contains("1 exemption in force and 1 recognised prior learning record are listed", html, StringComparison.Ordinal);

        foreach (var (format, type) in new[] { ("csv", "text/csv"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("pdf", "application/pdf") })
        {
            var link = $"/api/v1/reports/matrix?unit=WARD-A&amp;asOf=2026-03-02&amp;format={format}";
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
            var download = await client.GetAsync(link.Replace("&amp;", "&", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(type, download.Content.Headers.ContentType!.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Defaults_to_today_and_the_whole_organisation_and_explains_a_bad_date(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var html = await client.GetStringAsync("/reports/evidence-pack");
        Assert.Contains("Alpha Test Hospitals NHS Trust <span class=\"nhsuk-caption-m\">as of 2 March 2026 · 4 people", html, StringComparison.Ordinal);
        Assert.Contains("id=\"asOf-day\" name=\"asOf-day\" type=\"text\" inputmode=\"numeric\" value=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("format=xlsx", html, StringComparison.Ordinal);

        var bad = await client.GetStringAsync("/reports/evidence-pack?unit=WARD-A&asOf-day=31&asOf-month=2&asOf-year=2026");
        Assert.Contains("There is a problem", bad, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#asOf-day\">Date must be a real date, for example 31 3 2026</a>", bad, StringComparison.Ordinal);
        Assert.Contains("nhsuk-input--error", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("format=xlsx", bad, StringComparison.Ordinal);

        var missing = await client.GetStringAsync("/reports/evidence-pack?asOf-day=2&asOf-month=&asOf-year=2026");
        Assert.Contains("Date must include a month", missing, StringComparison.Ordinal);

        var future = await client.GetStringAsync("/reports/evidence-pack?asOf-day=3&asOf-month=3&asOf-year=2026");
        Assert.Contains("Date must be today or in the past", future, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manager_chooses_among_their_units_only_and_learner_is_turned_away(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        var html = await manager.GetStringAsync("/reports/evidence-pack");
        Assert.Contains("<option value=\"\">All the departments you manage</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WARD-A\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WARD-B", html, StringComparison.Ordinal);

        var other = await manager.GetStringAsync("/reports/evidence-pack?unit=WARD-B");
        Assert.Contains("<a href=\"#unit\">Choose a unit from the list</a>", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Hughes", other, StringComparison.Ordinal);

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var denied = await learner.GetAsync("/reports/evidence-pack");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
