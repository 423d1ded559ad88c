using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using static CareReady.Core.Workforce.Import.DepartmentCsvFormat;

namespace CareReady.Core.Workforce.Import;

/// <summary>The outcome of a department import.</summary>
/// <param name="Applied">True when the file was valid and its changes (possibly none) were saved; false when there were errors and nothing was written.</param>
/// <param name="Errors">Every problem found, in row order; empty when <paramref name="Applied"/>.</param>
/// <param name="SitesCreated">Sites named in the file that the organisation did not have.</param>
/// <param name="DepartmentsCreated">Departments in the file that were new. Created + Updated + Unchanged = rows in the file.</param>
/// <param name="DepartmentsUpdated">Existing departments in the file whose name, kind, parent or site changed.</param>
/// <param name="DepartmentsUnchanged">
/// Departments in the file that already matched (their place in the tree may still have been rewritten because
/// a department above them moved).
/// </param>
public sealed record DepartmentImportResult(
    bool Applied,
    IReadOnlyList<ImportError> Errors,
    int SitesCreated,
    int DepartmentsCreated,
    int DepartmentsUpdated,
    int DepartmentsUnchanged)
{
    public static DepartmentImportResult Failed(IReadOnlyList<ImportError> errors) => new(false, errors, 0, 0, 0, 0);
}

/// <summary>
/// Imports an organisation's sites and department tree (<see cref="DepartmentCsvFormat"/>), so that a staff
/// file whose rows name department codes can be loaded after it.
/// </summary>
/// <remarks>
/// <para>All or nothing: the file is validated in full against the organisation's departments and sites
/// (<see cref="DepartmentCsvReader"/>) and if anything is wrong nothing is written. A valid file is applied in
/// one transaction.</para>
/// <para>Departments are matched by code and sites by site code, within the organisation, ignoring case. New
/// ones are created, changed departments are updated, identical ones are left alone: importing the same file
/// twice changes nothing the second time. Sites are only ever created, never renamed.</para>
/// <para>Files may be partial. A department that is in the database but not in the file keeps its name, kind,
/// parent and site; only its materialised path changes, when a department above it moves. Nothing is ever
/// deleted. Leaving the Parent Code or Site Code column out of the file leaves existing departments' parents or
/// sites as they are.</para>
/// </remarks>
public sealed class ImportDepartments(AppDbContext db)
{
    public async Task<DepartmentImportResult> RunAsync(int organisationId, Stream csv, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
        {
            throw new InvalidOperationException($"Organisation {organisationId} does not exist.");
        }

        // Tracked: existing departments are updated in place, and every path in a moved subtree is rewritten.
        var departments = await db.Departments.Where(d => d.OrganisationId == organisationId).ToListAsync(ct);
        var sites = await db.Sites.Where(s => s.OrganisationId == organisationId).ToListAsync(ct);
        var byId = departments.ToDictionary(d => d.Id);
        var existing = departments.Select(d => new ExistingDepartment(
            d.Code, d.ParentId is int p && byId.TryGetValue(p, out var parent) ? parent.Code : null));

        var read = new DepartmentCsvReader(existing, sites).Read(csv);
        if (!read.IsValid)
        {
            return DepartmentImportResult.Failed(read.Errors);
        }

        var hasParent = read.HasColumn(ParentCode);
        var hasSite = read.HasColumn(SiteCode);
        var byCode = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            byCode.TryAdd(department.Code, department);
        }

        var sitesByCode = new Dictionary<string, Site>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            sitesByCode.TryAdd(site.Code, site);
        }

        foreach (var newSite in read.NewSites)
        {
            var site = new Site { OrganisationId = organisationId, Code = newSite.Code, Name = newSite.Name };
            sitesByCode.Add(site.Code, site);
            db.Sites.Add(site);
        }

        // First pass: names and kinds; new departments are added with no parent or site yet (ids come on save).
        var created = new List<Department>();
        var changed = new HashSet<Department>();
        foreach (var row in read.Rows)
        {
            if (!byCode.TryGetValue(row.Code, out var department))
            {
                department = new Department { OrganisationId = organisationId, Code = row.Code, Name = row.Name, Kind = row.Kind };
                byCode.Add(row.Code, department);
                created.Add(department);
                db.Departments.Add(department);
                continue;
            }

            if (department.Name != row.Name || department.Kind != row.Kind)
            {
                department.Name = row.Name;
                department.Kind = row.Kind;
                changed.Add(department);
            }
        }

        // Second pass: parents and sites, once every id is known; then the paths of everything new or moved.
        var moved = new HashSet<Department>(created);
        void Place()
        {
            foreach (var row in read.Rows)
            {
                var department = byCode[row.Code];
                var isNew = created.Contains(department);
                if (hasParent || isNew)
                {
                    int? parentId = row.ParentCode is string parentCode ? byCode[parentCode].Id : null;
                    if (department.ParentId != parentId)
                    {
                        department.ParentId = parentId;
                        moved.Add(department);
                        changed.Add(department);
                    }
                }

                if (hasSite || isNew)
                {
                    int? siteId = row.SiteCode is string siteCode ? sitesByCode[siteCode].Id : null;
                    if (department.SiteId != siteId)
                    {
                        department.SiteId = siteId;
                        changed.Add(department);
                    }
                }
            }

            RewritePaths(byCode.Values, moved);
        }

        var needsIds = created.Count > 0 || read.NewSites.Count > 0;
        if (!needsIds)
        {
            Place();
            if (changed.Count == 0)
            {
                return new DepartmentImportResult(true, [], 0, 0, 0, read.Rows.Count); // nothing to save
            }
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (needsIds)
            {
                await db.SaveChangesAsync(ct); // new sites and departments get their ids
                Place();
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another import created the same codes meanwhile; the unique index stopped it and nothing was saved.
            db.ChangeTracker.Clear();
            return DepartmentImportResult.Failed([ImportErrors.ConcurrentImport]);
        }
        catch
        {
            db.ChangeTracker.Clear(); // never leave half an import pending in a context that may be saved again
            throw;
        }

        var updated = changed.Count(d => !created.Contains(d));
        return new DepartmentImportResult(true, [], read.NewSites.Count, created.Count, updated, read.Rows.Count - created.Count - updated);
    }

    /// <summary>
    /// Sets the materialised path of every department at or below one that is new or moved (in or out of the
    /// file), from its parents' paths. Paths elsewhere are left exactly as stored.
    /// </summary>
    private static void RewritePaths(IEnumerable<Department> all, HashSet<Department> moved)
    {
        var departments = all.ToList();
        var byId = departments.ToDictionary(d => d.Id);
        var affected = new Dictionary<Department, bool>();

        bool IsAffected(Department d)
        {
            if (affected.TryGetValue(d, out var known))
            {
                return known;
            }

            // The reader has ruled out loops, so this walk ends at a top-level department.
            var result = moved.Contains(d) || (d.ParentId is int p && IsAffected(byId[p]));
            affected[d] = result;
            return result;
        }

        var done = new HashSet<Department>();

        void Assign(Department d)
        {
            if (!done.Add(d))
            {
                return;
            }

            Department? parent = d.ParentId is int p ? byId[p] : null;
            if (parent is not null && IsAffected(parent))
            {
                Assign(parent); // parents first
            }

            DepartmentTree.AssignPath(d, parent);
        }

        foreach (var department in departments.Where(IsAffected))
        {
            Assign(department);
        }
    }
}
