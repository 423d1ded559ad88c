namespace CareReady.Core.Competencies;

/// <summary>
/// The default checklist a supervisor observes practice against, per observed-practice competency.
/// Criteria follow the Resuscitation Council UK adult and paediatric BLS algorithms and the
/// manual handling principles (TILE risk assessment, LOLER) trusts teach for patient handling.
/// </summary>
public static class ObservationChecklists
{
    /// <summary>Appended to a knowledge competency's code to name its observed-practice counterpart.</summary>
    public const string Suffix = "-OBS";

    private static readonly string[] AdultBls =
    [
        "Checks for danger and for a response (shake and shout)",
        "Calls for help: shouts for help and calls 2222 (or 999 outside hospital), asks for the defibrillator",
        "Opens the airway (head tilt, chin lift) and checks for normal breathing for no more than 10 seconds",
        "Starts chest compressions with hands in the centre of the lower half of the sternum",
        "Compresses to a depth of 5–6 cm and allows full recoil",
        "Compresses at a rate of 100–120 per minute",
        "Gives rescue breaths (bag-valve-mask or pocket mask) at 30:2 with visible chest rise",
        "Minimises interruptions to compressions (pauses under 10 seconds)",
        "Attaches the AED as soon as it arrives and follows its prompts",
        "Ensures nobody touches the patient during analysis and shock delivery",
        "Hands over clearly to the arriving team (SBAR)",
    ];

    private static readonly string[] PaediatricBls =
    [
        "Checks for danger and for a response (stimulate and shout)",
        "Calls for help: shouts for help and calls 2222 (or 999), asks for the defibrillator",
        "Opens the airway appropriately for the child's age (neutral position for an infant) and checks breathing for no more than 10 seconds",
        "Gives 5 initial rescue breaths with visible chest rise",
        "Compresses the lower half of the sternum by at least one third of the chest depth",
        "Compresses at a rate of 100–120 per minute and allows full recoil",
        "Continues at 15 compressions to 2 breaths",
        "Minimises interruptions to compressions",
        "Uses the AED with paediatric pads or attenuation where available and follows its prompts",
        "Hands over clearly to the arriving team (SBAR)",
    ];

    private static readonly string[] AdultIls =
    [
        "Recognises the deteriorating patient using an ABCDE assessment and NEWS2",
        "Calls for help: 2222 and states adult cardiac arrest with the location",
        "Starts high-quality CPR at 30:2 while the team arrives",
        "Attaches defibrillator pads correctly and minimises pre-shock pause",
        "Identifies shockable and non-shockable rhythms",
        "Delivers a shock safely (oxygen away, everyone clear, compressions resumed at once)",
        "Manages the airway with basic adjuncts and bag-valve-mask ventilation",
        "Gives adrenaline and amiodarone at the correct times and doses",
        "Considers the reversible causes (4 Hs and 4 Ts)",
        "Leads or follows clear closed-loop communication within the team",
        "Hands over using SBAR and takes part in the debrief",
    ];

    private static readonly string[] PatientHandling =
    [
        "Completes a risk assessment using TILE (task, individual, load, environment)",
        "Checks the equipment is clean and in working order and its LOLER inspection is in date",
        "Chooses the right sling type and size for the patient",
        "Explains the move to the patient and gains their consent",
        "Encourages the patient to do as much as they safely can",
        "Fits the sling and operates the hoist correctly (brakes, leg spread, attachment points checked)",
        "Uses slide sheets or other equipment for repositioning rather than lifting",
        "Communicates clearly with the team, with one person leading the commands",
        "Keeps a safe posture: stable base, knees bent, back straight, load close",
        "Leaves the patient safe and comfortable and records the move in the care plan",
    ];

    private static readonly Dictionary<string, IReadOnlyList<string>> ByCode = new(StringComparer.Ordinal)
    {
        ["CSTF-RES-2A" + Suffix] = AdultBls,
        ["CSTF-RES-2P" + Suffix] = PaediatricBls,
        ["CSTF-RES-3A" + Suffix] = AdultIls,
        ["CSTF-MH-2" + Suffix] = PatientHandling,
    };

    /// <summary>The checklist for an observed-practice competency, or null when there is none.</summary>
    public static IReadOnlyList<string>? ForCode(string competencyCode) => ByCode.GetValueOrDefault(competencyCode);
}
