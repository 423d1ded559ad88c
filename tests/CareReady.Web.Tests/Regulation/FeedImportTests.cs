using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Regulation;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Regulation;

/// <summary>Importing guideline changes from an RSS or Atom feed: all or nothing, precise errors, re-imports skipped.</summary>
public class FeedImportTests
{
    internal static string AtomFeed(params string[] entries) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>National guideline updates</title>
          <id>urn:example:guidelines</id>
          <updated>2026-02-27T09:00:00Z</updated>
          {string.Join("\n", entries)}
        </feed>
        """;

    internal static string Entry(string id, string title, string? source, string? version, string severity = "recertify") => $"""
        <entry>
          <id>{id}</id>
          <title>{title}</title>
          <updated>2026-02-27T09:00:00Z</updated>
          <summary type="html">&lt;p&gt;High-quality CPR &amp;amp; early defibrillation.&lt;/p&gt;</summary>
          <link href="https://example.org/guidelines/{id.Split(':')[^1]}"/>
          {(source is null ? "" : $"<category scheme=\"{ChangeFeedReader.SourceScheme}\" term=\"{source}\"/>")}
          {(version is null ? "" : $"<category scheme=\"{ChangeFeedReader.VersionScheme}\" term=\"{version}\"/>")}
          <category scheme="{ChangeFeedReader.SeverityScheme}" term="{severity}"/>
          <category scheme="{ChangeFeedReader.EffectiveScheme}" term="2025-10-22"/>
        </entry>
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_feed_proposes_changes_for_cited_guidelines_skips_others_and_is_not_imported_twice(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var feed = AtomFeed(
            Entry("urn:example:rcuk-2025", "Resuscitation guidelines 2025", RegulationScenario.Source, "2025"),
            Entry("urn:example:nice-ng51", "Sepsis guideline update", "NICE NG51 Sepsis", "2026"));

        var first = await PostFeedAsync(lead, feed, "application/atom+xml");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        var proposed = Assert.Single(result.GetProperty("proposed").EnumerateArray()).GetInt32();
        Assert.Equal("Entry 2 (\"Sepsis guideline update\"): none of your content cites \"NICE NG51 Sepsis\".",
            Assert.Single(result.GetProperty("skipped").EnumerateArray()).GetString());

        await using (var db = app.NewDbContext())
        {
            var change = await db.RegulatoryChanges.Include(c => c.ToVersion).Include(c => c.FromVersion).SingleAsync(c => c.Id == proposed);
            Assert.Equal((ChangeOrigin.Feed, ChangeStatus.Proposed, "urn:example:rcuk-2025"), (change.Origin, change.Status, change.FeedEntryId));
            Assert.Equal(("2021", "2025", ChangeSeverity.Recertify), (change.FromVersion!.Label, change.ToVersion!.Label, change.ToVersion.Severity));
            Assert.Equal(new DateOnly(2025, 10, 22), change.ToVersion.EffectiveFrom);
            Assert.Equal("High-quality CPR & early defibrillation.", change.ToVersion.Summary);
            Assert.Equal("https://example.org/guidelines/rcuk-2025", change.Link);
        }

        // The preview works on a feed proposal as on an entered one.
        var impact = await lead.GetFromJsonAsync<JsonElement>($"/api/v1/regulation/changes/{proposed}/impact");
        Assert.Equal(1, impact.GetProperty("people").GetInt32());

        var again = await (await PostFeedAsync(lead, feed, "application/atom+xml")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(again.GetProperty("proposed").EnumerateArray());
        Assert.Contains("Entry 1 (\"Resuscitation guidelines 2025\"): already imported.", again.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Malformed_feeds_and_entries_import_nothing_and_say_where(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var broken = await PostFeedAsync(lead, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title>\n<entry></feed>", "application/atom+xml");
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("The feed is not well-formed XML (line 2", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var notAFeed = await PostFeedAsync(lead, "<html><body>Not found</body></html>", "text/xml");
        Assert.Contains("This is not an RSS 2.0 or Atom 1.0 feed: the document starts with <html>", await ReadDetailAsync(notAFeed), StringComparison.Ordinal);

        // One good entry and one without its version: nothing at all is proposed.
        var partial = await PostFeedAsync(lead, AtomFeed(
            Entry("urn:example:rcuk-2025", "Resuscitation guidelines 2025", RegulationScenario.Source, "2025"),
            Entry("urn:example:rcuk-bad", "Resuscitation errata", RegulationScenario.Source, null, severity: "urgent")), "application/atom+xml");
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        var detail = await ReadDetailAsync(partial);
        Assert.Contains($"Entry 2 (\"Resuscitation errata\"): it does not name the new version: add <category scheme=\"{ChangeFeedReader.VersionScheme}\" term=\"…\"/>; severity \"urgent\" is not one of information, update-training, recertify.", detail, StringComparison.Ordinal);
        await using var db = app.NewDbContext();
        Assert.Empty(await db.RegulatoryChanges.ToListAsync());
        Assert.DoesNotContain(await db.GuidelineVersions.Select(v => v.Label).ToListAsync(), l => l == "2025");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_rss_feed_is_read_the_same_way(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await RegulationScenario.SeedAsync(app);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var rss = $"""
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>Updates</title><link>https://example.org</link><description>d</description>
              <item>
                <guid>rcuk-2025</guid><title>Resuscitation guidelines 2025</title><description>Updated algorithm.</description>
                <pubDate>Wed, 22 Oct 2025 09:00:00 GMT</pubDate>
                <category domain="{ChangeFeedReader.SourceScheme}">{RegulationScenario.Source}</category>
                <category domain="{ChangeFeedReader.VersionScheme}">2025</category>
              </item>
            </channel></rss>
            """;
        var response = await PostFeedAsync(lead, rss, "application/rss+xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.NewDbContext();
        var change = await db.RegulatoryChanges.Include(c => c.ToVersion).SingleAsync();
        Assert.Equal(("rcuk-2025", ChangeSeverity.UpdateTraining, new DateOnly(2025, 10, 22)), (change.FeedEntryId, change.ToVersion!.Severity, change.ToVersion.EffectiveFrom!.Value));
    }

    private static Task<HttpResponseMessage> PostFeedAsync(HttpClient client, string xml, string contentType) =>
        client.PostAsync("/api/v1/regulation/feed", new StringContent(xml, Encoding.UTF8, contentType));

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
}
