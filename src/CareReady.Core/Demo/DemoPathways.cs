using CareReady.Core.Data;
using CareReady.Core.Pathways.RolePathways;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Demo;

/// <summary>
/// The demo trust's role pathways ("AI champion", "Preceptorship", "Ward manager"), with "AI champion"
/// assigned to the demo learner's ward, so the plan shows a development pathway from the first sign-in.
/// </summary>
public static class DemoPathways
{
    public static async Task SeedAsync(AppDbContext db, int organisationId, DateOnly today, CancellationToken ct = default)
    {
        var codes = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var at = today.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc);
        RolePathway Pathway(string name, string description, bool open, params (string Code, string? Note)[] steps) => new()
        {
            OrganisationId = organisationId, Name = name, Description = description, OpenToLearners = open, CreatedBy = "demo", CreatedAt = at, UpdatedAt = at,
            Steps = [.. steps.Select((s, i) => new RolePathwayStep { Position = i + 1, CompetencyId = codes[s.Code], Note = s.Note })],
        };

        var champion = Pathway("AI champion", "For staff who lead the safe, effective use of AI tools on their ward: reading AI outputs critically, the data behind them, and the ethics and accountability that go with them.", true,
            ("AIDHT-D6.3-L1", "Start with Interpreting AI outputs in clinical decisions."),
            ("AIDHT-D5.1-L1", null),
            ("AIDHT-D3.1-L1", null),
            ("AIDHT-D6.2-L2", "Lead a case review of an AI output with your team and record it with your educator."));
        var preceptorship = Pathway("Preceptorship", "The first year of a newly registered nurse, midwife or allied health professional: the safety-critical skills first.", true,
            ("CSTF-RES-2A", null), ("CSTF-SGA-2", null), ("CSTF-SGC-2", null), ("CSTF-IPC-2", null));
        var wardManager = Pathway("Ward manager", "For band 7 staff stepping up to run a ward.", false,
            ("CSTF-SGA-3", null), ("CSTF-SGC-3", null), ("AIDHT-D4.1-L2", "Leading digital change on your ward."));
        db.RolePathways.AddRange(champion, preceptorship, wardManager);
        await db.SaveChangesAsync(ct);

        var learnerWard = await db.Users.Where(u => u.Email == DemoSeeder.LearnerEmail && u.OrganisationId == organisationId && u.StaffMemberId != null)
            .Join(db.Positions, u => u.StaffMemberId, p => p.StaffMemberId, (u, p) => (int?)p.DepartmentId)
            .FirstOrDefaultAsync(ct);
        if (learnerWard is int ward)
        {
            db.PathwayAssignments.Add(new PathwayAssignment
            {
                OrganisationId = organisationId, RolePathwayId = champion.Id, DepartmentId = ward, AssignedBy = DemoSeeder.ManagerEmail, AssignedAt = at,
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
