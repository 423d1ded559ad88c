using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Cmi5;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Scorm;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Learning;

/// <summary>
/// The SCORM and cmi5 import pages (the form handling they share with the content package page): a missing or
/// non-zip file refused on the field, every problem of a bad package listed by file and line with nothing
/// created, publishing only for leads, and a good package imported.
/// </summary>
public class PackageUploadPageTests
{
    private const string ScormPage = "/learning/scorm/import";
    private const string Cmi5Page = "/learning/cmi5/import";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_scorm_page_refuses_a_missing_or_non_zip_file_lists_every_problem_and_imports_a_good_package(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        var fields = new Dictionary<string, string> { ["Competencies"] = ScormTestPackages.Competency, ["Minutes"] = "10" };

        var none = await TextAsync(await PostAsync(educator, ScormPage, null, fields));
        Assert.Contains("<li><a href=\"#Package\">Select a SCORM package (.zip) to import</a></li>", none, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Package-error\"", none, StringComparison.Ordinal);
        var text = await TextAsync(await PostAsync(educator, ScormPage, ("notes.txt", Encoding.UTF8.GetBytes("hello")), fields));
        Assert.Contains("The selected file must be a .zip SCORM package", text, StringComparison.Ordinal);

        var bad = ScormTestPackages.WithManifest(ScormTestPackages.Scorm12, m => m.Replace("</manifest>", "</manifes>", StringComparison.Ordinal));
        var refused = WebUtility.HtmlDecode(await TextAsync(await PostAsync(educator, ScormPage, ("sepsis.zip", bad), fields)));
        Assert.Contains("sepsis.zip was not imported", refused, StringComparison.Ordinal);
        Assert.Contains("1 problem found. Nothing was created.", refused, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nhsuk-u-font-weight-bold\">imsmanifest.xml line 27</span>: ", refused, StringComparison.Ordinal);

        // An educator may not publish straight away (the box is not offered; a crafted post is sent to access denied).
        var publish = await PostAsync(educator, ScormPage, ("sepsis.zip", ScormTestPackages.Zip(ScormTestPackages.Scorm12)), new(fields) { ["Publish"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains("/account/access-denied", publish.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.ScormPackages.CountAsync());
        }

        var imported = await TextAsync(await PostAsync(educator, ScormPage, ("sepsis.zip", ScormTestPackages.Zip(ScormTestPackages.Scorm12)), fields));
        Assert.Contains("sepsis.zip imported", imported, StringComparison.Ordinal);
        Assert.Contains("version 1 (a new module), draft.", imported, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_cmi5_page_refuses_a_missing_file_lists_every_problem_and_opens_the_imported_course(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lead = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Contains("href=\"/learning/cmi5/import\"", await lead.GetStringAsync("/learning/authoring"), StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["Confers"] = TestCourse.Competency, ["Publish"] = "true" };

        var none = await TextAsync(await PostAsync(lead, Cmi5Page, null, fields));
        Assert.Contains("<li><a href=\"#Package\">Select a course package (.zip) to import</a></li>", none, StringComparison.Ordinal);

        var files = TestCourse.Good();
        files["cmi5.xml"] = files["cmi5.xml"].Replace("moveOn=\"Passed\"", "moveOn=\"Sometimes\"", StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await TextAsync(await PostAsync(lead, Cmi5Page, ("hand-hygiene.zip", TestCourse.Zip(files)), fields)));
        Assert.Contains("hand-hygiene.zip was not imported", refused, StringComparison.Ordinal);
        Assert.Contains("<span class=\"nhsuk-u-font-weight-bold\">cmi5.xml line 7</span>: ", refused, StringComparison.Ordinal);
        Assert.Contains("moveOn must be one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable (found \"Sometimes\")", refused, StringComparison.Ordinal);
        await using (var db = app.NewDbContext())
        {
            Assert.Equal(0, await db.Cmi5Courses.CountAsync());
        }

        var imported = await PostAsync(lead, Cmi5Page, ("hand-hygiene.zip", TestCourse.Zip(TestCourse.Good())), fields);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        await using (var db = app.NewDbContext())
        {
            var course = await db.Cmi5Courses.AsNoTracking().SingleAsync();
            Assert.Equal($"/learning/cmi5/{course.Id}", imported.Headers.Location?.OriginalString);
        }
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, (string Name, byte[] Content)? file, Dictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync(page);
        using var form = new MultipartFormDataContent();
        if (file is var (name, content))
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/plain");
            form.Add(part, "Package", name);
        }

        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(page, form);
    }
}
