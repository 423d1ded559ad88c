using CareReady.Core.Learning;

namespace CareReady.Core.Simulation;

/// <summary>A clinical simulation: the stable code under which versions are published, like a module.</summary>
public sealed class Scenario
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<ScenarioVersion> Versions { get; set; } = [];
}

/// <summary>
/// One version of a scenario: the validated scenario file. Like a module version it moves Draft → InReview →
/// Published → Retired: an author uploads a draft (re-uploading replaces the draft's file), submits it, and a
/// different educator lead or compliance lead approves it (publishing it and retiring the previous version) or
/// returns it to draft with a note. Only a published version is played; runs and completions name the exact version.
/// </summary>
public sealed class ScenarioVersion
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScenarioId { get; set; }
    public Scenario? Scenario { get; set; }
    public int Number { get; set; }
    public ModuleStatus Status { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public int EstimatedMinutes { get; set; }

    /// <summary>The scenario file (JSON); frozen once the version leaves draft.</summary>
    public required string Definition { get; set; }

    /// <summary>SHA-256 of <see cref="Definition"/> (hex), so the audit trail records which file was approved without copying it.</summary>
    public required string DefinitionHash { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }

    /// <summary>What the reviewer asked to change when they returned the version to draft.</summary>
    public string? ReviewNote { get; set; }

    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? RetiredAt { get; set; }

    /// <summary>The guideline versions the file cites (copied from it, so a regulatory change can find the version by query).</summary>
    public List<ScenarioGuidelineCitation> Guidelines { get; set; } = [];
}

/// <summary>A guideline version that a scenario version rests on (as <see cref="GuidelineCitation"/> for modules).</summary>
public sealed class ScenarioGuidelineCitation
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScenarioVersionId { get; set; }
    public required string Source { get; set; }
    public required string Version { get; set; }
}

/// <summary>One learner playing one scenario version, from start to debrief.</summary>
public sealed class ScenarioRun
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int ScenarioVersionId { get; set; }
    public ScenarioVersion? ScenarioVersion { get; set; }
    public int StaffMemberId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The node the learner is on (the end node once completed).</summary>
    public required string CurrentNode { get; set; }

    /// <summary>When the current node was first shown (for timers).</summary>
    public DateTime NodeShownAt { get; set; }

    /// <summary>State variables as JSON (<c>{"escalated":1}</c>).</summary>
    public required string State { get; set; }

    public int Score { get; set; }
    public int MaxScore { get; set; }
    public bool? Passed { get; set; }
    public List<ScenarioResponse> Responses { get; set; } = [];
}

/// <summary>A learner's answer at one node of a run; for an AI decision point, both steps of the protocol.</summary>
public sealed class ScenarioResponse
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public long RunId { get; set; }
    public required string NodeId { get; set; }
    public int Sequence { get; set; }

    /// <summary>The answer (option ids, comma-separated, or a number) — the final one at an AI decision point.</summary>
    public string? Answer { get; set; }
    public double? Confidence { get; set; }
    public bool? Correct { get; set; }
    public int Points { get; set; }

    public string? InitialAnswer { get; set; }
    public double? InitialConfidence { get; set; }

    /// <summary>The option the AI's output pointed to, and whether that was the right one.</summary>
    public string? AiAnswer { get; set; }
    public bool? AiCorrect { get; set; }

    /// <summary>At an AI decision point: the right option (as the scenario version defines it).</summary>
    public string? CorrectAnswer { get; set; }

    /// <summary>What the learner was shown (prediction, probability, factors, scope) as JSON.</summary>
    public string? AiOutput { get; set; }

    public double ElapsedSeconds { get; set; }
    public bool Late { get; set; }
    public DateTime AnsweredAt { get; set; }
}

/// <summary>
/// An xAPI 1.0.3 statement about a simulation (launched, answered, completed, passed/failed), kept as
/// JSON for the LRS to ingest (<see cref="StatementId"/> is the statement's id, so re-ingesting is idempotent).
/// </summary>
public sealed class SimulationStatement
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public Guid StatementId { get; set; }
    public long RunId { get; set; }
    public int StaffMemberId { get; set; }
    public required string Verb { get; set; }
    public required string Json { get; set; }
    public DateTime StoredAt { get; set; }

    /// <summary>Set when the LRS has taken the statement in.</summary>
    public DateTime? IngestedAt { get; set; }
}
