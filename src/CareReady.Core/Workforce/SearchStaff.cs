using CareReady.Core.Data;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Workforce;

public sealed record StaffSearch(string? Text, int? DepartmentId, bool IncludeLeavers = false, int Page = 1, int PageSize = 50);

public sealed record StaffListItem(int Id, string EmployeeNumber, string Name, string WorkEmail, string? PrimaryRole, string? PrimaryDepartment, DateOnly? LeavingDate);

public sealed record StaffPage(IReadOnlyList<StaffListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>People search: name, employee number or email; optionally within a department subtree.</summary>
public sealed class SearchStaff(AppDbContext db, TimeProvider time)
{
    public async Task<StaffPage> RunAsync(AccessScope scope, StaffSearch search, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var pageSize = Math.Clamp(search.PageSize, 1, 200);
        var page = Math.Max(1, search.Page);
        var query = scope.VisibleStaff(db);

        if (!search.IncludeLeavers)
        {
            query = query.Where(s => s.LeavingDate == null || s.LeavingDate > today);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToLowerInvariant();
            query = query.Where(s => s.EmployeeNumber == text
                || s.WorkEmail.ToLower().Contains(text)
                || (s.FirstName.ToLower() + " " + s.LastName.ToLower()).Contains(text)
                || s.LastName.ToLower().Contains(text));
        }

        if (search.DepartmentId is int departmentId)
        {
            var root = await db.Departments
                .Where(d => d.Id == departmentId && d.OrganisationId == scope.OrganisationId)
                .Select(d => d.Path).FirstOrDefaultAsync(cancellationToken);
            if (root is null)
            {
                return new StaffPage([], 0, page, pageSize);
            }

            query = query.Where(s => db.Positions.Any(p => p.StaffMemberId == s.Id
                && (p.EndDate == null || p.EndDate > today)
                && p.Department!.Path.StartsWith(root)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new
            {
                s.Id, s.EmployeeNumber, s.FirstName, s.LastName, s.WorkEmail, s.LeavingDate,
                Primary = s.Positions
                    .OrderBy(p => p.EndDate != null && p.EndDate <= today)
                    .ThenBy(p => p.StartDate)
                    .Select(p => new { p.JobRole, Department = p.Department!.Name })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new StaffListItem(r.Id, r.EmployeeNumber, r.FirstName + " " + r.LastName, r.WorkEmail,
            r.Primary?.JobRole, r.Primary?.Department, r.LeavingDate)).ToList();
        return new StaffPage(items, total, page, pageSize);
    }
}
