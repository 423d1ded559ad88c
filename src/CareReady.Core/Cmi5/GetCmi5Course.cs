using CareReady.Core.Data;
using CareReady.Core.Learning;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

public sealed record Cmi5AuView(int Id, int Position, string Title, string Description, string? Block, MoveOn MoveOn, decimal? MasteryScore,
    bool Completed, bool Passed, bool Failed, bool Waived, bool Satisfied);

public sealed record Cmi5CourseView(int Id, string Title, string Description, int ModuleId, string ModuleTitle, bool Published,
    IReadOnlyList<Cmi5AuView> Aus, Guid? Registration, bool Satisfied, DateTime? SatisfiedAt, long? CertificateId = null);

public sealed record Cmi5CourseLink(int Id, string Title);

/// <summary>A course of the organisation with its AUs, and where the learner stands in their latest registration.</summary>
public sealed class GetCmi5Course(AppDbContext db)
{
    public async Task<Cmi5CourseView?> RunAsync(int organisationId, int courseId, int? staffMemberId, CancellationToken ct = default)
    {
        var course = await db.Cmi5Courses.AsNoTracking().Include(c => c.Aus).Include(c => c.Blocks)
            .FirstOrDefaultAsync(c => c.Id == courseId && c.OrganisationId == organisationId, ct);
        if (course is null)
        {
            return null;
        }

        var version = await db.ModuleVersions.AsNoTracking().Where(v => v.Id == course.ModuleVersionId).Select(v => new { v.Title, v.Status }).FirstAsync(ct);
        var registration = staffMemberId is int person
            ? await db.Cmi5Registrations.AsNoTracking().Where(r => r.CourseId == courseId && r.StaffMemberId == person).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct)
            : null;
        var progress = registration is null ? [] : await db.Cmi5AuProgress.AsNoTracking().Where(p => p.RegistrationId == registration.Id).ToDictionaryAsync(p => p.AuId, ct);
        var blocks = course.Blocks.ToDictionary(b => b.Id, b => b.Title);
        var aus = course.Aus.OrderBy(a => a.Position).Select(a =>
        {
            var p = progress.GetValueOrDefault(a.Id);
            return new Cmi5AuView(a.Id, a.Position, a.Title, a.Description, a.BlockId is int b ? blocks[b] : null, a.MoveOn, a.MasteryScore,
                p?.CompletedAt is not null, p?.PassedAt is not null, p?.FailedAt is not null, p?.WaivedAt is not null, p?.SatisfiedAt is not null);
        }).ToList();
        var certificate = registration?.SatisfiedAt is null ? null : await db.IssuedCertificates.AsNoTracking()
            .Where(c => c.Cmi5RegistrationId == registration.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return new Cmi5CourseView(course.Id, course.Title, course.Description, course.ModuleId, version.Title, version.Status == ModuleStatus.Published,
            aus, registration?.Registration, registration?.SatisfiedAt is not null, registration?.SatisfiedAt, certificate);
    }

    /// <summary>The cmi5 courses attached to a module (for its page).</summary>
    public async Task<IReadOnlyList<Cmi5CourseLink>> ForModuleAsync(int organisationId, int moduleId, CancellationToken ct = default) =>
        await db.Cmi5Courses.AsNoTracking().Where(c => c.OrganisationId == organisationId && c.ModuleId == moduleId)
            .OrderBy(c => c.Id).Select(c => new Cmi5CourseLink(c.Id, c.Title)).ToListAsync(ct);
}
