using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using static CareReady.Core.Workforce.Import.StaffCsvFormat;

namespace CareReady.Core.Workforce.Import;

/// <summary>The outcome of a staff import.</summary>
/// <param name="Applied">True when the file was valid and its changes (possibly none) were saved; false when there were errors and nothing was written.</param>
/// <param name="Errors">Every problem found, in row order; empty when <paramref name="Applied"/>.</param>
/// <param name="PeopleCreated">People in the file that were new. PeopleCreated + PeopleUpdated + PeopleUnchanged = distinct employee numbers in the file.</param>
/// <param name="PositionsCreated">Positions in the file that were new.</param>
/// <param name="PositionsUpdated">Existing positions whose details changed (other than being ended).</param>
/// <param name="PositionsUnchanged">Positions in the file that already matched exactly.</param>
/// <param name="PositionsEnded">
/// Existing positions that were open and now have an end date, from an Assignment End Date in the file or
/// from the person's Leaving Date (which also ends open positions that are not in the file). Not counted
/// again as updated.
/// </param>
public sealed record StaffImportResult(
    bool Applied,
    IReadOnlyList<ImportError> Errors,
    int PeopleCreated,
    int PeopleUpdated,
    int PeopleUnchanged,
    int PositionsCreated,
    int PositionsUpdated,
    int PositionsUnchanged,
    int PositionsEnded)
{
    public static StaffImportResult Failed(IReadOnlyList<ImportError> errors) => new(false, errors, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// Imports people and their positions from an HR extract (<see cref="StaffCsvFormat"/>) into one organisation.
/// </summary>
/// <remarks>
/// <para>All or nothing: the file is validated in full (<see cref="StaffCsvReader"/>, then against the database)
/// and if anything is wrong nothing is written. A valid file is applied in one transaction.</para>
/// <para>People are matched by employee number and positions by assignment number, within the organisation.
/// New ones are created, changed fields are updated, identical ones are left alone: importing the same file
/// twice changes nothing the second time.</para>
/// <para>Files may be partial. A person or position that is in the database but not in the file is left
/// untouched (it is not ended or deleted), with one exception: a person's Leaving Date ends every open
/// position of that person that started before it, in the file or not. Nothing is ever deleted.</para>
/// <para>An optional column that is left out of the file (Leaving Date, Registration Body/Number, Assignment
/// End Date) leaves the stored value of existing people and positions as it is.</para>
/// </remarks>
public sealed class ImportStaff(AppDbContext db, TimeProvider time)
{
    public async Task<StaffImportResult> RunAsync(int organisationId, Stream csv, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            throw new InvalidOperationException($"Organisation {organisationId} does not exist.");
        }

        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.OrganisationId == organisationId)
            .Select(d => new { d.Id, d.Code })
            .ToListAsync(ct);
        var staffGroups = await db.StaffGroups.AsNoTracking().ToListAsync(ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var read = new StaffCsvReader(staffGroups, departments.Select(d => d.Code), today).Read(csv);

        // Tracked: the positions fix up into their people's Positions lists.
        var people = await db.Staff.Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        var positions = await db.Positions.Where(p => p.OrganisationId == organisationId).ToListAsync(ct);
        var peopleByNumber = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            peopleByNumber.TryAdd(person.EmployeeNumber, person);
        }

        var peopleById = people.ToDictionary(p => p.Id);
        var positionsByAssignment = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var position in positions)
        {
            positionsByAssignment.TryAdd(position.AssignmentNumber, position);
        }

        var errors = new List<ImportError>(read.Errors);
        foreach (var row in read.Rows)
        {
            if (positionsByAssignment.TryGetValue(row.AssignmentNumber, out var existing)
                && peopleById.TryGetValue(existing.StaffMemberId, out var holder)
                && holder.EmployeeNumber != row.EmployeeNumber)
            {
                errors.Add(new ImportError(row.Row, AssignmentNumber, row.AssignmentNumber,
                    "an assignment number not already held by a different employee"));
            }
        }

        if (errors.Count > 0)
        {
            return StaffImportResult.Failed([.. errors.OrderBy(e => e.Row)]);
        }

        var departmentIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var department in departments)
        {
            departmentIds.TryAdd(department.Code, department.Id);
        }

        var import = new Changes(organisationId, read, departmentIds);
        foreach (var rowsOfPerson in read.Rows.GroupBy(r => r.EmployeeNumber, StringComparer.Ordinal))
        {
            var isNew = !peopleByNumber.TryGetValue(rowsOfPerson.Key, out var existing);
            var person = import.ApplyPerson(existing, rowsOfPerson.First());
            if (isNew)
            {
                db.Staff.Add(person);
            }

            foreach (var row in rowsOfPerson)
            {
                positionsByAssignment.TryGetValue(row.AssignmentNumber, out var position);
                var created = import.ApplyPosition(person, position, row);
                if (created is not null)
                {
                    db.Positions.Add(created);
                }
            }

            import.EndPositionsAfterLeaving(person);
        }

        var result = import.Result();
        if (result.PeopleCreated + result.PeopleUpdated + result.PositionsCreated + result.PositionsUpdated + result.PositionsEnded == 0)
        {
            return result; // nothing to save
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import created or changed the same people while this one was checking the file
            // (a unique employee or assignment number now exists). Nothing of this import was saved.
            db.ChangeTracker.Clear();
            return StaffImportResult.Failed([ImportErrors.ConcurrentImport]);
        }
        catch
        {
            db.ChangeTracker.Clear(); // never leave half an import pending in a context that may be saved again
            throw;
        }

        return result;
    }

    /// <summary>Applies rows to tracked entities and counts what changed.</summary>
    private sealed class Changes(int organisationId, StaffCsvReadResult read, Dictionary<string, int> departmentIds)
    {
        private readonly bool hasLeavingDate = read.HasColumn(LeavingDate);
        private readonly bool hasRegistration = read.HasColumn(RegistrationBody) || read.HasColumn(RegistrationNumber);
        private readonly bool hasEndDate = read.HasColumn(AssignmentEndDate);
        private readonly HashSet<Position> fromFile = [];
        private int peopleCreated, peopleUpdated, peopleUnchanged;
        private int positionsCreated, positionsUpdated, positionsUnchanged, positionsEnded;

        public StaffImportResult Result() => new(true, [], peopleCreated, peopleUpdated, peopleUnchanged,
            positionsCreated, positionsUpdated, positionsUnchanged, positionsEnded);

        public StaffMember ApplyPerson(StaffMember? person, StaffCsvRow row)
        {
            if (person is null)
            {
                peopleCreated++;
                return new StaffMember
                {
                    OrganisationId = organisationId,
                    EmployeeNumber = row.EmployeeNumber,
                    FirstName = row.FirstName,
                    LastName = row.LastName,
                    WorkEmail = row.WorkEmail,
                    StartDate = row.PersonStartDate,
                    LeavingDate = row.LeavingDate,
                    RegistrationBody = row.RegistrationBody,
                    RegistrationNumber = row.RegistrationNumber,
                };
            }

            var changed = false;
            Set(person.FirstName, row.FirstName, v => person.FirstName = v, ref changed);
            Set(person.LastName, row.LastName, v => person.LastName = v, ref changed);
            Set(person.WorkEmail, row.WorkEmail, v => person.WorkEmail = v, ref changed);
            Set(person.StartDate, row.PersonStartDate, v => person.StartDate = v, ref changed);
            if (hasLeavingDate)
            {
                Set(person.LeavingDate, row.LeavingDate, v => person.LeavingDate = v, ref changed);
            }

            if (hasRegistration)
            {
                Set(person.RegistrationBody, row.RegistrationBody, v => person.RegistrationBody = v, ref changed);
                Set(person.RegistrationNumber, row.RegistrationNumber, v => person.RegistrationNumber = v, ref changed);
            }

            if (changed)
            {
                peopleUpdated++;
            }
            else
            {
                peopleUnchanged++;
            }

            return person;
        }

        /// <returns>The new position to add, or null when an existing one was updated in place.</returns>
        public Position? ApplyPosition(StaffMember person, Position? position, StaffCsvRow row)
        {
            var endDate = hasEndDate ? row.AssignmentEndDate : position?.EndDate;
            if (endDate is null && person.LeavingDate is DateOnly leaving && row.AssignmentStartDate < leaving)
            {
                endDate = leaving;
            }

            var departmentId = departmentIds[row.DepartmentCode];
            if (position is null)
            {
                positionsCreated++;
                var created = new Position
                {
                    OrganisationId = organisationId,
                    StaffMember = person,
                    AssignmentNumber = row.AssignmentNumber,
                    StaffGroupCode = row.StaffGroupCode,
                    JobRole = row.JobRole,
                    Band = row.Band,
                    DepartmentId = departmentId,
                    PatientContact = row.PatientContact,
                    WorksWithChildren = row.WorksWithChildren,
                    RegisteredClinician = row.RegisteredClinician,
                    StartDate = row.AssignmentStartDate,
                    EndDate = endDate,
                };
                person.Positions.Add(created);
                fromFile.Add(created);
                return created;
            }

            fromFile.Add(position);
            var wasOpen = position.EndDate is null;
            var changed = false;
            Set(position.StaffGroupCode, row.StaffGroupCode, v => position.StaffGroupCode = v, ref changed);
            Set(position.JobRole, row.JobRole, v => position.JobRole = v, ref changed);
            Set(position.Band, row.Band, v => position.Band = v, ref changed);
            Set(position.DepartmentId, departmentId, v => position.DepartmentId = v, ref changed);
            Set(position.PatientContact, row.PatientContact, v => position.PatientContact = v, ref changed);
            Set(position.WorksWithChildren, row.WorksWithChildren, v => position.WorksWithChildren = v, ref changed);
            Set(position.RegisteredClinician, row.RegisteredClinician, v => position.RegisteredClinician = v, ref changed);
            Set(position.StartDate, row.AssignmentStartDate, v => position.StartDate = v, ref changed);
            Set(position.EndDate, endDate, v => position.EndDate = v, ref changed);

            if (wasOpen && position.EndDate is not null)
            {
                positionsEnded++;
            }
            else if (changed)
            {
                positionsUpdated++;
            }
            else
            {
                positionsUnchanged++;
            }

            return null;
        }

        /// <summary>A leaver's open positions that are not in the file end on the leaving date too.</summary>
        public void EndPositionsAfterLeaving(StaffMember person)
        {
            if (person.LeavingDate is not DateOnly leaving)
            {
                return;
            }

            foreach (var position in person.Positions)
            {
                if (!fromFile.Contains(position) && position.EndDate is null && position.StartDate < leaving)
                {
                    position.EndDate = leaving;
                    positionsEnded++;
                }
            }
        }

        private static void Set<T>(T current, T value, Action<T> assign, ref bool changed)
        {
            if (!EqualityComparer<T>.Default.Equals(current, value))
            {
                assign(value);
                changed = true;
            }
        }
    }
}
