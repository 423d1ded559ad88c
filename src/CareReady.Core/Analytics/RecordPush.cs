using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>A training push as a person (the measures page) or an API caller sends it.</summary>
public sealed record PushInput(string? SubjectCode, string? UnitCode, DateOnly? StartsOn, string? Note);

/// <summary>The push recorded, or what is wrong with the input (field → what was expected); nothing saved then.</summary>
public sealed record RecordPushResult(TrainingPush? Push, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Records that a unit received a training push in a subject from a day: the subject is one of the catalogue's
/// (national or the organisation's own), the unit one of the departments the scope may see.
/// </summary>
public sealed class RecordPush(AppDbContext db)
{
    public const int MaxNoteLength = 500;

    public async Task<RecordPushResult> RunAsync(AnalyticsScope scope, PushInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var subject = string.IsNullOrWhiteSpace(input.SubjectCode) ? null
            : (await db.Subjects.AsNoTracking().Where(s => s.OrganisationId == null || s.OrganisationId == scope.OrganisationId).ToListAsync(cancellationToken))
                .FirstOrDefault(s => string.Equals(s.Code, input.SubjectCode.Trim(), StringComparison.OrdinalIgnoreCase));
        var unit = string.IsNullOrWhiteSpace(input.UnitCode) ? null
            : (await scope.DepartmentsAsync(db, null, cancellationToken)).FirstOrDefault(d => string.Equals(d.Code, input.UnitCode.Trim(), StringComparison.OrdinalIgnoreCase));
        if (subject is null)
        {
            errors["subjectCode"] = "the code of a training subject, e.g. CSTF-IPC";
        }

        if (unit is null)
        {
            errors["unitCode"] = "the code of one of the organisation's departments";
        }

        if (input.StartsOn is null)
        {
            errors["startsOn"] = "the day the push started, YYYY-MM-DD";
        }

        if ((input.Note?.Trim().Length ?? 0) > MaxNoteLength)
        {
            errors["note"] = "a note of up to 500 characters";
        }

        if (errors.Count > 0)
        {
            return new RecordPushResult(null, errors);
        }

        var push = new TrainingPush
        {
            OrganisationId = scope.OrganisationId, SubjectId = subject!.Id, DepartmentId = unit!.Id, StartsOn = input.StartsOn!.Value, Note = input.Note?.Trim() ?? "",
        };
        db.TrainingPushes.Add(push);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordPushResult(push, errors);
    }
}
