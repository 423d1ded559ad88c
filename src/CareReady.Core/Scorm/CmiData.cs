using System.Globalization;
using System.Text.Json;
using CareReady.Core.Learning;

namespace CareReady.Core.Scorm;

/// <summary>
/// What CareReady reads from a committed CMI (the flattened "cmi.x.y" → value map the scorm-again runtime
/// sends), per edition: the status, whether it counts, the scaled score, and the values a relaunch supplies
/// again so the SCO resumes where the learner left it.
/// </summary>
public sealed class CmiData(ScormEdition edition, IReadOnlyDictionary<string, string> values)
{
    public const int MaxValues = 5000;
    public const int MaxValueLength = 65536;

    public ScormEdition Edition { get; } = edition;
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    private string? Get(string key) => Values.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    /// <summary>1.2 lesson_status; 2004 completion_status.</summary>
    public string? CompletionStatus => Edition == ScormEdition.Scorm12 ? Get("cmi.core.lesson_status") : Get("cmi.completion_status");

    /// <summary>2004 success_status; for 1.2 "passed"/"failed" when lesson_status says so.</summary>
    public string? SuccessStatus => Edition == ScormEdition.Scorm2004
        ? Get("cmi.success_status")
        : CompletionStatus is "passed" or "failed" ? CompletionStatus : null;

    /// <summary>1.2: lesson_status passed or completed. 2004: completion_status completed and success_status not failed.</summary>
    public bool Counts => Edition == ScormEdition.Scorm12
        ? CompletionStatus is "passed" or "completed"
        : CompletionStatus == "completed" && SuccessStatus != "failed";

    /// <summary>True when the SCO said passed (so the statement's verb is "passed" and result.success true).</summary>
    public bool Passed => SuccessStatus == "passed";

    public decimal? ScoreScaled
    {
        get
        {
            if (Edition == ScormEdition.Scorm2004 && Number(Get("cmi.score.scaled")) is { } scaled)
            {
                return Math.Clamp(scaled, -1m, 1m);
            }

            var prefix = Edition == ScormEdition.Scorm12 ? "cmi.core.score." : "cmi.score.";
            if (Number(Get(prefix + "raw")) is not { } raw)
            {
                return null;
            }

            var min = Number(Get(prefix + "min")) ?? 0m;
            var max = Number(Get(prefix + "max")) ?? 100m;
            return max > min ? Math.Clamp((raw - min) / (max - min), 0m, 1m) : null;
        }
    }

    /// <summary>The longest session believed (SCORM 1.2's largest time span, 9999 hours); a longer one is not counted.</summary>
    public static readonly TimeSpan MaxSessionTime = TimeSpan.FromHours(9999);

    /// <summary>The time of the SCO's current session as it reported it (1.2 cmi.core.session_time, 2004 cmi.session_time), if it did and it is believable.</summary>
    public TimeSpan? SessionTime =>
        CmiTime.Parse(Edition, Get(Edition == ScormEdition.Scorm12 ? "cmi.core.session_time" : "cmi.session_time")) is { } time && time <= MaxSessionTime ? time : null;

    /// <summary>
    /// What a launch of this attempt gives the runtime before the SCO starts (never read-only values the SCO sets itself):
    /// what it saved to resume from, who the learner is, the time of the learner's earlier sessions in this part
    /// (<paramref name="totalTime"/>: cmi.core.total_time / cmi.total_time, which the LMS keeps), and the learner's language and
    /// sound as set in CareReady (handed over at every launch, like cmi5's learner preferences). Sound: SCORM 1.2 audio "0"
    /// (as the package plays it) or "-1" (off); SCORM 2004 audio_level "1" (the reference level) or "0" (no sound).
    /// </summary>
    public Dictionary<string, string> ResumeValues(string learnerId, string learnerName, ElearningPreferencesView preferences, TimeSpan totalTime = default)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var resume = Values.GetValueOrDefault(Edition == ScormEdition.Scorm12 ? "cmi.core.exit" : "cmi.exit") == "suspend";
        var keys = Edition == ScormEdition.Scorm12
            ? new[] { "cmi.core.lesson_location", "cmi.core.lesson_status", "cmi.suspend_data", "cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max" }
            : ["cmi.location", "cmi.completion_status", "cmi.success_status", "cmi.suspend_data", "cmi.score.scaled", "cmi.score.raw", "cmi.score.min", "cmi.score.max", "cmi.progress_measure"];
        var values = keys.Where(k => Get(k) is not null).ToDictionary(k => k, k => Values[k], StringComparer.Ordinal);
        if (Edition == ScormEdition.Scorm12)
        {
            values["cmi.core.student_id"] = learnerId;
            values["cmi.core.student_name"] = learnerName;
            values["cmi.core.entry"] = resume ? "resume" : Values.Count == 0 ? "ab-initio" : "";
            values["cmi.core.total_time"] = CmiTime.Format(Edition, totalTime);
            values["cmi.student_preference.language"] = preferences.Language;
            values["cmi.student_preference.audio"] = preferences.AudioOn ? "0" : "-1";
        }
        else
        {
            values["cmi.learner_id"] = learnerId;
            values["cmi.learner_name"] = learnerName;
            values["cmi.entry"] = resume ? "resume" : Values.Count == 0 ? "ab-initio" : "";
            values["cmi.total_time"] = CmiTime.Format(Edition, totalTime);
            values["cmi.learner_preference.language"] = preferences.Language;
            values["cmi.learner_preference.audio_level"] = preferences.AudioOn ? "1" : "0";
        }

        return values;
    }

    /// <summary>Reads a flattened commit body: a JSON object of "cmi.…" keys with text, number or true/false values.</summary>
    /// <returns>The values, or why the body is refused (naming the key).</returns>
    public static (Dictionary<string, string>? Values, string? Problem) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body must be a JSON object of flattened CMI values, e.g. {\"cmi.core.lesson_status\":\"passed\"}");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (!property.Name.StartsWith("cmi.", StringComparison.Ordinal))
            {
                continue; // runtime extras (commitSequence, …) are not CMI
            }

            if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && IsEmpty(property.Value))
            {
                continue; // an empty list ("cmi.interactions": []) carries nothing
            }

            string? text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => null,
            };
            if (text is null)
            {
                return (null, $"{property.Name}: expected a text, number or true/false value, found {property.Value.ValueKind.ToString().ToLowerInvariant()}");
            }

            if (text.Length > MaxValueLength)
            {
                return (null, $"{property.Name}: the value is {text.Length} characters; at most {MaxValueLength}");
            }

            values[property.Name] = text;
            if (values.Count > MaxValues)
            {
                return (null, $"the commit holds more than {MaxValues} CMI values");
            }
        }

        return (values, null);
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() == 0 : !value.EnumerateObject().Any();

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
