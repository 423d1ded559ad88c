using CareReady.Core.Learning;

namespace CareReady.Core.Tests.Learning;

public class LessonMarkdownTests
{
    private static string Html(string markdown) => LessonMarkdown.ToHtml(markdown, "/learning/versions/7/");

    [Fact]
    public void Raw_html_is_shown_as_text_never_run() =>
        Assert.Equal("<p>&lt;img src=x onerror=alert(1)&gt;</p>\n", Html("<img src=x onerror=alert(1)>"));

    [Fact]
    public void Callouts_tables_and_lists_render()
    {
        var html = Html("> [!WARNING]\n> Never prop open a fire door.\n\n| Type | Colour |\n|---|---|\n| CO2 | Black |\n\n- one\n- two\n");
        Assert.Contains("markdown-alert-warning", html, StringComparison.Ordinal);
        Assert.Contains("<td>CO2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li>two</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_media_point_at_the_version_and_other_relative_links_go_nowhere()
    {
        var html = Html("![Fire triangle](media/triangle.svg) [policy](https://example.org/p) [up](../secret) [js](javascript:alert(1))");
        Assert.Contains("src=\"/learning/versions/7/media/triangle.svg\" alt=\"Fire triangle\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/p\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("../secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_lists_images_with_alt_text_and_line()
    {
        var links = LessonMarkdown.Links("Intro\n\n![](media/a.png)\n\n![Chart](media/b.png)").ToList();
        Assert.Equal([("media/a.png", true, "", 3), ("media/b.png", true, "Chart", 5)], links);
    }
}
