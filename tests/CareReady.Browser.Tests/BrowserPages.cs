using Microsoft.Playwright;

namespace CareReady.Browser.Tests;

public static class BrowserPages
{
    /// <summary>A fresh browser context of the given size, signed in through the real sign-in form.</summary>
    public static async Task<IPage> SignedInAsync(IBrowser browser, Uri baseUrl, string email, string password, int width = 1280, int height = 900)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Hello");
        return page;
    }
}
