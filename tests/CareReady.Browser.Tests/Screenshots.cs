using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

/// <summary>When CAREREADY_SCREENSHOTS names a folder, journeys save full-page screenshots there (for the README).</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CAREREADY_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
