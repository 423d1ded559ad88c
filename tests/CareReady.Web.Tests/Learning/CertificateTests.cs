using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Learning;

/// <summary>Certificates are issued once, open only for the people entitled to them, and verify publicly without naming the holder.</summary>
public class CertificateTests
{
    private static async Task<long> PassAsync(TestApp app, HttpClient learner, int moduleId)
    {
        var attempt = await TestModules.StartAttemptAsync(learner, moduleId);
        var id = attempt.GetProperty("id").GetInt64();
        var responses = TestModules.Responses(attempt, TestModules.RightAnswers);
        var submitted = await learner.PostAsJsonAsync($"/api/v1/attempts/{id}/submit", new { responses });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.IssuedCertificates.Where(c => c.AttemptId == id).Select(c => c.Id).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Only_the_holder_their_manager_and_auditors_can_open_a_certificate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var id = await PassAsync(app, learner, moduleId);
        var path = $"/learning/certificates/{id}";

        Assert.Equal(HttpStatusCode.OK, (await learner.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(TestData.ManagerEmail)).GetAsync(path)).StatusCode); // manages Ward A
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInClientAsync(TestData.ComplianceEmail)).GetAsync(path)).StatusCode);

        // Changing the id in the URL gets nobody else's certificate: same organisation without rights, other organisation, a guess.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(TestData.EducatorEmail)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync($"/learning/certificates/{id + 1}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_certificate_keeps_the_name_at_issue_and_verifies_publicly_without_naming_the_holder(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (moduleId, _) = await TestModules.AddAsync(app, app.Data.OrgA);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var id = await PassAsync(app, learner, moduleId);
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var certificate = await db.IssuedCertificates.SingleAsync(c => c.Id == id);
            code = certificate.VerificationCode;
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
            Assert.Equal(new DateOnly(2027, 3, 2), certificate.ValidUntil); // Adult BLS: 12-month refresher

            // She changes her surname afterwards: the certificate still shows the name it was issued in.
            var nurse = await db.Staff.SingleAsync(s => s.Id == app.Data.NurseA.Id);
            nurse.LastName = "Okafor-Smith";
            await db.SaveChangesAsync();
        }

        var page = await learner.GetStringAsync($"/learning/certificates/{id}");
        Assert.Contains("Amara Okafor<", page, StringComparison.Ordinal);
        Assert.Contains(code, page, StringComparison.Ordinal);

        var anonymous = app.NewClient();
        var verified = await anonymous.GetAsync("/verify?Code=" + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var html = await verified.Content.ReadAsStringAsync();
        Assert.Contains("Genuine certificate", html, StringComparison.Ordinal);
        Assert.Contains("Adult basic life support", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", html, StringComparison.Ordinal);

        var wrong = await anonymous.GetAsync("/verify?Code=0000-0000-0000");
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Contains("No certificate has this code", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
