using CareReady.Core.Compliance;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Reports;

/// <summary>
/// Evidence on top of <see cref="TestData"/> for the evidence-pack tests, on Ward A (as of 2 March 2026):
/// Dev Sharma is exempt from adult BLS from 1 January to 1 June 2026; Amara Okafor brought adult BLS
/// from her previous employer (completed 10 November 2025, recognised as prior learning).
/// </summary>
public static class EvidencePackData
{
    public const string ExemptionReason = "Long-term sick leave";
    public const string ExemptionApprover = "manager@a.example";
    public const string PriorEmployer = "Gamma Hospitals NHS Trust";
    public static readonly DateOnly AsOf = DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime); // 2026-03-02
    public static readonly DateOnly ExemptFrom = new(2026, 1, 1);
    public static readonly DateOnly ExemptEnds = new(2026, 6, 1);
    public static readonly DateOnly PriorLearningOn = new(2025, 11, 10);

    public static async Task AddAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code);
        var dev = await db.Staff.SingleAsync(s => s.OrganisationId == app.Data.OrgA && s.EmployeeNumber == "10000004");
        db.Exemptions.Add(new Exemption
        {
            OrganisationId = app.Data.OrgA, StaffMemberId = dev.Id, CompetencyId = competencies["CSTF-RES-2A"].Id,
            Reason = ExemptionReason, ApprovedBy = ExemptionApprover, ApprovedAt = new DateTime(2025, 12, 20, 10, 0, 0, DateTimeKind.Utc),
            StartsOn = ExemptFrom, EndsOn = ExemptEnds,
        });
        db.Completions.Add(new Completion
        {
            OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.NurseA.Id, CompetencyId = competencies["CSTF-RES-2A"].Id,
            CompletedOn = PriorLearningOn, Source = CompletionSource.PriorLearning, PriorLearningSource = PriorEmployer,
            Reference = "Transfer 2025-11", RecordedBy = ExemptionApprover, RecordedAt = new DateTime(2025, 11, 20, 9, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
    }
}
