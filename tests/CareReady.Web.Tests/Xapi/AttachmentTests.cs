using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// Statement attachments (Data 2.4.11, Communication 1.5.2) and signed statements (Data 2.6) through
/// HTTP, on both providers and both versions (the rules are the same in 1.0.3 and 2.0).
/// </summary>
public class AttachmentTests
{
    public static TheoryData<DatabaseProvider, string> ProvidersAndVersions => new()
    {
        { DatabaseProvider.Sqlite, "1.0.3" },
        { DatabaseProvider.Sqlite, "2.0.0" },
        { DatabaseProvider.Postgres, "1.0.3" },
        { DatabaseProvider.Postgres, "2.0.0" },
    };

    private static readonly byte[] Certificate = Encoding.UTF8.GetBytes("here is a simple attachment");

    [Theory]
    [MemberData(nameof(ProvidersAndVersions))]
    public async Task Multipart_statements_keep_each_attachment_once_and_get_returns_the_parts(DatabaseProvider provider, string version)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version);
        var first = Lrs.Statement();
        var second = Lrs.Statement();
        first["attachments"] = new JsonArray(Attachments.Object(Certificate, "text/plain; charset=ascii"), Attachments.Object(null, "application/pdf", fileUrl: "https://files.example/cert.pdf"));
        second["attachments"] = new JsonArray(Attachments.Object(Certificate, "text/plain; charset=ascii"));

        // POST a batch: the same data is sent once for both statements; the fileUrl-only one needs no part.
        var posted = await lrs.PostAsync("/xapi/statements", Attachments.Body(new JsonArray(first, second), [new Attachments.Part(Certificate)]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        // PUT one statement with its part.
        var third = Lrs.Statement();
        var other = Encoding.UTF8.GetBytes("another file");
        third["attachments"] = new JsonArray(Attachments.Object(other, "application/octet-stream"));
        var put = await lrs.PutAsync("/xapi/statements?statementId=" + third["id"], Attachments.Body(third, [new Attachments.Part(other, "application/octet-stream")]));
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.XapiAttachments.Where(a => a.OrganisationId == app.Data.OrgA).OrderBy(a => a.Length).ToListAsync();
            Assert.Equal([other.Length, Certificate.Length], stored.Select(a => (int)a.Length));
            Assert.Equal(Certificate, stored[1].Content);
        }

        // GET one statement with attachments=true: the statement, then its data.
        var single = await Attachments.ReadAsync(await lrs.GetAsync($"/xapi/statements?statementId={first["id"]}&attachments=true"));
        Assert.Equal(first["id"]!.GetValue<string>(), single.Json["id"]!.GetValue<string>());
        var part = Assert.Single(single.Parts);
        Assert.Equal(Attachments.Sha256(Certificate), part.Hash);
        Assert.Equal(Certificate, part.Data);
        Assert.StartsWith("text/plain", part.ContentType, StringComparison.Ordinal);

        // GET a page with attachments=true: each file once, whatever number of statements use it.
        var page = await Attachments.ReadAsync(await lrs.GetAsync("/xapi/statements?attachments=true"));
        Assert.Equal(3, page.Json["statements"]!.AsArray().Count);
        Assert.Equal(new[] { Attachments.Sha256(other), Attachments.Sha256(Certificate) }.Order(), page.Parts.Select(p => p.Hash).Order());

        // Without attachments=true the answer stays JSON; another organisation sees none of it.
        Assert.Equal("application/json", (await lrs.GetAsync("/xapi/statements")).Content.Headers.ContentType!.MediaType);
        var lrsB = await Lrs.ClientAsync(app, app.Data.OrgB, version);
        Assert.Empty((await Lrs.GetJsonAsync(lrsB, "/xapi/statements"))["statements"]!.AsArray());

        // A multipart request without attachments, and one with only fileUrl attachments, are accepted.
        var plain = Lrs.Statement();
        Assert.Equal(HttpStatusCode.OK, (await lrs.PostAsync("/xapi/statements", Attachments.Body(plain, []))).StatusCode);
        var linked = Lrs.Statement();
        linked["attachments"] = new JsonArray(Attachments.Object(null, fileUrl: "https://files.example/x.txt"));
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, linked)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ProvidersAndVersions))]
    public async Task Every_attachment_must_is_enforced_with_400_and_nothing_is_stored(DatabaseProvider provider, string version)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version);
        var data = Certificate;
        JsonObject With(params JsonObject[] attachments)
        {
            var s = Lrs.Statement();
            s["attachments"] = new JsonArray(attachments);
            return s;
        }

        var cases = new (string Name, HttpContent Body, string Expected)[]
        {
            ("no fileUrl, sent as JSON", new StringContent(With(Attachments.Object(data)).ToJsonString(), Encoding.UTF8, "application/json"), "statement.attachments[0]: an attachment without fileUrl needs its data; send the request as multipart/mixed"),
            ("no part for the attachment", Attachments.Body(With(Attachments.Object(data), Attachments.Object(Encoding.UTF8.GetBytes("x"))), [new Attachments.Part(data)]), "statement.attachments[1]: no part has X-Experience-API-Hash"),
            ("a part for no attachment", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data), new Attachments.Part(Encoding.UTF8.GetBytes("stray"))]), "matches no attachment (sha2)"),
            ("hash does not match the data", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data, Hash: Attachments.Sha256(Encoding.UTF8.GetBytes("other")))]), "the data does not match its X-Experience-API-Hash"),
            ("no hash header", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data, Hash: null)]), "Part 2 (an attachment) has no X-Experience-API-Hash header"),
            ("no Content-Transfer-Encoding", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data, Encoding: null)]), "must have the header Content-Transfer-Encoding: binary"),
            ("base64 transfer encoding", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data, Encoding: "base64")]), "must have the header Content-Transfer-Encoding: binary"),
            ("first part not JSON", Attachments.Body(With(Attachments.Object(data)), [new Attachments.Part(data)], firstType: "text/plain"), "The first part of a multipart/mixed request holds the statements and must have Content-Type application/json"),
            ("part type differs", Attachments.Body(With(Attachments.Object(data, "application/pdf")), [new Attachments.Part(data, "image/png")]), "statement.attachments[0].contentType: the attachment says \"application/pdf\" but its part"),
            ("not JSON, not multipart", new StringContent("x", Encoding.UTF8, "text/plain"), "Statements are sent as application/json (or multipart/mixed"),
        };

        var failures = new List<string>();
        foreach (var (name, body, expected) in cases)
        {
            var response = await lrs.PostAsync("/xapi/statements", body);
            var detail = await Lrs.DetailAsync(response);
            if (response.StatusCode != HttpStatusCode.BadRequest || !detail.Contains(expected, StringComparison.Ordinal))
            {
                failures.Add($"{name}: {(int)response.StatusCode} \"{detail}\"");
            }
        }

        Assert.Empty(failures);
        Assert.Empty((await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().XapiAttachments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(ProvidersAndVersions))]
    public async Task Signed_statements_are_stored_when_the_jws_is_valid_and_refused_otherwise(DatabaseProvider provider, string version)
    {
        await using var app = await TestApp.StartAsync(provider);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA, version);
        var (key, certificate) = Attachments.Signer();
        using var _ = key;
        using var __ = certificate;

        Task<HttpResponseMessage> Post(JsonObject statement, params Attachments.Part[] parts) =>
            lrs.PostAsync("/xapi/statements", Attachments.Body(statement, parts));

        // Valid: RS256 with the certificate, RS512 without one, and a signed statement that has another attachment too.
        foreach (var (alg, withCertificate) in new[] { ("RS256", true), ("RS384", true), ("RS512", false) })
        {
            var statement = Lrs.Statement();
            var signature = Attachments.Sign(statement, key, alg, withCertificate ? certificate : null);
            var ok = await Post(statement, signature);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{alg}: {(int)ok.StatusCode} {await Lrs.DetailAsync(ok)}");
        }

        var withFile = Lrs.Statement();
        withFile.Remove("id"); // the LRS assigns the id after signing: still the same statement
        withFile["attachments"] = new JsonArray(Attachments.Object(Certificate));
        var signed = Attachments.Sign(withFile, key, certificate: certificate);
        var both = await Post(withFile, new Attachments.Part(Certificate), signed);
        Assert.True(both.StatusCode == HttpStatusCode.OK, await Lrs.DetailAsync(both));

        var invalid = new List<(string Name, Func<Task<HttpResponseMessage>> Send, string Expected)>
        {
            ("changed after signing", () =>
            {
                var s = Lrs.Statement();
                var part = Attachments.Sign(s, key, certificate: certificate);
                s["verb"]!["id"] = "http://adlnet.gov/expapi/verbs/passed";
                return Post(s, part);
            }, "the JWS payload is not the statement that was signed"),
            ("signed by another key", () =>
            {
                using var otherKey = System.Security.Cryptography.RSA.Create(2048);
                var s = Lrs.Statement();
                return Post(s, Attachments.Sign(s, otherKey, certificate: certificate));
            }, "the JWS signature does not verify with the certificate in its x5c header"),
            ("HS256", () =>
            {
                var s = Lrs.Statement();
                var part = Attachments.Sign(s, key, "HS256");
                return Post(s, part);
            }, "the JWS algorithm must be RS256, RS384 or RS512, not \"HS256\""),
            ("not a JWS", () =>
            {
                var s = Lrs.Statement();
                var bytes = Encoding.UTF8.GetBytes("not a signature");
                s["attachments"] = new JsonArray(Attachments.Object(bytes, "application/octet-stream", Attachments.SignatureUsage));
                return Post(s, new Attachments.Part(bytes, "application/octet-stream"));
            }, "the signature is not a JWS in compact serialisation"),
            ("wrong content type", () =>
            {
                var s = Lrs.Statement();
                return Post(s, Attachments.Sign(s, key, contentType: "text/plain"));
            }, "statement.attachments[0].contentType: a signature attachment must have the content type application/octet-stream"),
            ("signature without its part", () =>
            {
                var s = Lrs.Statement();
                Attachments.Sign(s, key);
                return Post(s);
            }, "statement.attachments[0]: the signature must be sent as a multipart/mixed part"),
        };

        var failures = new List<string>();
        foreach (var (name, send, expected) in invalid)
        {
            var response = await send();
            var detail = await Lrs.DetailAsync(response);
            if (response.StatusCode != HttpStatusCode.BadRequest || !detail.Contains(expected, StringComparison.Ordinal))
            {
                failures.Add($"{name}: {(int)response.StatusCode} \"{detail}\"");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(4, (await Lrs.GetJsonAsync(lrs, "/xapi/statements"))["statements"]!.AsArray().Count);
    }
}
