using CareReady.Core.Workforce;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class XapiAttachmentConfiguration : IEntityTypeConfiguration<XapiAttachment>
{
    public void Configure(EntityTypeBuilder<XapiAttachment> b)
    {
        b.HasKey(x => new { x.OrganisationId, x.Sha2 });
        b.Property(x => x.Sha2).HasMaxLength(128);
        b.Property(x => x.ContentType).HasMaxLength(255);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
