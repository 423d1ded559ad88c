using CareReady.Core.Competencies;

namespace CareReady.Core.Requirements;

/// <summary>
/// The standard requirement rules of the Core Skills Training Framework for one organisation, built
/// from each CSTF competency's <see cref="Competency.FrameworkAudience"/> code. Pure: the caller saves.
/// </summary>
public static class CstfStandardRules
{
    /// <summary>The audience codes used in the CSTF reference data, in plain words.</summary>
    public static IReadOnlyDictionary<string, string> AudienceNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["all_staff"] = "all staff",
        ["patient_contact"] = "staff with patient contact",
        ["clinical"] = "clinical staff",
        ["non_clinical"] = "non-clinical staff",
        ["handles_patients"] = "clinical staff who handle patients",
        ["registered_clinical"] = "registered clinicians",
        ["acute_registered_clinical"] = "registered clinicians in acute services",
        ["works_with_children"] = "staff working with children",
    };

    /// <param name="organisationId">The organisation the rules belong to.</param>
    /// <param name="competencies">The competency catalogue; only CSTF competencies with a known audience are used.</param>
    /// <param name="acuteDepartmentId">Root of the "acute" department subtree; when null the acute-only rule is skipped.</param>
    /// <param name="updatedAt">Stamp for <see cref="RequirementRule.UpdatedAt"/> (UTC).</param>
    /// <param name="updatedBy">Stamp for <see cref="RequirementRule.UpdatedBy"/>.</param>
    /// <param name="graceDays">New-starter grace period for every rule.</param>
    /// <param name="acuteDepartmentName">Name of the acute subtree, used in the rule name when given.</param>
    public static IReadOnlyList<RequirementRule> Build(
        int organisationId,
        IEnumerable<Competency> competencies,
        int? acuteDepartmentId,
        DateTime updatedAt,
        string? updatedBy = null,
        int graceDays = RequirementRule.DefaultGraceDays,
        string? acuteDepartmentName = null)
    {
        ArgumentNullException.ThrowIfNull(competencies);
        var cstf = competencies.Where(c => IsCstf(c) && c.Kind == CompetencyKind.Knowledge).ToList(); // observed practice is asked for by a rule's RequiresObservation
        var levelsPerSubject = cstf.GroupBy(c => c.SubjectId).ToDictionary(g => g.Key, g => g.Count());

        var rules = new List<RequirementRule>();
        foreach (var competency in cstf.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var audience = competency.FrameworkAudience;
            if (audience is null || !AudienceNames.TryGetValue(audience, out var audienceName))
            {
                continue;
            }

            if (audience == "acute_registered_clinical")
            {
                if (acuteDepartmentId is null)
                {
                    continue;
                }

                if (acuteDepartmentName is not null)
                {
                    audienceName = "registered clinicians in " + acuteDepartmentName;
                }
            }

            var rule = new RequirementRule
            {
                OrganisationId = organisationId,
                Name = CompetencyTitle(competency, levelsPerSubject.GetValueOrDefault(competency.SubjectId) > 1) + " — " + audienceName,
                CompetencyId = competency.Id,
                GraceDays = graceDays,
                IsActive = true,
                UpdatedAt = updatedAt,
                UpdatedBy = updatedBy,
            };
            switch (audience)
            {
                case "patient_contact":
                    rule.PatientContact = true;
                    break;
                case "clinical":
                    rule.Clinical = true;
                    break;
                case "non_clinical":
                    rule.Clinical = false;
                    break;
                case "handles_patients":
                    rule.Clinical = true;
                    rule.PatientContact = true;
                    break;
                case "registered_clinical":
                    rule.RegisteredClinician = true;
                    break;
                case "acute_registered_clinical":
                    rule.RegisteredClinician = true;
                    rule.DepartmentId = acuteDepartmentId;
                    break;
                case "works_with_children":
                    rule.WorksWithChildren = true;
                    break;
                default: // all_staff: no criteria
                    break;
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static bool IsCstf(Competency c) =>
        c.Subject?.FrameworkCode == ReferenceCatalogue.CstfCode
        || (c.Subject is null && c.Code.StartsWith(ReferenceCatalogue.CstfCode + "-", StringComparison.Ordinal));

    /// <summary>"Fire Safety" for a one-level subject, "Resuscitation Level 2 Adult Basic Life Support" otherwise.</summary>
    private static string CompetencyTitle(Competency c, bool multiLevel)
    {
        var subject = c.Subject?.Name ?? c.Code;
        if (!multiLevel)
        {
            return subject;
        }

        return c.Name.StartsWith("Level", StringComparison.OrdinalIgnoreCase)
            ? subject + " " + c.Name
            : subject + " Level " + c.Level + " (" + c.Name + ")";
    }
}
