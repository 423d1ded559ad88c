using System.Globalization;
using System.Text.Json.Nodes;
using CareReady.Core.Xapi;

namespace CareReady.Core.Tests.Xapi;

/// <summary>
/// A statement drafted ahead for the one-round-trip write (ADR 0028) must be stored as the checked path stores it: the
/// statement as sent, with the LRS's authority (in place of any sent), its version when missing, a timestamp when
/// missing, and the stored time — and with the same columns and index rows.
/// </summary>
public class StatementDraftTests
{
    private static readonly LrsCaller Caller = new(7, 3, "Ward \"LMS\" <é>", "k3y", true, true, "https://lrs.example.nhs.uk/xapi/");
    // Finer than the JSON's milliseconds: the timestamp column of a statement sent without one is what its JSON says.
    private static readonly DateTime Stored = new DateTime(2026, 11, 29, 21, 30, 15, 123, DateTimeKind.Utc).AddTicks(4_567);
    private const string StoredText = "2026-11-29T21:30:15.123Z";

    public static TheoryData<string, XapiVersion> Statements => new()
    {
        { """{"actor":{"mbox":"mailto:ann@example.nhs.uk"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"https://careready.example/modules/fire"}}""", XapiVersion.V103 },
        {
            """
            {"id":"5f2c0a7e-1c1b-4c39-9d57-6a1f1d3f2b10","timestamp":"2026-11-29T20:00:00+01:00","version":"1.0.3",
             "actor":{"objectType":"Group","name":"Night \u00e9quipe","member":[{"account":{"homePage":"https://esr.nhs.uk","name":"12345"}},{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}]},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-GB":"passed <quickly> & \"well\""}},
             "object":{"id":"https://careready.example/modules/sepsis","definition":{"name":{"en-GB":"Sepsis – recognising it"}}},
             "result":{"success":true,"completion":true,"score":{"scaled":0.9},"duration":"PT4M"},
             "context":{"registration":"0c1e8a5e-2b7a-4f0f-8d3e-3d1c5b9a7e21","instructor":{"mbox":"mailto:ed@example.nhs.uk"},
               "contextActivities":{"parent":[{"id":"https://careready.example/courses/acute"}],"grouping":{"id":"https://careready.example/programmes/2026"}}},
             "stored":"2020-01-01T00:00:00Z","authority":{"mbox":"mailto:someone-else@example.com"}}
            """,
            XapiVersion.V103
        },
        { """{"actor":{"mbox":"mailto:bo@example.nhs.uk"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attempted"},"object":{"objectType":"Agent","mbox":"mailto:cy@example.nhs.uk"},"context":{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:di@example.nhs.uk"}}]}}""", XapiVersion.V200 },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_drafted_statement_is_stored_as_the_checked_path_stores_it(string text, XapiVersion version)
    {
        var prepared = Prepare(text, version);
        Assert.True(StatementDraft.Applies(prepared));
        var refs = new List<XapiStatementRef>();
        var row = StatementDraft.Of(prepared, Caller.Authority(), version).Row(3, 42, prepared.Id, 7, Stored, StoredText, refs);

        // What the checked path writes (StoreStatements.Draft): the statement with the LRS's properties set on it.
        var expected = (JsonObject)prepared.Statement.DeepClone();
        expected["timestamp"] ??= StoredText;
        expected["stored"] = StoredText;
        expected["authority"] = Caller.Authority();
        expected["version"] ??= version == XapiVersion.V200 ? "2.0.0" : "1.0.0";
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(row.Json)), row.Json);

        Assert.Equal((3, 42L, prepared.Id, 7), (row.OrganisationId, row.Seq, row.StatementId, row.ClientId));
        Assert.Equal(AgentKeys.Of(expected["actor"]), row.ActorKey);
        Assert.Equal(expected["verb"]!["id"]!.GetValue<string>(), row.VerbId);
        Assert.Equal(expected["object"]!["objectType"] is null ? expected["object"]!["id"]!.GetValue<string>() : null, row.ActivityId);
        Assert.Equal(expected["context"]?["registration"]?.GetValue<string>(), row.Registration?.ToString("D"));
        Assert.Equal(DateTimeOffset.Parse(expected["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime, row.Timestamp);
        Assert.Equal(Stored, row.Stored);
        Assert.False(row.Voided);
        Assert.Null(row.VoidsStatementId);
        Assert.Null(row.TargetStatementId);

        var expectedRefs = StatementRefs.Of(expected).Select(r => (r.Kind, XapiRefKey.Of(r.Key))).Order().ToList();
        Assert.Equal(expectedRefs, refs.Select(r => (r.Kind, r.Key)).Order().ToList());
        Assert.All(refs, r => Assert.Equal((3, 42L), (r.OrganisationId, r.Seq)));
        Assert.Contains(refs, r => r.Kind == XapiRefKind.RelatedAgent && r.Key == XapiRefKey.Of(AgentKeys.Of(Caller.Authority())!));
    }

    [Fact]
    public void Drafting_leaves_the_statement_as_it_came()
    {
        var prepared = Prepare("""{"actor":{"mbox":"mailto:ann@example.nhs.uk"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"https://careready.example/m"},"stored":"2020-01-01T00:00:00Z"}""", XapiVersion.V103);
        var before = prepared.Statement.ToJsonString();
        StatementDraft.Of(prepared, Caller.Authority(), XapiVersion.V103);
        Assert.Equal(before, prepared.Statement.ToJsonString());
    }

    [Fact]
    public void Voiding_statements_and_statement_refs_are_not_drafted()
    {
        var voiding = Prepare("""{"actor":{"mbox":"mailto:ann@example.nhs.uk"},"verb":{"id":"http://adlnet.gov/expapi/verbs/voided"},"object":{"objectType":"StatementRef","id":"5f2c0a7e-1c1b-4c39-9d57-6a1f1d3f2b10"}}""", XapiVersion.V103);
        var reference = Prepare("""{"actor":{"mbox":"mailto:ann@example.nhs.uk"},"verb":{"id":"http://adlnet.gov/expapi/verbs/commented"},"object":{"objectType":"StatementRef","id":"5f2c0a7e-1c1b-4c39-9d57-6a1f1d3f2b10"}}""", XapiVersion.V103);
        Assert.False(StatementDraft.Applies(voiding));
        Assert.False(StatementDraft.Applies(reference));
    }

    private static PreparedStatement Prepare(string text, XapiVersion version) =>
        StoreStatements.Prepare([JsonNode.Parse(text)], batch: false, version, putId: null)[0];
}
