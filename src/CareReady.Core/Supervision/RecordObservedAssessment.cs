using CareReady.Core.Compliance;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Requirements;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Supervision;

/// <summary>
/// What the supervisor fills in: the observed-practice competency, the day, whether each checklist
/// criterion was met (in checklist order), comments, their name as signed, and whether they sign off now.
/// </summary>
public sealed record ObservedAssessmentInput(
    string CompetencyCode,
    DateOnly ObservedOn,
    IReadOnlyList<bool> CriteriaMet,
    string? Comments,
    string SupervisorName,
    bool SignOff);

/// <summary>The outcome of a supervision action: whether the caller may act, then the save result.</summary>
public sealed record SupervisionResult(SupervisionCheck Access, SaveResult? Result)
{
    public static SupervisionResult Denied(SupervisionCheck access) => new(access, null);
}

/// <summary>
/// A supervisor records an observed assessment of practice against the competency's checklist, and
/// signs it off when every criterion is met. Sign-off writes the completion of the observed-practice
/// competency in the same transaction. A recorded (not signed off) assessment can be completed and
/// signed off later by passing its id.
/// </summary>
public sealed class RecordObservedAssessment(AppDbContext db, TimeProvider time)
{
    public const string CriteriaField = "Criteria";

    public async Task<SupervisionResult> RunAsync(AccessScope scope, int staffMemberId, int? assessmentId, ObservedAssessmentInput input, string actor, CancellationToken cancellationToken = default)
    {
        var access = await SupervisionAccess.CheckAsync(db, scope, staffMemberId, cancellationToken);
        if (access != SupervisionCheck.Allowed)
        {
            return SupervisionResult.Denied(access);
        }

        ObservedAssessment? assessment = null;
        if (assessmentId is int id)
        {
            assessment = await db.ObservedAssessments.FirstOrDefaultAsync(
                a => a.Id == id && a.StaffMemberId == staffMemberId && a.OrganisationId == scope.OrganisationId, cancellationToken);
            if (assessment is null)
            {
                return SupervisionResult.Denied(SupervisionCheck.NotFound);
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        var code = (input.CompetencyCode ?? "").Trim();
        var competency = await db.Competencies.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        var checklist = competency is { Kind: CompetencyKind.ObservedPractice } ? ObservationChecklists.ForCode(competency.Code) : null;
        if (checklist is null)
        {
            errors[nameof(input.CompetencyCode)] = "Choose an observed-practice competency that has a checklist";
        }
        else if (input.CriteriaMet is null || input.CriteriaMet.Count != checklist.Count)
        {
            errors[CriteriaField] = $"Say for each of the {checklist.Count} criteria whether it was met";
        }
        else if (input.SignOff && input.CriteriaMet.Any(met => !met))
        {
            var unmet = checklist.Where((_, i) => !input.CriteriaMet[i]).ToList();
            errors[CriteriaField] = $"Every criterion must be met to sign off; not met: {string.Join("; ", unmet)}";
        }

        if (input.ObservedOn > DateOnly.FromDateTime(now))
        {
            errors[nameof(input.ObservedOn)] = "The date observed must be today or in the past";
        }

        if (string.IsNullOrWhiteSpace(input.SupervisorName) || input.SupervisorName.Trim().Length > 200)
        {
            errors[nameof(input.SupervisorName)] = "Enter your name as you sign (up to 200 characters)";
        }

        if (input.Comments is { Length: > 2000 })
        {
            errors[nameof(input.Comments)] = "Comments must be 2000 characters or fewer";
        }

        if (assessment is { Status: ObservedAssessmentStatus.SignedOff })
        {
            errors["Status"] = "This assessment is already signed off; record a new one";
        }

        if (errors.Count > 0)
        {
            return new SupervisionResult(access, new SaveResult(assessment?.Id, errors));
        }

        if (assessment is null)
        {
            assessment = new ObservedAssessment
            {
                OrganisationId = scope.OrganisationId,
                StaffMemberId = staffMemberId,
                SupervisorUserId = scope.UserId,
                SupervisorName = "",
            };
            db.ObservedAssessments.Add(assessment);
        }

        assessment.CompetencyId = competency!.Id;
        assessment.SupervisorUserId = scope.UserId;
        assessment.SupervisorName = input.SupervisorName.Trim();
        assessment.ObservedOn = input.ObservedOn;
        assessment.SetCriteria(checklist!.Select((criterion, i) => new CriterionResult(criterion, input.CriteriaMet![i])));
        assessment.Comments = string.IsNullOrWhiteSpace(input.Comments) ? null : input.Comments.Trim();
        assessment.RecordedAt = now;
        if (input.SignOff)
        {
            assessment.Status = ObservedAssessmentStatus.SignedOff;
            assessment.SignedOffAt = now;
            assessment.Completion = new Completion
            {
                OrganisationId = scope.OrganisationId,
                StaffMemberId = staffMemberId,
                CompetencyId = competency.Id,
                CompletedOn = input.ObservedOn,
                Source = CompletionSource.ObservedAssessment,
                Reference = "observed-assessment",
                RecordedBy = actor,
                RecordedAt = now,
            };
        }

        Audit.AuditReason.Set(db, input.SignOff ? "observed assessment signed off" : "observed assessment recorded");
        await db.SaveChangesAsync(cancellationToken); // one save: the assessment and its completion together
        return new SupervisionResult(access, new SaveResult(assessment.Id, errors));
    }
}
