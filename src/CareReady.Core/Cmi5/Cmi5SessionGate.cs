using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <summary>An AU session presenting its auth token: what it may touch.</summary>
public sealed record Cmi5SessionCaller(Cmi5Session Session, Cmi5Registration Registration, Cmi5Au Au, LrsClient Client);

/// <summary>
/// What an AU's auth token lets it do in the LRS, and the rules cmi5 puts on the LMS (sections 6.3
/// and 9.3), enforced before a statement is stored: only its own registration, AU activity and learner;
/// statements and the AU's state documents only; no voiding and none of the LMS's verbs; "initialized"
/// first and once; one "completed" and one "passed" per registration, no "failed" after "passed", a
/// score consistent with the masteryScore; nothing after "terminated" or "abandoned"; in a Browse or Review session
/// no "completed", "passed" or "failed" (cmi5 10.0 launchMode). After the store,
/// the session and progress are updated and moveOn evaluated (<see cref="EvaluateMoveOn"/>).
/// </summary>
public sealed class Cmi5SessionGate(AppDbContext db, TimeProvider time, EvaluateMoveOn moveOn)
{
    /// <summary>The Basic user name of an AU session's token starts with this, then the session id (32 hex digits).</summary>
    public const string KeyPrefix = "cmi5.";

    public static bool IsSessionKey(string key) => key.StartsWith(KeyPrefix, StringComparison.Ordinal);

    public static string TokenFor(Guid sessionId, string secret) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{KeyPrefix}{sessionId:N}:{secret}"));

    /// <summary>The session, or null when the key or secret is wrong or the token was never fetched.</summary>
    public async Task<Cmi5SessionCaller?> AuthenticateAsync(string key, string secret, CancellationToken ct = default)
    {
        if (!Guid.TryParseExact(key[KeyPrefix.Length..], "N", out var sessionId))
        {
            return null;
        }

        var session = await db.Cmi5Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.SessionId == sessionId, ct);
        if (session?.TokenHash is null || !CreateLrsClient.Verify(secret, session.TokenHash))
        {
            return null;
        }

        if (session.AbandonedAt is not null)
        {
            throw new XapiException(403, "This cmi5 session was abandoned (the course was launched again before it terminated); no more statements are accepted for it.");
        }

        var registration = await db.Cmi5Registrations.AsNoTracking().FirstAsync(r => r.Id == session.RegistrationId, ct);
        var au = await db.Cmi5Aus.AsNoTracking().FirstAsync(a => a.Id == session.AuId, ct);
        var client = await Cmi5Lms.ClientAsync(db, session.OrganisationId, time.GetUtcNow().UtcDateTime, ct);
        return new Cmi5SessionCaller(session, registration, au, client);
    }

    /// <summary>Refuses (403) any resource, activity, agent or registration other than the session's own.</summary>
    public static void CheckRequest(Cmi5SessionCaller caller, string method, string path, IReadOnlyDictionary<string, string> query)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var registration = caller.Registration.Registration.ToString("D");
        var resource = path.TrimEnd('/').ToLowerInvariant();
        switch (resource)
        {
            case "/xapi/statements":
                if (method is "GET" or "HEAD" && query.GetValueOrDefault("registration") != registration)
                {
                    throw Scope("may read statements of its own registration only (give registration=" + registration + ")");
                }

                return;
            case "/xapi/activities/state":
                if (query.GetValueOrDefault("activityId") != caller.Au.ActivityId)
                {
                    throw Scope("may use the state of its own activity only (activityId " + caller.Au.ActivityId + ")");
                }

                if (query.GetValueOrDefault("registration") != registration)
                {
                    throw Scope("may use the state of its own registration only (registration=" + registration + ")");
                }

                if (!SameAgent(query.GetValueOrDefault("agent"), caller.Registration.ActorKey))
                {
                    throw Scope("may use the state of the launched learner only (the actor it was launched with)");
                }

                if (method is "PUT" or "POST" or "DELETE" && caller.Session.TerminatedAt is not null)
                {
                    throw Scope("session has terminated; it can no longer write state");
                }

                return;
            case "/xapi/agents/profile":
                if (method is not ("GET" or "HEAD") || !SameAgent(query.GetValueOrDefault("agent"), caller.Registration.ActorKey))
                {
                    throw Scope("may only read the launched learner's agent profile (cmi5LearnerPreferences)");
                }

                return;
            case "/xapi/activities" or "/xapi/about":
                return;
            default:
                throw Scope("may use the statements and state resources of its own session only");
        }
    }

    /// <summary>The cmi5 rules on a write of <paramref name="statements"/> by the session (before it is stored).</summary>
    public async Task CheckStatementsAsync(Cmi5SessionCaller caller, IReadOnlyList<JsonNode?> statements, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(statements);
        var session = caller.Session;
        if (session.TerminatedAt is not null)
        {
            throw new XapiException(403, "This cmi5 session has terminated; statements sent after \"terminated\" are refused.");
        }

        var progress = await db.Cmi5AuProgress.AsNoTracking().FirstOrDefaultAsync(p => p.RegistrationId == caller.Registration.Id && p.AuId == caller.Au.Id, ct);
        var initialized = session.InitializedAt is not null;
        var terminated = false;
        var completed = progress?.CompletedAt is not null;
        var passed = progress?.PassedAt is not null;
        var failed = progress?.FailedAt is { } failedAt && failedAt >= session.LaunchedAt; // in this session
        var registration = caller.Registration.Registration.ToString("D");
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements[i] is not JsonObject s)
            {
                continue;
            }

            var path = statements.Count == 1 ? "statement" : $"statements[{i}]";
            var verb = Text(s["verb"]?["id"]) ?? "";
            if (terminated)
            {
                throw Rule(path, "comes after \"terminated\" in this session; \"terminated\" must be the last statement");
            }

            if (!SameAgent(s["actor"], caller.Registration.ActorKey))
            {
                throw new XapiException(403, $"{path}.actor: a cmi5 session may only send statements about the learner it was launched for (the actor launch parameter)");
            }

            if (verb == StatementValidator.VoidedVerb)
            {
                throw new XapiException(403, $"{path}.verb: an AU may not void statements (cmi5 6.3)");
            }

            if (Cmi5Vocabulary.LmsOnly.Contains(verb))
            {
                throw new XapiException(403, $"{path}.verb: \"{verb}\" is recorded by the LMS, never by an AU");
            }

            if (Text(s["context"]?["registration"]) != registration)
            {
                throw Rule(path + ".context.registration", $"must be the registration of the launch ({registration})");
            }

            var cmi5Defined = s["context"]?["contextActivities"]?["category"] is JsonArray categories
                && categories.Any(c => Text(c?["id"]) == Cmi5Vocabulary.Cmi5Category);
            if (!initialized && verb != Cmi5Vocabulary.Initialized)
            {
                throw Rule(path, "the first statement of a cmi5 session must be \"initialized\"");
            }

            if (!cmi5Defined)
            {
                continue;
            }

            if (Text(s["object"]?["id"]) != caller.Au.ActivityId)
            {
                throw Rule(path + ".object.id", $"must be the activityId of the launch ({caller.Au.ActivityId})");
            }

            if (Text(s["context"]?["extensions"]?[Cmi5Vocabulary.SessionIdExtension]) != session.SessionId.ToString("D"))
            {
                throw Rule(path + ".context.extensions", $"the session id extension must be this session's id ({session.SessionId:D}), from the launch data's contextTemplate");
            }

            if (session.LaunchMode != Cmi5LaunchMode.Normal && verb is Cmi5Vocabulary.Completed or Cmi5Vocabulary.Passed or Cmi5Vocabulary.Failed)
            {
                throw Rule(path + ".verb", $"this session was launched in {session.LaunchMode} mode, which records nothing about the learner's progress: an AU sends only \"initialized\" and \"terminated\" then (cmi5 10.0 launchMode)");
            }

            var scaled = s["result"]?["score"]?["scaled"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<decimal>() : (decimal?)null;
            switch (verb)
            {
                case Cmi5Vocabulary.Initialized when initialized:
                    throw Rule(path, "\"initialized\" was already sent in this session");
                case Cmi5Vocabulary.Initialized:
                    initialized = true;
                    break;
                case Cmi5Vocabulary.Completed when completed:
                    throw Rule(path, "\"completed\" was already recorded for this AU in this registration");
                case Cmi5Vocabulary.Completed:
                    completed = true;
                    break;
                case Cmi5Vocabulary.Passed when passed || failed:
                    throw Rule(path, passed ? "\"passed\" was already recorded for this AU in this registration" : "\"passed\" or \"failed\" may be sent once per session");
                case Cmi5Vocabulary.Passed when scaled is { } score && caller.Au.MasteryScore is { } mastery && score < mastery:
                    throw Rule(path + ".result.score.scaled", $"{score} is below the masteryScore {mastery}, so the AU must send \"failed\", not \"passed\"");
                case Cmi5Vocabulary.Passed:
                    passed = true;
                    break;
                case Cmi5Vocabulary.Failed when passed:
                    throw Rule(path, "\"failed\" may not follow \"passed\" in a registration");
                case Cmi5Vocabulary.Failed when scaled is { } score && caller.Au.MasteryScore is { } mastery && score >= mastery:
                    throw Rule(path + ".result.score.scaled", $"{score} meets the masteryScore {mastery}, so the AU must send \"passed\", not \"failed\"");
                case Cmi5Vocabulary.Failed:
                    failed = true;
                    break;
                case Cmi5Vocabulary.Terminated:
                    terminated = true;
                    break;
            }
        }
    }

    /// <summary>After the statements are stored: the session's and AU's progress, then moveOn.</summary>
    public async Task AfterStoredAsync(Cmi5SessionCaller caller, IReadOnlyList<JsonNode?> statements, string endpoint, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(statements);
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var session = await db.Cmi5Sessions.FirstAsync(s => s.Id == caller.Session.Id, ct);
        var progress = await db.Cmi5AuProgress.FirstOrDefaultAsync(p => p.RegistrationId == caller.Registration.Id && p.AuId == caller.Au.Id, ct);
        if (progress is null)
        {
            progress = new Cmi5AuProgress { OrganisationId = session.OrganisationId, RegistrationId = caller.Registration.Id, AuId = caller.Au.Id };
            db.Cmi5AuProgress.Add(progress);
        }

        session.LastStatementAt = now;
        foreach (var s in statements.OfType<JsonObject>())
        {
            switch (Text(s["verb"]?["id"]))
            {
                case Cmi5Vocabulary.Initialized:
                    session.InitializedAt ??= now;
                    break;
                case Cmi5Vocabulary.Completed:
                    progress.CompletedAt ??= now;
                    break;
                case Cmi5Vocabulary.Passed:
                    progress.PassedAt ??= now;
                    break;
                case Cmi5Vocabulary.Failed:
                    progress.FailedAt = now; // the latest failure: a later session may still pass
                    break;
                case Cmi5Vocabulary.Terminated:
                    session.TerminatedAt ??= now;
                    break;
            }
        }

        await db.SaveChangesAsync(ct);
        await moveOn.RunAsync(Cmi5Lms.Caller(caller.Client, endpoint), caller.Registration.Id, session.SessionId, ct);
        await transaction.CommitAsync(ct);
    }

    private static bool SameAgent(object? agent, string actorKey)
    {
        try
        {
            var node = agent switch
            {
                JsonNode n => n,
                string text => JsonNode.Parse(text),
                _ => null,
            };
            return AgentKeys.Of(node) == actorKey;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            return false;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static XapiException Scope(string message) => new(403, "This cmi5 session's token " + message + ".");

    private static XapiException Rule(string path, string message) => XapiException.BadRequest($"{path}: {message} (cmi5)");
}
