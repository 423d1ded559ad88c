namespace CareReady.Core.Cmi5;

/// <summary>The IRIs of the cmi5 specification (verbs, categories, extensions, activity types).</summary>
public static class Cmi5Vocabulary
{
    public const string Launched = "http://adlnet.gov/expapi/verbs/launched";
    public const string Initialized = "http://adlnet.gov/expapi/verbs/initialized";
    public const string Completed = "http://adlnet.gov/expapi/verbs/completed";
    public const string Passed = "http://adlnet.gov/expapi/verbs/passed";
    public const string Failed = "http://adlnet.gov/expapi/verbs/failed";
    public const string Terminated = "http://adlnet.gov/expapi/verbs/terminated";
    public const string Abandoned = "https://w3id.org/xapi/adl/verbs/abandoned";
    public const string Waived = "https://w3id.org/xapi/adl/verbs/waived";
    public const string Satisfied = "https://w3id.org/xapi/adl/verbs/satisfied";

    public const string Cmi5Category = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    public const string MoveOnCategory = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    public const string SessionIdExtension = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    public const string MasteryScoreExtension = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
    public const string LaunchModeExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchmode";
    public const string LaunchUrlExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchurl";
    public const string MoveOnExtension = "https://w3id.org/xapi/cmi5/context/extensions/moveon";
    public const string LaunchParametersExtension = "https://w3id.org/xapi/cmi5/context/extensions/launchparameters";
    public const string ReasonExtension = "https://w3id.org/xapi/cmi5/result/extensions/reason";

    public const string CourseType = "https://w3id.org/xapi/cmi5/activitytype/course";
    public const string BlockType = "https://w3id.org/xapi/cmi5/activitytype/block";

    public const string LaunchDataStateId = "LMS.LaunchData";

    /// <summary>The agent profile document of the learner's language and audio preferences (cmi5 section 11).</summary>
    public const string LearnerPreferencesProfileId = "cmi5LearnerPreferences";
    public const string CourseStructureNamespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    /// <summary>Verbs only the LMS may use; an AU sending them is refused.</summary>
    public static readonly IReadOnlySet<string> LmsOnly = new HashSet<string>([Launched, Abandoned, Waived, Satisfied], StringComparer.Ordinal);

    /// <summary>The reasons the spec allows for "waived".</summary>
    public static readonly IReadOnlyList<string> WaiveReasons = ["Tested", "Equivalent", "Administrative"];
}
