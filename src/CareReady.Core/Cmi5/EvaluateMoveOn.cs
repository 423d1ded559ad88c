using System.Globalization;
using System.Text.Json.Nodes;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <summary>
/// Evaluates moveOn for a registration (cmi5 section 9.3.9): an AU is satisfied when its criterion is
/// met (Passed, Completed, CompletedAndPassed, CompletedOrPassed; NotApplicable at once) or it was
/// waived. A block all of whose AUs are satisfied gets one "satisfied" statement, and so does the
/// course — which then records a <see cref="Completion"/> of every competency the course's module
/// version confers, naming that version, as passing the module's assessment does.
/// Call inside the caller's transaction; the satisfied statements use <paramref name="sessionId"/>.
/// </summary>
public sealed class EvaluateMoveOn(AppDbContext db, TimeProvider time, StoreStatements store)
{
    public static bool Met(MoveOn moveOn, Cmi5AuProgress? progress) => moveOn switch
    {
        MoveOn.NotApplicable => true,
        _ when progress?.WaivedAt is not null => true,
        MoveOn.Passed => progress?.PassedAt is not null,
        MoveOn.Completed => progress?.CompletedAt is not null,
        MoveOn.CompletedAndPassed => progress?.PassedAt is not null && progress.CompletedAt is not null,
        MoveOn.CompletedOrPassed => progress?.PassedAt is not null || progress?.CompletedAt is not null,
        _ => false,
    };

    /// <returns>True when the course became satisfied now.</returns>
    public async Task<bool> RunAsync(LrsCaller lms, int registrationId, Guid sessionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lms);
        var registration = await db.Cmi5Registrations.FirstAsync(r => r.Id == registrationId, ct);
        if (registration.SatisfiedAt is not null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var aus = await db.Cmi5Aus.AsNoTracking().Where(a => a.CourseId == registration.CourseId).ToListAsync(ct);
        var progress = await db.Cmi5AuProgress.Where(p => p.RegistrationId == registrationId).ToDictionaryAsync(p => p.AuId, ct);
        var satisfied = new HashSet<int>();
        foreach (var au in aus)
        {
            var row = progress.GetValueOrDefault(au.Id);
            if (!Met(au.MoveOn, row))
            {
                continue;
            }

            satisfied.Add(au.Id);
            if (row is null)
            {
                row = new Cmi5AuProgress { OrganisationId = registration.OrganisationId, RegistrationId = registrationId, AuId = au.Id };
                db.Cmi5AuProgress.Add(row);
            }

            row.SatisfiedAt ??= now;
        }

        var statements = new List<JsonNode?>();
        var blocks = await db.Cmi5Blocks.AsNoTracking().Where(b => b.CourseId == registration.CourseId).ToListAsync(ct);
        var done = registration.SatisfiedBlocks.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToHashSet();
        foreach (var block in blocks.OrderByDescending(b => b.Position))
        {
            var inside = Descendants(block.Id, blocks);
            var blockAus = aus.Where(a => a.BlockId is int id && inside.Contains(id)).ToList();
            if (done.Contains(block.Id) || blockAus.Count == 0 || !blockAus.All(a => satisfied.Contains(a.Id)))
            {
                continue;
            }

            done.Add(block.Id);
            statements.Add(Satisfied(registration, Cmi5Lms.Activity(block.LmsId, Cmi5Vocabulary.BlockType, block.Title), sessionId, now));
        }

        registration.SatisfiedBlocks = string.Join(',', done.Order().Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var courseSatisfied = aus.All(a => satisfied.Contains(a.Id));
        Cmi5Course? course = null;
        if (courseSatisfied)
        {
            course = await db.Cmi5Courses.AsNoTracking().FirstAsync(c => c.Id == registration.CourseId, ct);
            registration.SatisfiedAt = now;
            statements.Add(Satisfied(registration, Cmi5Lms.Activity(course.LmsId, Cmi5Vocabulary.CourseType, course.Title), sessionId, now));
        }

        await db.SaveChangesAsync(ct);
        if (statements.Count > 0)
        {
            await store.RunAsync(lms, statements, batch: true, XapiVersion.V103, null, ct);
        }

        if (course is not null)
        {
            await RecordCompletionAsync(registration, course, now, ct);
        }

        return courseSatisfied;
    }

    private static JsonObject Satisfied(Cmi5Registration registration, JsonObject activity, Guid sessionId, DateTime now) =>
        Cmi5Lms.Statement(registration.ActorJson, Cmi5Vocabulary.Satisfied, "satisfied", activity, registration.Registration, sessionId, null, now);

    private static HashSet<int> Descendants(int blockId, List<Cmi5Block> blocks)
    {
        var result = new HashSet<int> { blockId };
        bool grew;
        do
        {
            grew = false;
            foreach (var b in blocks.Where(b => b.ParentId is int p && result.Contains(p) && !result.Contains(b.Id)))
            {
                result.Add(b.Id);
                grew = true;
            }
        }
        while (grew);
        return result;
    }

    /// <summary>What a satisfied course records: the completions for what its module version confers, and the learner's certificate.</summary>
    private async Task RecordCompletionAsync(Cmi5Registration registration, Cmi5Course course, DateTime now, CancellationToken ct)
    {
        var version = await db.ModuleVersions.AsNoTracking().Include(v => v.Module).Include(v => v.Confers).FirstAsync(v => v.Id == course.ModuleVersionId, ct);
        var completions = ModuleCompletions.For(version, registration.OrganisationId, registration.StaffMemberId, now, $"cmi5 registration {registration.Registration:D}", "cmi5");
        db.Completions.AddRange(completions);
        await IssueCertificate.AddAsync(db, new CertificateFor(registration.OrganisationId, registration.StaffMemberId, CertificateRoute.Cmi5Course, registration.Id, null),
            version, DateOnly.FromDateTime(now), now, ct);
        await db.SaveChangesAsync(ct);
        await Regulation.StaleContentCaps.AddAsync(db, version.Id, completions, now, ct);
        await db.SaveChangesAsync(ct);
    }
}
