namespace CareReady.Core.Compliance.Engine;

/// <summary>
/// Totals of people in patient-facing or registered roles, kept beside the compliance totals for risk
/// exposure: a person counts in the units of their current positions that are patient-facing or a
/// registered clinician's (and above them), with the subjects in which they are not compliant.
/// </summary>
public sealed partial class ComplianceEngine
{
    private void AddPatientFacing(Totals target, int p, int d, Profile profile, Tally tally, int sign, Span<int> units)
    {
        if (!profile.PatientFacing)
        {
            return;
        }

        var count = UnitsOf(p, d, units, patientFacingOnly: true);
        if (count > 0)
        {
            target.AddFacing(units[..count], profile.SubjectMask & tally.NotMet, sign);
        }
    }

    private PatientFacingSummary FacingSummary(Totals t, int unit)
    {
        var gaps = new List<SubjectGap>();
        for (var s = 0; s < subjects; s++)
        {
            var notMet = t.FacingNotMet[(unit * subjects) + s];
            if (notMet > 0)
            {
                gaps.Add(new SubjectGap(catalogue.SubjectIds[s], notMet));
            }
        }

        return new PatientFacingSummary(t.FacingPeople[unit], t.FacingWithGaps[unit], gaps);
    }
}
