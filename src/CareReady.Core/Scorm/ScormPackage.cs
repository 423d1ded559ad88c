namespace CareReady.Core.Scorm;

/// <summary>The SCORM edition a package was written for, from its manifest's schemaversion.</summary>
public enum ScormEdition
{
    Scorm12,
    Scorm2004,
}

/// <summary>
/// A SCORM package attached to one module version: what the manifest says (edition, title, the SCO to
/// launch) and its files (<see cref="ScormFile"/>). The module version gives it a code, a status and the
/// competencies it confers, like any other module.
/// </summary>
public sealed class ScormPackage
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ModuleVersionId { get; set; }
    public ScormEdition Edition { get; set; }

    /// <summary>The manifest's schemaversion as written ("1.2", "2004 4th Edition").</summary>
    public required string SchemaVersion { get; set; }

    /// <summary>The manifest's identifier attribute.</summary>
    public required string Identifier { get; set; }

    /// <summary>The default organisation's title.</summary>
    public required string Title { get; set; }

    /// <summary>The SCO's launch file inside the package, with any query string the manifest gives ("index.html?lang=en").</summary>
    public required string LaunchPath { get; set; }

    /// <summary>Its parts, in manifest order (one for most packages).</summary>
    public List<ScormSco> Scos { get; set; } = [];

    public required string ImportedBy { get; set; }
    public DateTime ImportedAt { get; set; }
    public List<ScormFile> Files { get; set; } = [];
}

/// <summary>One file of a SCORM package, kept in the database like module media.</summary>
public sealed class ScormFile
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScormPackageId { get; set; }

    /// <summary>Path inside the package, '/'-separated ("shared/launch.js").</summary>
    public required string Path { get; set; }

    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// A launchable part of a package (an item of the manifest's default organisation), in manifest order: a SCO,
/// which reports to the runtime, or an asset, which does not (and so never holds up the package's completion).
/// </summary>
public sealed class ScormSco
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScormPackageId { get; set; }

    /// <summary>1, 2, … in the manifest's order.</summary>
    public int Position { get; set; }

    /// <summary>The item's identifier in the manifest.</summary>
    public required string Identifier { get; set; }

    public required string Title { get; set; }

    /// <summary>The file to launch, with its parameters (as <see cref="ScormPackage.LaunchPath"/>).</summary>
    public required string LaunchPath { get; set; }

    public bool IsAsset { get; set; }

    /// <summary>What the manifest's sequencing says of this part (<see cref="ScormSequencing"/> as JSON); null when nothing.</summary>
    public string? SequencingJson { get; set; }
}

/// <summary>
/// What the runtime last committed for one part (<see cref="ScormSco"/>) in one attempt: the CMI data (flattened
/// "cmi.x.y" → value, as JSON) and what CareReady reads from it. <see cref="CountedAt"/> is set once, when the
/// part first says completed/passed.
/// </summary>
public sealed class ScormScoProgress
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public long AttemptId { get; set; }

    /// <summary>The part's <see cref="ScormSco.Position"/>.</summary>
    public int Position { get; set; }

    /// <summary>The committed CMI, flattened: {"cmi.core.lesson_status":"incomplete", ...}.</summary>
    public string CmiJson { get; set; } = "{}";

    public string? CompletionStatus { get; set; }
    public string? SuccessStatus { get; set; }
    public decimal? ScoreScaled { get; set; }
    public int Commits { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CountedAt { get; set; }

    /// <summary>The time of the part's sessions before its latest launch (SCORM's total_time, which the LMS accumulates).</summary>
    public TimeSpan EarlierSessions { get; set; }

    /// <summary>The latest session's time, as its runtime last committed session_time.</summary>
    public TimeSpan LatestSession { get; set; }

    /// <summary>Every session's time: what the learner has spent in this part in this attempt.</summary>
    public TimeSpan TotalTime => EarlierSessions + LatestSession;

    /// <summary>A launch starts a new session: the one before it joins the earlier ones.</summary>
    public void StartSession()
    {
        EarlierSessions += LatestSession;
        LatestSession = TimeSpan.Zero;
    }
}

/// <summary>
/// One learner's attempt at a SCORM package: per part, what its runtime committed (<see cref="ScormScoProgress"/>),
/// and here what CareReady reads from them together — for a one-part package, that part's statuses and score.
/// <see cref="CompletedAt"/> is set once, when every SCO of the package has first said completed/passed; that is
/// when the completion, the certificate and the xAPI statement are written.
/// </summary>
public sealed class ScormAttempt
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScormPackageId { get; set; }
    public int StaffMemberId { get; set; }

    /// <summary>The xAPI registration of this attempt (context.registration of its statement).</summary>
    public Guid Registration { get; set; }

    /// <summary>1.2 lesson_status, or 2004 completion_status (of the package: see <see cref="ScormRollup"/>).</summary>
    public string? CompletionStatus { get; set; }

    /// <summary>2004 success_status (1.2: passed/failed from lesson_status).</summary>
    public string? SuccessStatus { get; set; }

    /// <summary>Scaled score 0..1 when a SCO reported one (several: their mean).</summary>
    public decimal? ScoreScaled { get; set; }

    /// <summary>The part the learner last opened (for forward-only navigation and where a plain launch resumes).</summary>
    public int? CurrentPosition { get; set; }

    /// <summary>Commits of all its parts.</summary>
    public int Commits { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The xAPI statement stored for the completion.</summary>
    public Guid? StatementId { get; set; }
}
