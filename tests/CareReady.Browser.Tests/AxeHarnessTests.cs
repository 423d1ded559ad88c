namespace CareReady.Browser.Tests;

/// <summary>Proves the accessibility check can fail: a page with known violations must be reported.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeHarnessTests(BrowserFixture browser)
{
    [Fact]
    public async Task Axe_reports_a_page_with_known_violations()
    {
        var page = await browser.Browser.NewPageAsync();
        await page.SetContentAsync("<html><body><img src='x.png'><input type='text'></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Axe.AssertAccessibleAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
