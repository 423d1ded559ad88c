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
/// One learner's attempt at a SCORM package: the CMI data the runtime last committed (flattened
/// "cmi.x.y" → value, as JSON) and what CareReady reads from it. <see cref="CompletedAt"/> is set once,
/// when the CMI first says completed/passed; that is when the completion and the xAPI statement are written.
/// </summary>
public sealed class ScormAttempt
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScormPackageId { get; set; }
    public int StaffMemberId { get; set; }

    /// <summary>The xAPI registration of this attempt (context.registration of its statement).</summary>
    public Guid Registration { get; set; }

    /// <summary>The committed CMI, flattened: {"cmi.core.lesson_status":"incomplete", ...}.</summary>
    public string CmiJson { get; set; } = "{}";

    /// <summary>1.2 lesson_status, or 2004 completion_status.</summary>
    public string? CompletionStatus { get; set; }

    /// <summary>2004 success_status (1.2: passed/failed from lesson_status).</summary>
    public string? SuccessStatus { get; set; }

    /// <summary>Scaled score 0..1 when the SCO reported one.</summary>
    public decimal? ScoreScaled { get; set; }

    public int Commits { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The xAPI statement stored for the completion.</summary>
    public Guid? StatementId { get; set; }
}
