using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Identity;
using CareReady.Core.Requirements;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class RequirementRuleConfiguration : IEntityTypeConfiguration<RequirementRule>
{
    public void Configure(EntityTypeBuilder<RequirementRule> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.StaffGroupCode).HasMaxLength(8);
        b.Property(x => x.JobRole).HasMaxLength(120);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.HasOne(x => x.Competency).WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
    }
}

internal sealed class RefresherOverrideConfiguration : IEntityTypeConfiguration<RefresherOverride>
{
    public void Configure(EntityTypeBuilder<RefresherOverride> b)
    {
        b.Property(x => x.Justification).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.CompetencyId }).IsUnique();
    }
}

internal sealed class SubjectTargetConfiguration : IEntityTypeConfiguration<SubjectTarget>
{
    public void Configure(EntityTypeBuilder<SubjectTarget> b)
    {
        b.Property(x => x.TargetPercent).HasPrecision(5, 2);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.SubjectId }).IsUnique();
    }
}

internal sealed class CompletionConfiguration : IEntityTypeConfiguration<Completion>
{
    public void Configure(EntityTypeBuilder<Completion> b)
    {
        b.Property(x => x.Reference).HasMaxLength(400);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Learning.ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        // The id rides along (PostgreSQL INCLUDE) so "is there a later completion of this competency?" — the
        // regulatory-change preview's probe — is answered from the index alone (ADR 0011).
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId, x.CompetencyId, x.CompletedOn }).IncludeProperties(x => x.Id);
        b.HasIndex(x => x.ModuleVersionId);
        // The dashboards' engagement: an organisation's completions of the last days, read from the index alone.
        b.HasIndex(x => new { x.OrganisationId, x.CompletedOn }).IncludeProperties(x => new { x.StaffMemberId, x.ModuleVersionId });
        // "Whose current certification rests on this module version?" — the regulatory-change preview and apply — read
        // from this index alone: only latest completions, by organisation and module version (ADR 0011).
        b.HasIndex(x => new { x.OrganisationId, x.ModuleVersionId }, "IX_Completions_Latest_ModuleVersion")
            .HasFilter("\"IsLatest\"")
            .IncludeProperties(x => new { x.Id, x.StaffMemberId, x.CompetencyId, x.CompletedOn });
    }
}

internal sealed class ManagerScopeConfiguration : IEntityTypeConfiguration<ManagerScope>
{
    public void Configure(EntityTypeBuilder<ManagerScope> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UserId, x.DepartmentId }).IsUnique();
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
    }
}
