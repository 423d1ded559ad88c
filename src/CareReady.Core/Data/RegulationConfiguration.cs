using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Learning;
using CareReady.Core.Regulation;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class GuidelineSourceConfiguration : IEntityTypeConfiguration<GuidelineSource>
{
    public void Configure(EntityTypeBuilder<GuidelineSource> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Publisher).HasMaxLength(200);
        b.Property(x => x.Url).HasMaxLength(400);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Source).HasForeignKey(x => x.GuidelineSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
    }
}

internal sealed class GuidelineVersionConfiguration : IEntityTypeConfiguration<GuidelineVersion>
{
    public void Configure(EntityTypeBuilder<GuidelineVersion> b)
    {
        b.Property(x => x.Label).HasMaxLength(64);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.GuidelineSourceId, x.Label }).IsUnique();
    }
}

internal sealed class RegulatoryChangeConfiguration : IEntityTypeConfiguration<RegulatoryChange>
{
    public void Configure(EntityTypeBuilder<RegulatoryChange> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.FeedEntryId).HasMaxLength(400);
        b.Property(x => x.Link).HasMaxLength(400);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Origin).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.AppliedBy).HasMaxLength(256);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.AffectedDigest).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.GuidelineSourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.FromVersion).WithMany().HasForeignKey(x => x.FromVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToVersion).WithMany().HasForeignKey(x => x.ToVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Status });
        b.HasIndex(x => new { x.OrganisationId, x.FeedEntryId });
    }
}

internal sealed class CertificationCapConfiguration : IEntityTypeConfiguration<CertificationCap>
{
    public void Configure(EntityTypeBuilder<CertificationCap> b)
    {
        // Two foreign keys, not five: organisation, person and competency are copied from the completion in the
        // same statement (kept for the queries), and each key costs a check per row — a national apply writes
        // hundreds of thousands of caps (ADR 0011).
        b.HasOne<RegulatoryChange>().WithMany().HasForeignKey(x => x.RegulatoryChangeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Completion>().WithMany().HasForeignKey(x => x.CompletionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
        b.HasIndex(x => new { x.RegulatoryChangeId, x.StaffMemberId });
        b.HasIndex(x => x.CompletionId);
    }
}

internal sealed class ContentReviewFlagConfiguration : IEntityTypeConfiguration<ContentReviewFlag>
{
    public void Configure(EntityTypeBuilder<ContentReviewFlag> b)
    {
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RegulatoryChange>().WithMany().HasForeignKey(x => x.RegulatoryChangeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ClosedByVersion).WithMany().HasForeignKey(x => x.ClosedByVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.ModuleId });
    }
}
