using CareReady.Core.Analytics;
using CareReady.Core.Competencies;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class PerformanceMeasureConfiguration : IEntityTypeConfiguration<PerformanceMeasure>
{
    public void Configure(EntityTypeBuilder<PerformanceMeasure> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Definition).HasMaxLength(2000);
        b.Property(x => x.Unit).HasMaxLength(64);
        b.Property(x => x.Period).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
        b.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeasureValueConfiguration : IEntityTypeConfiguration<MeasureValue>
{
    public void Configure(EntityTypeBuilder<MeasureValue> b)
    {
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeasureId, x.DepartmentId, x.PeriodStart }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.MeasureId });
    }
}

internal sealed class TrainingPushConfiguration : IEntityTypeConfiguration<TrainingPush>
{
    public void Configure(EntityTypeBuilder<TrainingPush> b)
    {
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.SubjectId });
    }
}

internal sealed class StrategicGoalConfiguration : IEntityTypeConfiguration<StrategicGoal>
{
    public void Configure(EntityTypeBuilder<StrategicGoal> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.TargetPercent).HasPrecision(5, 2);
        b.Property(x => x.StaffGroupCode).HasMaxLength(8);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffGroup>().WithMany().HasForeignKey(x => x.StaffGroupCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OrganisationId);
    }
}
