using System.Net;
using System.Net.Http.Headers;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Learning;

/// <summary>The "Import a content package" page: the problems as an error summary, or the version created.</summary>
public class PackagePageTests
{
    private const string Page = "/learning/authoring/import";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_page_lists_every_problem_of_a_bad_package_and_imports_a_good_one(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);

        var form = await educator.GetStringAsync(Page);
        Assert.Contains("Import a content package", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Publish straight away", form, StringComparison.Ordinal); // educators create drafts

        var refused = await PostAsync(educator, TestPackage.Zip(TestPackage.Bad()), "hand-hygiene.zip");
        Assert.Contains("hand-hygiene.zip was not imported", refused, StringComparison.Ordinal);
        Assert.Contains("3 problems found. Nothing was created.", refused, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(refused);
        foreach (var problem in TestPackage.BadProblems)
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            Assert.Contains($"<span class=\"nhsuk-u-font-weight-bold\">{problem[..colon]}</span>: {problem[(colon + 2)..]}</a></li>", text, StringComparison.Ordinal);
        }

        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Modules.CountAsync());
        }

        var imported = await PostAsync(educator, TestPackage.Zip(TestPackage.Good()), "hand-hygiene.zip");
        Assert.Contains("hand-hygiene.zip imported", imported, StringComparison.Ordinal);
        Assert.Contains("HAND-HYGIENE version 1 (a new module), draft.", imported, StringComparison.Ordinal);

        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Contains("Publish straight away", await lead.GetStringAsync(Page), StringComparison.Ordinal);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var denied = await learner.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<string> PostAsync(HttpClient client, byte[] zip, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync(Page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "Package", fileName);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync(Page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
