using System.Text.Json;
using CareReady.Core.Assessments;
using CareReady.Core.Competencies;
using CareReady.Core.Learning;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReady.Core.Data;

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<Module>
{
    public void Configure(EntityTypeBuilder<Module> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne(x => x.Module).HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
    }
}

internal sealed class ModuleVersionConfiguration : IEntityTypeConfiguration<ModuleVersion>
{
    public void Configure(EntityTypeBuilder<ModuleVersion> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Lessons).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Confers).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Media).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Guidelines).WithOne().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ModuleId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.Status });
    }
}

internal sealed class ModuleLessonConfiguration : IEntityTypeConfiguration<ModuleLesson>
{
    public void Configure(EntityTypeBuilder<ModuleLesson> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => new { x.ModuleVersionId, x.Position }).IsUnique();
    }
}

internal sealed class LearningOutcomeConfiguration : IEntityTypeConfiguration<LearningOutcome>
{
    public void Configure(EntityTypeBuilder<LearningOutcome> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.Property(x => x.Text).HasMaxLength(500);
        b.HasIndex(x => new { x.ModuleVersionId, x.Code }).IsUnique();
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.OutcomeCode).HasMaxLength(32);
        b.Property(x => x.Unit).HasMaxLength(32);
        b.Property(x => x.NumericAnswer).HasPrecision(18, 6);
        b.Property(x => x.Tolerance).HasPrecision(18, 6);
        b.Property(x => x.Options).HasConversion(JsonColumn.Converter<List<QuestionOption>>(), JsonColumn.Comparer<QuestionOption>());
        b.Property(x => x.Items).HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<string>());
        b.HasIndex(x => new { x.ModuleVersionId, x.Key }).IsUnique();
    }
}

internal sealed class ModuleConferralConfiguration : IEntityTypeConfiguration<ModuleConferral>
{
    public void Configure(EntityTypeBuilder<ModuleConferral> b)
    {
        b.HasKey(x => new { x.ModuleVersionId, x.CompetencyId });
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModuleMediaConfiguration : IEntityTypeConfiguration<ModuleMedia>
{
    public void Configure(EntityTypeBuilder<ModuleMedia> b)
    {
        b.Property(x => x.Path).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.ModuleVersionId, x.Path }).IsUnique();
    }
}

internal sealed class GuidelineCitationConfiguration : IEntityTypeConfiguration<GuidelineCitation>
{
    public void Configure(EntityTypeBuilder<GuidelineCitation> b)
    {
        b.Property(x => x.Source).HasMaxLength(200);
        b.Property(x => x.Version).HasMaxLength(64);
    }
}

internal sealed class LearningProgressConfiguration : IEntityTypeConfiguration<LearningProgress>
{
    public void Configure(EntityTypeBuilder<LearningProgress> b)
    {
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.StaffMemberId, x.ModuleVersionId }).IsUnique();
    }
}

internal sealed class AssessmentAttemptConfiguration : IEntityTypeConfiguration<AssessmentAttempt>
{
    public void Configure(EntityTypeBuilder<AssessmentAttempt> b)
    {
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.StaffMemberId, x.ModuleVersionId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.SubmittedAt });
    }
}

internal sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> b)
    {
        b.Property(x => x.Presented).HasConversion(JsonColumn.Converter<List<int>>(), JsonColumn.Comparer<int>());
        b.Property(x => x.Response).HasMaxLength(2000);
        b.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AttemptId, x.Position }).IsUnique();
        b.HasIndex(x => x.QuestionId);
    }
}

/// <summary>Small lists stored as a JSON text column (same on SQLite and PostgreSQL).</summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options) ?? new T());

    public static ValueComparer<List<TItem>> Comparer<TItem>() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}

internal sealed class ElearningPreferenceConfiguration : IEntityTypeConfiguration<ElearningPreference>
{
    public void Configure(EntityTypeBuilder<ElearningPreference> b)
    {
        b.Property(x => x.Language).HasMaxLength(16);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId }).IsUnique();
    }
}

internal sealed class IssuedCertificateConfiguration : IEntityTypeConfiguration<IssuedCertificate>
{
    public void Configure(EntityTypeBuilder<IssuedCertificate> b)
    {
        b.Property(x => x.VerificationCode).HasMaxLength(32);
        b.Property(x => x.HolderName).HasMaxLength(300);
        b.Property(x => x.OrganisationName).HasMaxLength(200);
        b.Property(x => x.ModuleCode).HasMaxLength(64);
        b.Property(x => x.ModuleTitle).HasMaxLength(200);
        b.Property(x => x.Competencies).HasMaxLength(2000);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessmentAttempt>().WithMany().HasForeignKey(x => x.AttemptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Scorm.ScormAttempt>().WithMany().HasForeignKey(x => x.ScormAttemptId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cmi5.Cmi5Registration>().WithMany().HasForeignKey(x => x.Cmi5RegistrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ModuleVersion>().WithMany().HasForeignKey(x => x.ModuleVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => x.AttemptId).IsUnique();
        b.HasIndex(x => new { x.OrganisationId, x.StaffMemberId });
    }
}
