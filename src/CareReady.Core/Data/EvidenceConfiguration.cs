using CareReady.Core.Audit;
using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> b)
    {
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.RevokedBy).HasMaxLength(256);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
    }
}

internal sealed class ExternalCertificateConfiguration : IEntityTypeConfiguration<ExternalCertificate>
{
    public void Configure(EntityTypeBuilder<ExternalCertificate> b)
    {
        b.Property(x => x.Provider).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Status });
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.EntityType).HasMaxLength(64);
        b.Property(x => x.EntityId).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(x => new { x.OrganisationId, x.Sequence }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.EntityType, x.EntityId });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.HasKey(x => x.ChainId);
        b.Property(x => x.ChainId).ValueGeneratedNever();
        b.Property(x => x.LastHash).HasMaxLength(64).IsFixedLength();
    }
}
