using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <param name="Origin">The site's origin as the browser sees it ("https://careready.example"), for the endpoint, fetch and content URLs.</param>
/// <param name="ReturnUrl">Where the AU sends the learner when they exit (absolute).</param>
/// <param name="Mode">Normal; Browse (look around, nothing recorded); Review (a part already finished, nothing recorded).</param>
public sealed record Cmi5LaunchInput(int OrganisationId, int StaffMemberId, int CourseId, int AuId, string Origin, string ReturnUrl,
    Cmi5LaunchMode Mode = Cmi5LaunchMode.Normal);

/// <summary>The URL to open (null when the course or AU is not found or the module is not published), and why not.</summary>
public sealed record Cmi5Launch(string? Url, string? Refusal, Guid Registration = default, Guid SessionId = default);

/// <summary>
/// Launches an AU as cmi5 section 8 and 10 say: finds or creates the learner's registration (a new
/// one once the previous is satisfied), records "abandoned" for any earlier session of the
/// registration that never terminated, starts a session, writes the LMS.LaunchData state document, the
/// learner's cmi5LearnerPreferences agent profile and the "launched" statement, and returns the AU URL with endpoint, fetch, actor, registration
/// and activityId. Browse and Review launches use the learner's latest registration (a satisfied one too: a
/// registration persists through the review of a finished course); Review only for an AU finished in it.
/// </summary>
public sealed class LaunchAu(AppDbContext db, TimeProvider time, StoreStatements store, DocumentStore documents, EvaluateMoveOn moveOn,
    GetElearningPreferences preferences)
{
    public async Task<Cmi5Launch> RunAsync(Cmi5LaunchInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var au = await db.Cmi5Aus.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AuId && a.CourseId == input.CourseId && a.OrganisationId == input.OrganisationId, ct);
        var course = au is null ? null : await db.Cmi5Courses.AsNoTracking().FirstAsync(c => c.Id == au.CourseId, ct);
        if (au is null || course is null)
        {
            return new Cmi5Launch(null, null);
        }

        var status = await db.ModuleVersions.AsNoTracking().Where(v => v.Id == course.ModuleVersionId).Select(v => v.Status).FirstAsync(ct);
        if (status != ModuleStatus.Published)
        {
            return new Cmi5Launch(null, "This course's module is not published yet, so it cannot be launched.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = input.Origin.TrimEnd('/') + "/xapi/";
        var client = await Cmi5Lms.ClientAsync(db, input.OrganisationId, now, ct);
        var caller = Cmi5Lms.Caller(client, endpoint);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registration = await RegistrationAsync(input, course, now, ct);
        if (input.Mode == Cmi5LaunchMode.Review && !await FinishedAsync(registration.Id, au.Id, ct))
        {
            return new Cmi5Launch(null, $"\"{au.Title}\" can be reviewed once you have finished it; launch it to take it.");
        }

        await AbandonOpenSessionsAsync(caller, registration, now, ct);
        if (!await db.Cmi5AuProgress.AnyAsync(p => p.RegistrationId == registration.Id && p.AuId == au.Id, ct))
        {
            // Made here, so statements arriving together later only update it.
            db.Cmi5AuProgress.Add(new Cmi5AuProgress { OrganisationId = input.OrganisationId, RegistrationId = registration.Id, AuId = au.Id });
        }

        var fetchSecret = Cmi5Lms.NewSecret();
        var session = new Cmi5Session
        {
            OrganisationId = input.OrganisationId,
            RegistrationId = registration.Id,
            AuId = au.Id,
            SessionId = Guid.NewGuid(),
            FetchHash = Cmi5Lms.Hash(fetchSecret),
            LaunchedAt = now,
            LaunchMode = input.Mode,
        };
        db.Cmi5Sessions.Add(session);
        await db.SaveChangesAsync(ct);

        var contentUrl = Uri.TryCreate(au.Url, UriKind.Absolute, out _)
            ? au.Url
            : $"{input.Origin.TrimEnd('/')}/cmi5/content/{course.Id.ToString(CultureInfo.InvariantCulture)}/{au.Url}";
        var launchData = new JsonObject
        {
            ["contextTemplate"] = new JsonObject
            {
                ["contextActivities"] = new JsonObject { ["grouping"] = new JsonArray(new JsonObject { ["id"] = au.PublisherId }) },
                ["extensions"] = new JsonObject { [Cmi5Vocabulary.SessionIdExtension] = session.SessionId.ToString("D") },
            },
            ["launchMode"] = input.Mode.ToString(),
            ["launchMethod"] = au.LaunchMethod,
            ["moveOn"] = au.MoveOn.ToString(),
            ["returnURL"] = input.ReturnUrl,
        };
        if (au.MasteryScore is { } mastery)
        {
            launchData["masteryScore"] = mastery;
        }

        if (au.LaunchParameters is { } parameters)
        {
            launchData["launchParameters"] = parameters;
        }

        if (au.EntitlementKey is { } entitlement)
        {
            launchData["entitlementKey"] = new JsonObject { ["courseStructure"] = entitlement };
        }

        await documents.PutAsync(input.OrganisationId,
            new DocumentAddress(XapiDocumentKind.State, au.ActivityId, registration.ActorKey, registration.Registration.ToString("D"), Cmi5Vocabulary.LaunchDataStateId),
            DocumentStore.JsonType, Encoding.UTF8.GetBytes(launchData.ToJsonString()), new Preconditions(null, null), ct);

        // The learner's language and sound, as set in CareReady, for the AU to read on startup (cmi5 section 11). The AU
        // may only read it: a change belongs in CareReady's preferences, which this launch hands over again.
        var learner = await preferences.RunAsync(input.OrganisationId, input.StaffMemberId, ct);
        await documents.ReplaceAsync(input.OrganisationId,
            new DocumentAddress(XapiDocumentKind.AgentProfile, "", registration.ActorKey, "", Cmi5Vocabulary.LearnerPreferencesProfileId),
            DocumentStore.JsonType, Encoding.UTF8.GetBytes(learner.Cmi5Document()), ct);

        var extensions = new JsonObject
        {
            [Cmi5Vocabulary.LaunchModeExtension] = input.Mode.ToString(),
            [Cmi5Vocabulary.LaunchUrlExtension] = contentUrl,
            [Cmi5Vocabulary.MoveOnExtension] = au.MoveOn.ToString(),
        };
        if (au.LaunchParameters is { } p)
        {
            extensions[Cmi5Vocabulary.LaunchParametersExtension] = p;
        }

        var launched = Cmi5Lms.Statement(registration.ActorJson, Cmi5Vocabulary.Launched, "launched", Cmi5Lms.Activity(au.ActivityId, name: au.Title),
            registration.Registration, session.SessionId, au.PublisherId, now, extensions: extensions);
        await store.RunAsync(caller, [launched], batch: false, XapiVersion.V103, null, ct);

        // An AU that needs nothing (moveOn NotApplicable) is satisfied by its launch (a normal one: the others record nothing).
        if (input.Mode == Cmi5LaunchMode.Normal)
        {
            await moveOn.RunAsync(caller, registration.Id, session.SessionId, ct);
        }

        await transaction.CommitAsync(ct);

        var query = new StringBuilder();
        query.Append(contentUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?');
        query.Append("endpoint=").Append(Uri.EscapeDataString(endpoint));
        query.Append("&fetch=").Append(Uri.EscapeDataString($"{input.Origin.TrimEnd('/')}/cmi5/fetch/{session.SessionId:N}?k={fetchSecret}"));
        query.Append("&actor=").Append(Uri.EscapeDataString(registration.ActorJson));
        query.Append("&registration=").Append(Uri.EscapeDataString(registration.Registration.ToString("D")));
        query.Append("&activityId=").Append(Uri.EscapeDataString(au.ActivityId));
        return new Cmi5Launch(contentUrl + query, null, registration.Registration, session.SessionId);
    }

    private async Task<Cmi5Registration> RegistrationAsync(Cmi5LaunchInput input, Cmi5Course course, DateTime now, CancellationToken ct)
    {
        var registration = await db.Cmi5Registrations
            .Where(r => r.OrganisationId == input.OrganisationId && r.CourseId == course.Id && r.StaffMemberId == input.StaffMemberId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (registration is not null && (registration.SatisfiedAt is null || input.Mode != Cmi5LaunchMode.Normal))
        {
            return registration;
        }

        var employeeNumber = await db.Staff.AsNoTracking().Where(s => s.Id == input.StaffMemberId).Select(s => s.EmployeeNumber).FirstAsync(ct);
        var homePage = input.Origin.TrimEnd('/') + "/";
        var actor = new JsonObject
        {
            ["objectType"] = "Agent",
            ["account"] = new JsonObject { ["homePage"] = homePage, ["name"] = employeeNumber },
        };
        registration = new Cmi5Registration
        {
            OrganisationId = input.OrganisationId,
            CourseId = course.Id,
            StaffMemberId = input.StaffMemberId,
            Registration = Guid.NewGuid(),
            ActorJson = actor.ToJsonString(),
            ActorKey = AgentKeys.Of(actor)!,
            CreatedAt = now,
        };
        db.Cmi5Registrations.Add(registration);
        await db.SaveChangesAsync(ct);
        return registration;
    }

    private Task<bool> FinishedAsync(int registrationId, int auId, CancellationToken ct) =>
        db.Cmi5AuProgress.AnyAsync(p => p.RegistrationId == registrationId && p.AuId == auId
            && (p.SatisfiedAt != null || p.CompletedAt != null || p.PassedAt != null || p.WaivedAt != null), ct);

    /// <summary>A session left without "terminated" when the learner launches again is abandoned (spec 9.3.5).</summary>
    private async Task AbandonOpenSessionsAsync(LrsCaller caller, Cmi5Registration registration, DateTime now, CancellationToken ct)
    {
        var open = await db.Cmi5Sessions.Where(s => s.RegistrationId == registration.Id && s.TerminatedAt == null && s.AbandonedAt == null).ToListAsync(ct);
        if (open.Count == 0)
        {
            return;
        }

        var aus = await db.Cmi5Aus.AsNoTracking().Where(a => a.CourseId == registration.CourseId).ToDictionaryAsync(a => a.Id, ct);
        var statements = new List<JsonNode?>();
        foreach (var session in open)
        {
            var au = aus[session.AuId];
            session.AbandonedAt = now;
            var result = new JsonObject { ["duration"] = Cmi5Lms.Duration((session.LastStatementAt ?? session.LaunchedAt) - session.LaunchedAt) };
            statements.Add(Cmi5Lms.Statement(registration.ActorJson, Cmi5Vocabulary.Abandoned, "abandoned", Cmi5Lms.Activity(au.ActivityId),
                registration.Registration, session.SessionId, au.PublisherId, now, result));
        }

        await db.SaveChangesAsync(ct);
        await store.RunAsync(caller, statements, batch: true, XapiVersion.V103, null, ct);
    }
}
