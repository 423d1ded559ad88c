using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>Runs axe-core on the current page for WCAG 2.2 A and AA and fails with a readable list.</summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        });
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(problems.Count == 0, $"axe found WCAG 2.2 A/AA violations on {page.Url}:\n" + string.Join("\n", problems));
    }
}
