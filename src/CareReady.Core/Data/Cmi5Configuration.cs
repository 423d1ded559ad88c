using CareReady.Core.Cmi5;
using CareReady.Core.Learning;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class Cmi5CourseConfiguration : IEntityTypeConfiguration<Cmi5Course>
{
    public void Configure(EntityTypeBuilder<Cmi5Course> b)
    {
        b.Property(x => x.PublisherId).HasMaxLength(500);
        b.Property(x => x.LmsId).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.OrganisationId, x.ModuleId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Blocks).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Aus).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Cmi5BlockConfiguration : IEntityTypeConfiguration<Cmi5Block>
{
    public void Configure(EntityTypeBuilder<Cmi5Block> b)
    {
        b.Property(x => x.PublisherId).HasMaxLength(500);
        b.Property(x => x.LmsId).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasOne<Cmi5Block>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Cmi5AuConfiguration : IEntityTypeConfiguration<Cmi5Au>
{
    public void Configure(EntityTypeBuilder<Cmi5Au> b)
    {
        b.Property(x => x.PublisherId).HasMaxLength(500);
        b.Property(x => x.ActivityId).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.Url).HasMaxLength(2000);
        b.Property(x => x.LaunchMethod).HasMaxLength(20);
        b.Property(x => x.MoveOn).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.MasteryScore).HasPrecision(5, 4);
        b.Property(x => x.LaunchParameters).HasMaxLength(4000);
        b.Property(x => x.EntitlementKey).HasMaxLength(500);
        b.HasIndex(x => new { x.CourseId, x.Position }).IsUnique();
        b.HasOne<Cmi5Block>().WithMany().HasForeignKey(x => x.BlockId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Cmi5FileConfiguration : IEntityTypeConfiguration<Cmi5File>
{
    public void Configure(EntityTypeBuilder<Cmi5File> b)
    {
        b.Property(x => x.Path).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.CourseId, x.Path }).IsUnique();
        b.HasOne<Cmi5Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class Cmi5RegistrationConfiguration : IEntityTypeConfiguration<Cmi5Registration>
{
    public void Configure(EntityTypeBuilder<Cmi5Registration> b)
    {
        b.Property(x => x.ActorJson).HasMaxLength(1000);
        b.Property(x => x.ActorKey).HasMaxLength(1000);
        b.Property(x => x.SatisfiedBlocks).HasMaxLength(4000);
        b.HasIndex(x => x.Registration).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.CourseId, x.StaffMemberId });
        b.HasOne<Cmi5Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Cmi5AuProgressConfiguration : IEntityTypeConfiguration<Cmi5AuProgress>
{
    public void Configure(EntityTypeBuilder<Cmi5AuProgress> b)
    {
        b.Property(x => x.WaivedReason).HasMaxLength(20);
        b.HasIndex(x => new { x.RegistrationId, x.AuId }).IsUnique();
        b.HasOne<Cmi5Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cmi5Au>().WithMany().HasForeignKey(x => x.AuId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Cmi5SessionConfiguration : IEntityTypeConfiguration<Cmi5Session>
{
    public void Configure(EntityTypeBuilder<Cmi5Session> b)
    {
        b.Property(x => x.FetchHash).HasMaxLength(64);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.SessionId).IsUnique();
        b.HasIndex(x => x.RegistrationId);
        b.HasOne<Cmi5Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Cmi5Au>().WithMany().HasForeignKey(x => x.AuId).OnDelete(DeleteBehavior.Restrict);
    }
}
