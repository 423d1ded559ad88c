using CareReady.Core.Competencies;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Data;

/// <summary>Loads staff groups, frameworks, subjects, competencies and the roles; safe to run on every start.</summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var groups = await db.StaffGroups.ToDictionaryAsync(g => g.Code, cancellationToken);
        foreach (var group in ReferenceCatalogue.StaffGroups())
        {
            if (groups.TryGetValue(group.Code, out var existing))
            {
                existing.Name = group.Name;
                existing.Clinical = group.Clinical;
            }
            else
            {
                db.StaffGroups.Add(group);
            }
        }

        var frameworks = await db.Frameworks.ToDictionaryAsync(f => f.Code, cancellationToken);
        foreach (var framework in ReferenceCatalogue.Frameworks)
        {
            if (!frameworks.ContainsKey(framework.Code))
            {
                db.Frameworks.Add(new Framework { Code = framework.Code, Name = framework.Name, Publisher = framework.Publisher });
            }
        }

        var subjects = await db.Subjects.Include(s => s.Competencies).ToDictionaryAsync(s => s.Code, cancellationToken);
        foreach (var source in ReferenceCatalogue.Subjects())
        {
            if (!subjects.TryGetValue(source.Code, out var subject))
            {
                subject = new Subject { FrameworkCode = source.FrameworkCode, Code = source.Code, Name = source.Name };
                db.Subjects.Add(subject);
            }

            subject.Name = source.Name;
            foreach (var c in source.Competencies)
            {
                var competency = subject.Competencies.FirstOrDefault(x => x.Code == c.Code);
                if (competency is null)
                {
                    competency = new Competency { Code = c.Code, Name = c.Name };
                    subject.Competencies.Add(competency);
                }

                competency.Name = c.Name;
                competency.Level = c.Level;
                competency.Variant = c.Variant;
                competency.DefaultRefresherMonths = c.RefresherMonths;
                competency.FrameworkAudience = c.Audience;
                competency.EsrCompetenceName = c.EsrName;
                competency.Kind = c.Kind;
            }
        }

        var roles = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var role in Roles.All.Where(r => !roles.Contains(r)))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
