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
    public void Lessons_are_checked_as_they_render_images_need_alt_text_and_a_media_file()
    {
        var problems = new List<CareReady.Core.Learning.Packages.PackageProblem>();
        CareReady.Core.Learning.Packages.LessonChecker.Check("lessons/01.md", "Intro\n\n![](media/a.png)\n\n![Chart](media/b.png)\n\n> [!NOTE]\n> See ![](media/c.png)",
            p => p == "media/a.png" || p == "media/b.png", problems);
        Assert.Equal(
            [("lessons/01.md", (int?)3, true), ("lessons/01.md", 8, true), ("lessons/01.md", 8, false)],
            problems.Select(x => (x.Path, x.Line, x.Message.Contains("alt text", StringComparison.Ordinal))));
    }
}
