using System.ServiceModel.Syndication;
using System.Xml;

namespace CareReady.Core.Regulation;

/// <summary>One feed entry read into a change proposal, or the problem that stops it.</summary>
public sealed record ChangeFeedEntry(int Number, string Id, string Title, ChangeInput? Input, string? Problem);

/// <summary>
/// Reads an RSS 2.0 or Atom 1.0 feed of guideline changes with <see cref="SyndicationFeed"/>. Each entry
/// names what changed with categories (see docs/regulatory-changes.md): the guideline source
/// (<see cref="SourceScheme"/>), the new version (<see cref="VersionScheme"/>), optionally the version it
/// replaces, the severity and the effective date; the entry's title, summary and link become the change's.
/// </summary>
public static class ChangeFeedReader
{
    public const string SourceScheme = "urn:careready:guideline-source";
    public const string VersionScheme = "urn:careready:guideline-version";
    public const string ReplacesScheme = "urn:careready:replaces-version";
    public const string SeverityScheme = "urn:careready:severity";
    public const string EffectiveScheme = "urn:careready:effective-from";

    /// <exception cref="FormatException">The document is not well-formed XML or not an RSS/Atom feed; the message says where and why.</exception>
    public static IReadOnlyList<ChangeFeedEntry> Read(Stream stream)
    {
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 20_000_000 });
            if (!new Rss20FeedFormatter().CanRead(reader) && !new Atom10FeedFormatter().CanRead(reader))
            {
                reader.MoveToContent();
                throw new FormatException($"This is not an RSS 2.0 or Atom 1.0 feed: the document starts with <{reader.Name}>, expected <rss> or <feed>.");
            }

            feed = SyndicationFeed.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"The feed is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }

        var entries = new List<ChangeFeedEntry>();
        var number = 0;
        foreach (var item in feed.Items)
        {
            number++;
            entries.Add(Entry(number, item));
        }

        return entries;
    }

    private static ChangeFeedEntry Entry(int number, SyndicationItem item)
    {
        var title = item.Title?.Text?.Trim() ?? "";
        var id = string.IsNullOrWhiteSpace(item.Id) ? item.Links.FirstOrDefault()?.Uri?.ToString() ?? "" : item.Id.Trim();
        string? Category(string scheme) => item.Categories
            .Where(c => string.Equals(c.Scheme, scheme, StringComparison.Ordinal))
            .Select(c => (c.Label ?? c.Name)?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        var problems = new List<string>();
        if (title.Length == 0)
        {
            problems.Add("it has no title");
        }

        if (id.Length == 0)
        {
            problems.Add("it has no id or link, so a re-import could not recognise it");
        }

        var source = Category(SourceScheme);
        var version = Category(VersionScheme);
        if (source is null)
        {
            problems.Add($"it does not name the guideline: add <category scheme=\"{SourceScheme}\" term=\"…\"/>");
        }

        if (version is null)
        {
            problems.Add($"it does not name the new version: add <category scheme=\"{VersionScheme}\" term=\"…\"/>");
        }

        var severity = ChangeSeverity.UpdateTraining;
        if (Category(SeverityScheme) is string s && !Enum.TryParse(s.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out severity))
        {
            problems.Add($"severity \"{s}\" is not one of information, update-training, recertify");
        }

        DateOnly? effective = item.PublishDate == default ? null : DateOnly.FromDateTime(item.PublishDate.UtcDateTime);
        if (Category(EffectiveScheme) is string e)
        {
            if (DateOnly.TryParseExact(e, "yyyy-MM-dd", out var day))
            {
                effective = day;
            }
            else
            {
                problems.Add($"effective date \"{e}\" is not a date in the form YYYY-MM-DD");
            }
        }

        var label = title.Length > 0 ? $"Entry {number} (\"{title}\")" : $"Entry {number}";
        if (problems.Count > 0)
        {
            return new ChangeFeedEntry(number, id, title, null, $"{label}: {string.Join("; ", problems)}.");
        }

        var summary = item.Summary?.Text is string text ? System.Net.WebUtility.HtmlDecode(StripTags(text)).Trim() : null;
        var link = item.Links.FirstOrDefault()?.Uri?.ToString();
        return new ChangeFeedEntry(number, id, title,
            new ChangeInput(source!, Category(ReplacesScheme), version!, title, summary, severity, effective, link), null);
    }

    private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
