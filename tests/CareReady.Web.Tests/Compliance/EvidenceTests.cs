using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Compliance;

/// <summary>Exemptions, prior learning and external certificates move a person's certification — with the right people approving.</summary>
public class EvidenceTests
{
    private static async Task<string?> LabelAsync(HttpClient client, int personId, string code)
    {
        var person = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people/{personId}");
        return person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == code).GetProperty("label").GetString();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Manager_approves_an_exemption_for_their_team_member_and_can_revoke_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var body = new { competencyCode = "CSTF-RES-2A", reason = "Wrist fracture: cannot do chest compressions until cleared", startsOn = "2026-03-01", endsOn = "2026-06-01" };

        Assert.Equal("Overdue", await LabelAsync(manager, app.Data.NurseA.Id, "CSTF-RES-2A"));
        var created = await manager.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseA.Id}/exemptions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Exempt", await LabelAsync(manager, app.Data.NurseA.Id, "CSTF-RES-2A"));

        var evidence = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}/evidence");
        var exemption = evidence.GetProperty("exemptions")[0];
        Assert.Equal(TestData.ManagerEmail, exemption.GetProperty("approvedBy").GetString());

        // Outside the ward, and for themselves: not allowed.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/exemptions", body)).StatusCode);
        var self = await manager.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var selfId = self.GetProperty("record").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/people/{selfId}/exemptions", body)).StatusCode);

        // A learner cannot approve at all.
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseA.Id}/exemptions", body)).StatusCode);

        var revoke = await manager.PostAsync($"/api/v1/exemptions/{exemption.GetProperty("id").GetInt32()}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal("Overdue", await LabelAsync(manager, app.Data.NurseA.Id, "CSTF-RES-2A"));
        var after = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseA.Id}/evidence");
        Assert.True(after.GetProperty("exemptions")[0].GetProperty("revoked").GetBoolean()); // kept, marked revoked
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_exemptions_are_refused_with_field_errors(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var response = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/exemptions",
            new { competencyCode = "NOPE", reason = "short", startsOn = "2026-03-01", endsOn = "2026-02-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("CompetencyCode", out _));
        Assert.True(errors.TryGetProperty("Reason", out _));
        Assert.True(errors.TryGetProperty("EndsOn", out _));
        var evidence = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseB.Id}/evidence");
        Assert.Equal(0, evidence.GetProperty("exemptions").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Prior_learning_from_a_previous_employer_certifies_and_is_listed_as_such(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var response = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/prior-learning",
            new { competencyCode = "CSTF-RES-3A", completedOn = "2025-11-20", source = "Northwick Park NHS Trust", reference = "Passport 7781" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Level 3 adult satisfies the level 2 adult requirement; expires a year after it was achieved.
        var person = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseB.Id}");
        var resus = person.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competencyCode").GetString() == "CSTF-RES-2A");
        Assert.Equal("Up to date", resus.GetProperty("label").GetString());
        Assert.Equal("2026-11-20", resus.GetProperty("expiresOn").GetString());

        var evidence = await compliance.GetFromJsonAsync<JsonElement>($"/api/v1/people/{app.Data.NurseB.Id}/evidence");
        var prior = evidence.GetProperty("priorLearning")[0];
        Assert.Equal("Northwick Park NHS Trust", prior.GetProperty("source").GetString());
        Assert.Equal(TestData.ComplianceEmail, prior.GetProperty("recordedBy").GetString());

        var future = await compliance.PostAsJsonAsync($"/api/v1/people/{app.Data.NurseB.Id}/prior-learning",
            new { competencyCode = "CSTF-RES-3A", completedOn = "2027-01-01", source = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Learner_uploads_a_certificate_and_it_counts_once_the_manager_approves(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var pdf = "%PDF-1.4\n% test certificate\n"u8.ToArray();

        using var form = new MultipartFormDataContent
        {
            { new StringContent("CSTF-RES-2A"), "competencyCode" },
            { new StringContent("2026-02-10"), "completedOn" },
            { new StringContent("Resuscitation Council UK course"), "provider" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "bls-certificate.pdf");
        var uploaded = await learner.PostAsync($"/api/v1/people/{app.Data.NurseA.Id}/certificates", form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal("Overdue", await LabelAsync(learner, app.Data.NurseA.Id, "CSTF-RES-2A")); // not yet approved

        // The learner cannot approve their own; the ward B nurse's manager is not theirs... the ward A manager is.
        var pending = await (await app.SignedInClientAsync(TestData.ManagerEmail)).GetFromJsonAsync<JsonElement>("/api/v1/certificates/pending");
        var certificateId = Assert.Single(pending.EnumerateArray()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.PostAsJsonAsync($"/api/v1/certificates/{certificateId}/review", new { approve = true })).StatusCode);
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/certificates/{certificateId}/review", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/certificates/{certificateId}/file")).StatusCode);

        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        var file1 = await manager.GetAsync($"/api/v1/certificates/{certificateId}/file");
        Assert.Equal("application/pdf", file1.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await file1.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/certificates/{certificateId}/review", new { approve = true })).StatusCode);
        Assert.Equal("Up to date", await LabelAsync(learner, app.Data.NurseA.Id, "CSTF-RES-2A"));
        // Reviewing twice is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/certificates/{certificateId}/review", new { approve = false, note = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_file_that_is_not_a_pdf_or_image_is_refused(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("CSTF-RES-2A"), "competencyCode" },
            { new StringContent("2026-02-10"), "completedOn" },
            { new StringContent("Someone"), "provider" },
        };
        var file = new ByteArrayContent("MZ\u0090 not really a pdf"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "certificate.pdf");
        var response = await learner.PostAsync($"/api/v1/people/{app.Data.NurseA.Id}/certificates", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("File", out _));

        // Someone else's record is not reachable for a learner.
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/people/{app.Data.NurseB.Id}/certificates", form)).StatusCode);
    }
}
