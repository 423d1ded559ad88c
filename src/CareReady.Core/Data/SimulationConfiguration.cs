using CareReady.Core.Simulation;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class ScenarioConfiguration : IEntityTypeConfiguration<Scenario>
{
    public void Configure(EntityTypeBuilder<Scenario> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Scenario).HasForeignKey(x => x.ScenarioId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
    }
}

internal sealed class ScenarioVersionConfiguration : IEntityTypeConfiguration<ScenarioVersion>
{
    public void Configure(EntityTypeBuilder<ScenarioVersion> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.DefinitionHash).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ScenarioId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.Status });
        b.HasMany(x => x.Guidelines).WithOne().HasForeignKey(x => x.ScenarioVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScenarioGuidelineCitationConfiguration : IEntityTypeConfiguration<ScenarioGuidelineCitation>
{
    public void Configure(EntityTypeBuilder<ScenarioGuidelineCitation> b)
    {
        b.Property(x => x.Source).HasMaxLength(300);
        b.Property(x => x.Version).HasMaxLength(100);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Source, x.Version });
    }
}

internal sealed class ScenarioRunConfiguration : IEntityTypeConfiguration<ScenarioRun>
{
    public void Configure(EntityTypeBuilder<ScenarioRun> b)
    {
        b.Property(x => x.CurrentNode).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ScenarioVersion).WithMany().HasForeignKey(x => x.ScenarioVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Responses).WithOne().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
        b.HasIndex(x => new { x.ScenarioVersionId, x.CompletedAt });
    }
}

internal sealed class ScenarioResponseConfiguration : IEntityTypeConfiguration<ScenarioResponse>
{
    public void Configure(EntityTypeBuilder<ScenarioResponse> b)
    {
        b.Property(x => x.NodeId).HasMaxLength(64);
        b.Property(x => x.Answer).HasMaxLength(1000);
        b.Property(x => x.InitialAnswer).HasMaxLength(1000);
        b.Property(x => x.AiAnswer).HasMaxLength(64);
        b.Property(x => x.CorrectAnswer).HasMaxLength(64);
        b.HasIndex(x => new { x.RunId, x.NodeId, x.Sequence }).IsUnique();
    }
}

internal sealed class SimulationStatementConfiguration : IEntityTypeConfiguration<SimulationStatement>
{
    public void Configure(EntityTypeBuilder<SimulationStatement> b)
    {
        b.Property(x => x.Verb).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.StatementId).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.IngestedAt });
    }
}
