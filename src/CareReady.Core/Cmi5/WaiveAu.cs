using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

public sealed record Cmi5WaiveInput(int OrganisationId, int CourseId, int AuId, int StaffMemberId, string Reason, string Origin);

/// <summary>
/// Waives an AU for a learner (cmi5 9.3.6), e.g. when they tested out or hold an equivalent: a
/// "waived" statement with its own session id and the reason (Tested, Equivalent or Administrative),
/// once per AU and registration; the AU then counts as satisfied and moveOn is evaluated.
/// </summary>
/// <returns>Null when done; otherwise why not (the caller answers 404 for "not found").</returns>
public sealed class WaiveAu(AppDbContext db, TimeProvider time, StoreStatements store, EvaluateMoveOn moveOn)
{
    public const string NotFound = "not found";

    public async Task<string?> RunAsync(Cmi5WaiveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Cmi5Vocabulary.WaiveReasons.Contains(input.Reason, StringComparer.Ordinal))
        {
            return $"reason must be one of {string.Join(", ", Cmi5Vocabulary.WaiveReasons)} (found \"{input.Reason}\")";
        }

        var au = await db.Cmi5Aus.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AuId && a.CourseId == input.CourseId && a.OrganisationId == input.OrganisationId, ct);
        var registration = au is null ? null : await db.Cmi5Registrations
            .Where(r => r.CourseId == au.CourseId && r.StaffMemberId == input.StaffMemberId && r.OrganisationId == input.OrganisationId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (au is null || registration is null)
        {
            return NotFound;
        }

        if (registration.SatisfiedAt is not null)
        {
            return "the course is already satisfied in the learner's registration";
        }

        var progress = await db.Cmi5AuProgress.FirstOrDefaultAsync(p => p.RegistrationId == registration.Id && p.AuId == au.Id, ct);
        if (progress?.WaivedAt is not null || progress?.SatisfiedAt is not null)
        {
            return progress.WaivedAt is not null ? "this AU is already waived in the learner's registration" : "this AU is already satisfied in the learner's registration";
        }

        var now = time.GetUtcNow().UtcDateTime;
        var client = await Cmi5Lms.ClientAsync(db, input.OrganisationId, now, ct);
        var caller = Cmi5Lms.Caller(client, input.Origin.TrimEnd('/') + "/xapi/");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (progress is null)
        {
            progress = new Cmi5AuProgress { OrganisationId = input.OrganisationId, RegistrationId = registration.Id, AuId = au.Id };
            db.Cmi5AuProgress.Add(progress);
        }

        progress.WaivedAt = now;
        progress.WaivedReason = input.Reason;
        await db.SaveChangesAsync(ct);

        var sessionId = Guid.NewGuid();
        var result = new JsonObject
        {
            ["success"] = true,
            ["completion"] = true,
            ["extensions"] = new JsonObject { [Cmi5Vocabulary.ReasonExtension] = input.Reason },
        };
        var waived = Cmi5Lms.Statement(registration.ActorJson, Cmi5Vocabulary.Waived, "waived", Cmi5Lms.Activity(au.ActivityId),
            registration.Registration, sessionId, au.PublisherId, now, result, moveOn: true);
        await store.RunAsync(caller, [waived], batch: false, XapiVersion.V103, null, ct);
        await moveOn.RunAsync(caller, registration.Id, sessionId, ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
