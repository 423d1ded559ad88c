namespace CareReady.Core.Competencies;

/// <summary>What kind of evidence a competency asks for: knowledge (e-learning, a course) or observed practice.</summary>
public enum CompetencyKind
{
    Knowledge = 0,

    /// <summary>Practice observed by a supervisor against a checklist and signed off.</summary>
    ObservedPractice = 1,
}

/// <summary>
/// One level of a subject, e.g. "Resuscitation — Level 2 Adult Basic Life Support".
/// A competency satisfies another of the same subject at the same or a lower level, provided the
/// variant matches (adult life support does not cover paediatric life support) and the kind matches
/// (e-learning does not cover observed practice, nor the other way round).
/// </summary>
public sealed class Competency
{
    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }

    /// <summary>Stable code, e.g. "CSTF-RES-2A".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public int Level { get; set; }

    /// <summary>Track within a level ("Adult", "Paediatric"); null covers all tracks.</summary>
    public string? Variant { get; set; }

    /// <summary>The framework's refresher period in months; null when it never expires.</summary>
    public int? DefaultRefresherMonths { get; set; }

    /// <summary>The framework's stated audience code (e.g. "patient_contact"), informational.</summary>
    public string? FrameworkAudience { get; set; }

    /// <summary>Knowledge or observed practice; only a competency of the same kind satisfies another.</summary>
    public CompetencyKind Kind { get; set; }

    /// <summary>The ESR competence name, e.g. "NHS|CSTF|Fire Safety - 2 Years|".</summary>
    public string? EsrCompetenceName { get; set; }

    /// <summary>True when holding this competency also satisfies <paramref name="required"/>.</summary>
    public bool Satisfies(Competency required) =>
        Id == required.Id
        || (SubjectId == required.SubjectId
            && Kind == required.Kind
            && Level >= required.Level
            && (required.Variant is null || string.Equals(Variant, required.Variant, StringComparison.Ordinal)));

    /// <summary>The observed-practice competency of the same subject, level and variant, if the catalogue has one.</summary>
    public Competency? ObservedCounterpart(IEnumerable<Competency> catalogue) =>
        Kind == CompetencyKind.ObservedPractice
            ? null
            : catalogue.FirstOrDefault(c => c.Kind == CompetencyKind.ObservedPractice
                && c.SubjectId == SubjectId && c.Level == Level
                && string.Equals(c.Variant, Variant, StringComparison.Ordinal));
}
