using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Checks a lesson's Markdown parsed exactly as it will be rendered (<see cref="LessonMarkdown"/>'s
/// pipeline): every image has alt text and is a picture in the media folder; every link is https://,
/// mailto:, an in-page #anchor or a file in the package. Paths are from the top of the package
/// (<c>media/fire-triangle.svg</c>). Used by package import and by the authoring pages alike.
/// </summary>
internal static partial class LessonChecker
{
    /// <param name="path">Where the lesson is, for the messages (a package file, or "Markdown" in the editor).</param>
    /// <param name="exists">Whether a package path (e.g. a media file) exists.</param>
    public static void Check(string path, string markdown, Func<string, bool> exists, List<PackageProblem> problems)
    {
        var document = Markdown.Parse(markdown, LessonMarkdown.Pipeline);
        foreach (var inline in document.Descendants().OfType<Inline>())
        {
            var line = inline.Line + 1;
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    CheckImage(path, line, image, exists, problems);
                    break;
                case LinkInline link:
                    CheckLink(path, line, link.Url ?? "", exists, problems);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    CheckLink(path, line, autolink.Url, exists, problems);
                    break;
            }
        }
    }

    private static void CheckImage(string path, int line, LinkInline image, Func<string, bool> exists, List<PackageProblem> problems)
    {
        var url = image.Url ?? "";
        var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();
        if (alt.Length == 0)
        {
            problems.Add(new PackageProblem(path, line, $"the image {Quote(url)} needs alt text describing it: ![what the image shows]({url})"));
        }

        if (Scheme().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal))
        {
            problems.Add(new PackageProblem(path, line, $"the image {Quote(url)} must be a file in the package's media folder, not a web address"));
            return;
        }

        var target = Target(url);
        if (!PackagePaths.IsMedia(target) || !PackagePaths.IsImage(target))
        {
            problems.Add(new PackageProblem(path, line,
                $"the image {Quote(url)} must be a picture in the media folder ({string.Join(" ", PackageLimits.ImageExtensions)}), e.g. media/diagram.svg"));
        }
        else if (!exists(target))
        {
            problems.Add(new PackageProblem(path, line, $"the image {Quote(target)} is not in the package"));
        }
    }

    private static void CheckLink(string path, int line, string url, Func<string, bool> exists, List<PackageProblem> problems)
    {
        if (url.Length == 0)
        {
            problems.Add(new PackageProblem(path, line, "a link has no address"));
            return;
        }

        if (url.StartsWith('#') || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (Scheme().IsMatch(url) || url.StartsWith("//", StringComparison.Ordinal))
        {
            problems.Add(new PackageProblem(path, line, $"the link {Quote(url)} must start with https:// (or mailto:), or point to a file in the package"));
            return;
        }

        var target = Target(url);
        if (!exists(target))
        {
            problems.Add(new PackageProblem(path, line,
                $"the link {Quote(url)} points to {Quote(target)}, which is not in the package (paths are from the top of the package, e.g. media/leaflet.pdf)"));
        }
    }

    /// <summary>The package path a relative address names: without #fragment or ?query, %-escapes decoded.</summary>
    private static string Target(string url)
    {
        var end = url.IndexOfAny(['#', '?']);
        var path = end >= 0 ? url[..end] : url;
        try
        {
            return Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return path;
        }
    }

    private static string Quote(string url) => "\"" + (url.Length > 120 ? url[..120] + "…" : url) + "\"";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
