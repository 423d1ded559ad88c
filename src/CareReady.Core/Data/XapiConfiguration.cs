using CareReady.Core.Competencies;
using CareReady.Core.Learning;
using CareReady.Core.Workforce;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class XapiStatementConfiguration : IEntityTypeConfiguration<XapiStatement>
{
    public void Configure(EntityTypeBuilder<XapiStatement> b)
    {
        // Unfiltered reads of one organisation walk the key backwards (newest first).
        b.HasKey(x => new { x.OrganisationId, x.Seq });
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.HasIndex(x => x.Seq).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.StatementId }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.Registration, x.Seq });
        b.HasIndex(x => new { x.OrganisationId, x.VerbId, x.Seq });
        // since/until become a Seq range: Stored never decreases as Seq grows.
        b.HasIndex(x => new { x.Stored, x.Seq });
        // Only voiding statements: a full index is mostly NULLs, costs every insert, and once SQLite has analysed it
        // the statistics make it look useless, so the group write's lookup of voiding statements scanned the table.
        b.HasIndex(x => new { x.OrganisationId, x.VoidsStatementId }).HasFilter("\"VoidsStatementId\" IS NOT NULL");
        // Only statements about a statement (StatementRef objects): which stored statements refer to one that arrives.
        b.HasIndex(x => new { x.OrganisationId, x.TargetStatementId }).HasFilter("\"TargetStatementId\" IS NOT NULL");
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// xAPI identifiers (IRIs, agent keys, document ids, registrations as text) match byte for byte, never linguistically. On
/// PostgreSQL their columns use the "C" collation: comparisons are memcmp, where the database's default (e.g. en_GB.UTF-8
/// or C.UTF-8) compares through the C library's strcoll — a third of inserting a statement went on
/// keeping the verb index in order (ADR 0025). SQLite compares text bytewise already (BINARY), and has no "C" collation.
/// </summary>
internal static class XapiIdentifierCollation
{
    public const string Ordinal = "C";

    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<XapiStatement>(b =>
        {
            b.Property(x => x.ActorKey).UseCollation(Ordinal);
            b.Property(x => x.VerbId).UseCollation(Ordinal);
            b.Property(x => x.ActivityId).UseCollation(Ordinal);
        });
        builder.Entity<XapiDocument>(b =>
        {
            b.Property(x => x.ActivityId).UseCollation(Ordinal);
            b.Property(x => x.AgentKey).UseCollation(Ordinal);
            b.Property(x => x.Registration).UseCollation(Ordinal);
            b.Property(x => x.DocumentId).UseCollation(Ordinal);
        });
        builder.Entity<XapiActivityMapping>().Property(x => x.ActivityId).UseCollation(Ordinal);
    }
}

internal sealed class XapiStatementRefConfiguration : IEntityTypeConfiguration<XapiStatementRef>
{
    public void Configure(EntityTypeBuilder<XapiStatementRef> b)
    {
        b.HasKey(x => new { x.OrganisationId, x.Kind, x.Key, x.Seq });
    }
}

internal sealed class XapiDocumentConfiguration : IEntityTypeConfiguration<XapiDocument>
{
    public void Configure(EntityTypeBuilder<XapiDocument> b)
    {
        b.Property(x => x.ContentType).HasMaxLength(255);
        b.Property(x => x.ETag).HasMaxLength(40);
        b.Property(x => x.Registration).HasMaxLength(36);
        b.HasIndex(x => new { x.OrganisationId, x.Kind, x.ActivityId, x.AgentKey, x.Registration, x.DocumentId }).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LrsClientConfiguration : IEntityTypeConfiguration<LrsClient>
{
    public void Configure(EntityTypeBuilder<LrsClient> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class XapiActivityMappingConfiguration : IEntityTypeConfiguration<XapiActivityMapping>
{
    public void Configure(EntityTypeBuilder<XapiActivityMapping> b)
    {
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.OrganisationId, x.ActivityId });
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
