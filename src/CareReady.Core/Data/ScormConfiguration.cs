using CareReady.Core.Learning;
using CareReady.Core.Scorm;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class ScormPackageConfiguration : IEntityTypeConfiguration<ScormPackage>
{
    public void Configure(EntityTypeBuilder<ScormPackage> b)
    {
        b.Property(x => x.Edition).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SchemaVersion).HasMaxLength(32);
        b.Property(x => x.Identifier).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.LaunchPath).HasMaxLength(2000);
        b.Property(x => x.ImportedBy).HasMaxLength(256);
        b.HasIndex(x => x.ModuleVersionId).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.ScormPackageId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scos).WithOne().HasForeignKey(x => x.ScormPackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScormScoConfiguration : IEntityTypeConfiguration<ScormSco>
{
    public void Configure(EntityTypeBuilder<ScormSco> b)
    {
        b.Property(x => x.Identifier).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.LaunchPath).HasMaxLength(2000);
        b.HasIndex(x => new { x.ScormPackageId, x.Position }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScormScoProgressConfiguration : IEntityTypeConfiguration<ScormScoProgress>
{
    public void Configure(EntityTypeBuilder<ScormScoProgress> b)
    {
        b.Property(x => x.CompletionStatus).HasMaxLength(32);
        b.Property(x => x.SuccessStatus).HasMaxLength(32);
        b.Property(x => x.ScoreScaled).HasPrecision(9, 4);
        b.HasIndex(x => new { x.AttemptId, x.Position }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ScormAttempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScormFileConfiguration : IEntityTypeConfiguration<ScormFile>
{
    public void Configure(EntityTypeBuilder<ScormFile> b)
    {
        b.Property(x => x.Path).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.ScormPackageId, x.Path }).IsUnique();
    }
}

internal sealed class ScormAttemptConfiguration : IEntityTypeConfiguration<ScormAttempt>
{
    public void Configure(EntityTypeBuilder<ScormAttempt> b)
    {
        b.Property(x => x.CompletionStatus).HasMaxLength(32);
        b.Property(x => x.SuccessStatus).HasMaxLength(32);
        b.Property(x => x.ScoreScaled).HasPrecision(9, 4);
        b.HasIndex(x => new { x.ScormPackageId, x.StaffMemberId, x.Id });
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ScormPackage>().WithMany().HasForeignKey(x => x.ScormPackageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
