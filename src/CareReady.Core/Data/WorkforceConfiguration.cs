using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(x => x.Code).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Path).HasMaxLength(400);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Site>().WithMany().HasForeignKey(x => x.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.Path });
    }
}

internal sealed class StaffGroupConfiguration : IEntityTypeConfiguration<StaffGroup>
{
    public void Configure(EntityTypeBuilder<StaffGroup> b)
    {
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(8);
        b.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.Property(x => x.EmployeeNumber).HasMaxLength(32);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.WorkEmail).HasMaxLength(256);
        b.Property(x => x.RegistrationBody).HasMaxLength(32);
        b.Property(x => x.RegistrationNumber).HasMaxLength(32);
        b.Ignore(x => x.FullName);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.EmployeeNumber }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.LastName });

        // "Who is not employed on a day" (left, or not started yet) without reading everyone who is: the impact previews.
        b.HasIndex(x => new { x.OrganisationId, x.StartDate });
        b.HasIndex(x => new { x.OrganisationId, x.LeavingDate });
    }
}

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> b)
    {
        b.Property(x => x.AssignmentNumber).HasMaxLength(32);
        b.Property(x => x.StaffGroupCode).HasMaxLength(8);
        b.Property(x => x.JobRole).HasMaxLength(120);
        b.Property(x => x.Band).HasMaxLength(32);
        b.HasOne(x => x.StaffMember).WithMany(x => x.Positions).HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffGroup>().WithMany().HasForeignKey(x => x.StaffGroupCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.AssignmentNumber }).IsUnique();
        // Carries what the regulatory-change preview and the dashboards read of an organisation's current positions,
        // so those reads come from the index alone (ADR 0011).
        b.HasIndex(x => new { x.OrganisationId, x.DepartmentId })
            .IncludeProperties(x => new { x.StaffMemberId, x.StaffGroupCode, x.StartDate, x.EndDate });
    }
}
