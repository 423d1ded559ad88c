using CareReady.Core.Analytics;
using CareReady.Core.Assessments;
using CareReady.Core.Audit;
using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Identity;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using CareReady.Core.Regulation;
using CareReady.Core.Notifications;
using CareReady.Core.Requirements;
using CareReady.Core.Simulation;
using CareReady.Core.Supervision;
using CareReady.Core.Workforce;
using CareReady.Core.Xapi;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Data;

/// <summary>The one database context. Provider (SQLite or PostgreSQL) is chosen in <see cref="DatabaseSetup"/>.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<StaffGroup> StaffGroups => Set<StaffGroup>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<RequirementRule> RequirementRules => Set<RequirementRule>();
    public DbSet<RefresherOverride> RefresherOverrides => Set<RefresherOverride>();
    public DbSet<SubjectTarget> SubjectTargets => Set<SubjectTarget>();
    public DbSet<Completion> Completions => Set<Completion>();
    public DbSet<ManagerScope> ManagerScopes => Set<ManagerScope>();
    public DbSet<Exemption> Exemptions => Set<Exemption>();
    public DbSet<ExternalCertificate> ExternalCertificates => Set<ExternalCertificate>();
    public DbSet<Module> Modules => Set<Module>();
    public DbSet<ModuleVersion> ModuleVersions => Set<ModuleVersion>();
    public DbSet<ModuleLesson> ModuleLessons => Set<ModuleLesson>();
    public DbSet<LearningOutcome> LearningOutcomes => Set<LearningOutcome>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<ModuleConferral> ModuleConferrals => Set<ModuleConferral>();
    public DbSet<ModuleMedia> ModuleMedia => Set<ModuleMedia>();
    public DbSet<LearningProgress> LearningProgress => Set<LearningProgress>();
    public DbSet<AssessmentAttempt> AssessmentAttempts => Set<AssessmentAttempt>();
    public DbSet<AttemptItem> AttemptItems => Set<AttemptItem>();
    public DbSet<IssuedCertificate> IssuedCertificates => Set<IssuedCertificate>();
    public DbSet<ElearningPreference> ElearningPreferences => Set<ElearningPreference>();
    public DbSet<ObservedAssessment> ObservedAssessments => Set<ObservedAssessment>();
    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();
    public DbSet<GuidelineSource> GuidelineSources => Set<GuidelineSource>();
    public DbSet<GuidelineVersion> GuidelineVersions => Set<GuidelineVersion>();
    public DbSet<RegulatoryChange> RegulatoryChanges => Set<RegulatoryChange>();
    public DbSet<CertificationCap> CertificationCaps => Set<CertificationCap>();
    public DbSet<ContentReviewFlag> ContentReviewFlags => Set<ContentReviewFlag>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<Scenario> Scenarios => Set<Scenario>();
    public DbSet<ScenarioVersion> ScenarioVersions => Set<ScenarioVersion>();
    public DbSet<ScenarioGuidelineCitation> ScenarioGuidelineCitations => Set<ScenarioGuidelineCitation>();
    public DbSet<ScenarioRun> ScenarioRuns => Set<ScenarioRun>();
    public DbSet<ScenarioResponse> ScenarioResponses => Set<ScenarioResponse>();
    public DbSet<SimulationStatement> SimulationStatements => Set<SimulationStatement>();
    public DbSet<PerformanceMeasure> PerformanceMeasures => Set<PerformanceMeasure>();
    public DbSet<MeasureValue> MeasureValues => Set<MeasureValue>();
    public DbSet<TrainingPush> TrainingPushes => Set<TrainingPush>();
    public DbSet<StrategicGoal> StrategicGoals => Set<StrategicGoal>();
    public DbSet<RefresherCard> RefresherCards => Set<RefresherCard>();
    public DbSet<RefresherReview> RefresherReviews => Set<RefresherReview>();
    public DbSet<PathwaySettings> PathwaySettings => Set<PathwaySettings>();
    public DbSet<RolePathway> RolePathways => Set<RolePathway>();
    public DbSet<RolePathwayStep> RolePathwaySteps => Set<RolePathwayStep>();
    public DbSet<PathwayAssignment> PathwayAssignments => Set<PathwayAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<XapiStatement> XapiStatements => Set<XapiStatement>();
    public DbSet<XapiStatementRef> XapiStatementRefs => Set<XapiStatementRef>();
    public DbSet<XapiDocument> XapiDocuments => Set<XapiDocument>();
    public DbSet<LrsClient> LrsClients => Set<LrsClient>();
    public DbSet<XapiActivityMapping> XapiActivityMappings => Set<XapiActivityMapping>();
    public DbSet<Scorm.ScormPackage> ScormPackages => Set<Scorm.ScormPackage>();
    public DbSet<Scorm.ScormFile> ScormFiles => Set<Scorm.ScormFile>();
    public DbSet<Scorm.ScormAttempt> ScormAttempts => Set<Scorm.ScormAttempt>();
    public DbSet<Scorm.ScormSco> ScormScos => Set<Scorm.ScormSco>();
    public DbSet<Scorm.ScormScoProgress> ScormScoProgress => Set<Scorm.ScormScoProgress>();
    public DbSet<Cmi5.Cmi5Course> Cmi5Courses => Set<Cmi5.Cmi5Course>();
    public DbSet<Cmi5.Cmi5Block> Cmi5Blocks => Set<Cmi5.Cmi5Block>();
    public DbSet<Cmi5.Cmi5Au> Cmi5Aus => Set<Cmi5.Cmi5Au>();
    public DbSet<Cmi5.Cmi5File> Cmi5Files => Set<Cmi5.Cmi5File>();
    public DbSet<Cmi5.Cmi5Registration> Cmi5Registrations => Set<Cmi5.Cmi5Registration>();
    public DbSet<Cmi5.Cmi5AuProgress> Cmi5AuProgress => Set<Cmi5.Cmi5AuProgress>();
    public DbSet<Cmi5.Cmi5Session> Cmi5Sessions => Set<Cmi5.Cmi5Session>();
    public DbSet<XapiAttachment> XapiAttachments => Set<XapiAttachment>();

    /// <summary>Every context, however built (web, CLI, tests, benchmarks), keeps the latest-completion marker.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(Compliance.LatestCompletions.Interceptor);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            XapiIdentifierCollation.Apply(builder);
        }
    }
}
