using CareReady.Core.Competencies;
using CareReady.Core.Supervision;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class ObservedAssessmentConfiguration : IEntityTypeConfiguration<ObservedAssessment>
{
    public void Configure(EntityTypeBuilder<ObservedAssessment> b)
    {
        b.Property(x => x.SupervisorUserId).HasMaxLength(450);
        b.Property(x => x.SupervisorName).HasMaxLength(200);
        b.Property(x => x.CriteriaJson).HasMaxLength(8000);
        b.Property(x => x.Comments).HasMaxLength(2000);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Completion).WithMany().HasForeignKey(x => x.CompletionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
    }
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> b)
    {
        b.Property(x => x.LearnerNote).HasMaxLength(2000);
        b.Property(x => x.RequestedFromUserId).HasMaxLength(450);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewComment).HasMaxLength(2000);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
        b.HasOne(x => x.Completion).WithMany().HasForeignKey(x => x.CompletionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.RequestedFromUserId, x.Status });
    }
}
