using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CareReady.Core.Learning;

/// <summary>
/// Renders lesson and question Markdown to HTML with Markdig: CommonMark plus tables, task lists,
/// callouts (<c>&gt; [!WARNING]</c>) and auto-links; raw HTML is escaped, not rendered, so content
/// cannot carry scripts. Links into the package (<c>media/…</c>) are pointed at the media address
/// of the module version; other relative links are dropped to plain text.
/// </summary>
public static class LessonMarkdown
{
    /// <summary>The one pipeline lessons are parsed with, for rendering and for checking (LessonChecker).</summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAlertBlocks()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    /// <param name="markdown">The lesson text.</param>
    /// <param name="mediaBase">Address that <c>media/NAME</c> resolves under, e.g. "/learning/versions/12/".</param>
    public static string ToHtml(string markdown, string mediaBase)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.Url = Resolve(link.Url, mediaBase);
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static string? Resolve(string? url, string mediaBase)
    {
        if (string.IsNullOrEmpty(url))
        {
            return url;
        }

        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith('#'))
        {
            return url;
        }

        return url.StartsWith("media/", StringComparison.Ordinal) && !url.Contains("..", StringComparison.Ordinal)
            ? mediaBase + url
            : "#";
    }
}
