using CareReady.Core.Competencies;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class RefresherCardConfiguration : IEntityTypeConfiguration<RefresherCard>
{
    public void Configure(EntityTypeBuilder<RefresherCard> b)
    {
        b.Property(x => x.QuestionKey).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StaffMemberId, x.ModuleId, x.QuestionKey }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId, x.Due });
    }
}

internal sealed class RefresherReviewConfiguration : IEntityTypeConfiguration<RefresherReview>
{
    public void Configure(EntityTypeBuilder<RefresherReview> b)
    {
        b.Property(x => x.Response).HasMaxLength(500);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RefresherCard>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.ReviewedAt });
        b.HasIndex(x => new { x.CardId, x.ReviewedAt });
        b.HasIndex(x => new { x.StaffMemberId, x.ReviewedAt });
    }
}

internal sealed class PathwaySettingsConfiguration : IEntityTypeConfiguration<PathwaySettings>
{
    public void Configure(EntityTypeBuilder<PathwaySettings> b)
    {
        b.Property(x => x.FittedWeights).HasMaxLength(1000);
        b.Property(x => x.SafetyCriticalSubjects).HasMaxLength(4000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId).IsUnique();
    }
}

internal sealed class RolePathwayConfiguration : IEntityTypeConfiguration<RolePathway>
{
    public void Configure(EntityTypeBuilder<RolePathway> b)
    {
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.RolePathwayId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
    }
}

internal sealed class RolePathwayStepConfiguration : IEntityTypeConfiguration<RolePathwayStep>
{
    public void Configure(EntityTypeBuilder<RolePathwayStep> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.RolePathwayId, x.Position }).IsUnique();
    }
}

internal sealed class PathwayAssignmentConfiguration : IEntityTypeConfiguration<PathwayAssignment>
{
    public void Configure(EntityTypeBuilder<PathwayAssignment> b)
    {
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RolePathway>().WithMany().HasForeignKey(x => x.RolePathwayId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
        b.HasIndex(x => new { x.OrganisationId, x.DepartmentId });
    }
}
