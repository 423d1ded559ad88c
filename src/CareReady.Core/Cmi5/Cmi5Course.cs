namespace CareReady.Core.Cmi5;

/// <summary>How an AU counts as done for its registration (cmi5 course structure, <c>moveOn</c>).</summary>
public enum MoveOn
{
    Passed = 1,
    Completed = 2,
    CompletedAndPassed = 3,
    CompletedOrPassed = 4,
    NotApplicable = 5,
}

/// <summary>
/// How the LMS launches an AU (cmi5 10.0 launchMode): Normal records the learner's results; Browse (look around)
/// and Review (revisit a finished part) record nothing but "initialized" and "terminated".
/// </summary>
public enum Cmi5LaunchMode
{
    Normal = 0,
    Browse = 1,
    Review = 2,
}

/// <summary>
/// An imported cmi5 course (cmi5.xml and its content), attached to a learning module: satisfying the
/// course records a completion of what the module confers. <see cref="LmsId"/> is the course id the
/// LMS generates for its "satisfied" statement (the spec forbids reusing the publisher's id).
/// </summary>
public sealed class Cmi5Course
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ModuleId { get; set; }

    /// <summary>The module version the course was attached to (its conferrals count).</summary>
    public int ModuleVersionId { get; set; }

    /// <summary>The course id from cmi5.xml (the publisher's id).</summary>
    public required string PublisherId { get; set; }

    public required string LmsId { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }

    public List<Cmi5Block> Blocks { get; set; } = [];
    public List<Cmi5Au> Aus { get; set; } = [];
}

/// <summary>A block of the course structure; <see cref="ParentId"/> is null for a block directly under the course.</summary>
public sealed class Cmi5Block
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int CourseId { get; set; }
    public int? ParentId { get; set; }
    public int Position { get; set; }
    public required string PublisherId { get; set; }
    public required string LmsId { get; set; }
    public required string Title { get; set; }
}

/// <summary>An assignable unit: what the learner launches.</summary>
public sealed class Cmi5Au
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int CourseId { get; set; }
    public int? BlockId { get; set; }

    /// <summary>1-based order in the course structure.</summary>
    public int Position { get; set; }

    public required string PublisherId { get; set; }

    /// <summary>The activityId the LMS passes at launch; the object id of the AU's cmi5 defined statements.</summary>
    public required string ActivityId { get; set; }

    public required string Title { get; set; }
    public required string Description { get; set; }

    /// <summary>Relative to the package (served from this site) or an absolute https URL.</summary>
    public required string Url { get; set; }

    /// <summary>"AnyWindow" or "OwnWindow".</summary>
    public required string LaunchMethod { get; set; }

    public MoveOn MoveOn { get; set; }

    /// <summary>Scaled 0..1, or null.</summary>
    public decimal? MasteryScore { get; set; }

    public string? LaunchParameters { get; set; }
    public string? EntitlementKey { get; set; }
}

/// <summary>A file of the course package, served to signed-in people of the organisation.</summary>
public sealed class Cmi5File
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int CourseId { get; set; }
    public required string Path { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>A learner's enrolment in a course (the cmi5 registration), created at the first launch.</summary>
public sealed class Cmi5Registration
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int CourseId { get; set; }
    public int StaffMemberId { get; set; }
    public Guid Registration { get; set; }

    /// <summary>The learner's actor as sent to the AU (JSON) and its LRS agent key.</summary>
    public required string ActorJson { get; set; }

    public required string ActorKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SatisfiedAt { get; set; }

    /// <summary>Ids of blocks already satisfied (so each gets one "satisfied" statement), comma-separated.</summary>
    public string SatisfiedBlocks { get; set; } = "";
}

/// <summary>Where one AU stands in one registration.</summary>
public sealed class Cmi5AuProgress
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RegistrationId { get; set; }
    public int AuId { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? PassedAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public DateTime? WaivedAt { get; set; }
    public string? WaivedReason { get; set; }
    public DateTime? SatisfiedAt { get; set; }
}

/// <summary>
/// One launch of an AU. The fetch URL code and the auth token are kept only as SHA-256 hashes; the
/// token is handed out once (by the fetch URL) and works only for this session's registration, AU and
/// actor, until the session is terminated or abandoned.
/// </summary>
public sealed class Cmi5Session
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RegistrationId { get; set; }
    public int AuId { get; set; }
    public Guid SessionId { get; set; }
    public required string FetchHash { get; set; }
    public string? TokenHash { get; set; }
    public DateTime LaunchedAt { get; set; }

    /// <summary>Browse and Review sessions may not send "completed", "passed" or "failed" (<see cref="Cmi5SessionGate"/>).</summary>
    public Cmi5LaunchMode LaunchMode { get; set; }

    public DateTime? FetchedAt { get; set; }
    public DateTime? InitializedAt { get; set; }
    public DateTime? LastStatementAt { get; set; }
    public DateTime? TerminatedAt { get; set; }
    public DateTime? AbandonedAt { get; set; }
}
