using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Checks a lesson's Markdown the way it will be rendered (Markdig): every image has alt text and is a
/// picture in the package's media folder; every link is https://, mailto:, an in-page #anchor or a
/// file in the package. Paths are from the top of the package (<c>media/fire-triangle.svg</c>).
/// </summary>
internal static partial class LessonChecker
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseTaskLists().Build();

    public static void Check(string path, string markdown, IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var inline in document.Descendants().OfType<Inline>())
        {
            var line = inline.Line + 1;
            switch (inline)
            {
                case LinkInline { IsImage: true } image:
                    CheckImage(path, line, image, files, problems);
                    break;
                case LinkInline link:
                    CheckLink(path, line, link.Url ?? "", files, problems);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    CheckLink(path, line, autolink.Url, files, problems);
                    break;
            }
        }
    }

    private static void CheckImage(string path, int line, LinkInline image, IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
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
        else if (!files.ContainsKey(target))
        {
            problems.Add(new PackageProblem(path, line, $"the image {Quote(target)} is not in the package"));
        }
    }

    private static void CheckLink(string path, int line, string url, IReadOnlyDictionary<string, byte[]> files, List<PackageProblem> problems)
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
        if (!files.ContainsKey(target))
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
