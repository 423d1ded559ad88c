namespace CareReady.Core.Learning;

/// <summary>An RFC 5646 language tag and its name, in English and in the language itself.</summary>
public sealed record ElearningLanguage(string Tag, string Name, string NativeName);

/// <summary>
/// The languages a learner can ask e-learning for. A package plays in the first of the learner's list it has;
/// English (UK) always comes last as the fallback, so the list CareReady hands over is "cy-GB,en-GB" for Welsh.
/// </summary>
public static class ElearningLanguages
{
    public const string Default = "en-GB";

    public static IReadOnlyList<ElearningLanguage> All { get; } =
    [
        new("en-GB", "English (UK)", "English (UK)"),
        new("cy-GB", "Welsh", "Cymraeg"),
        new("ga-IE", "Irish", "Gaeilge"),
        new("gd-GB", "Scottish Gaelic", "Gàidhlig"),
        new("pl-PL", "Polish", "Polski"),
        new("ro-RO", "Romanian", "Română"),
        new("pt-PT", "Portuguese", "Português"),
        new("es-ES", "Spanish", "Español"),
        new("fil-PH", "Filipino", "Filipino"),
        new("ml-IN", "Malayalam", "മലയാളം"),
        new("hi-IN", "Hindi", "हिन्दी"),
        new("ur-PK", "Urdu", "اردو"),
        new("pa-IN", "Punjabi", "ਪੰਜਾਬੀ"),
        new("ar", "Arabic", "العربية"),
    ];

    public static ElearningLanguage? Find(string? tag) =>
        All.FirstOrDefault(l => string.Equals(l.Tag, tag?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The preference list in order: the chosen language, then English (UK) unless that was the choice.</summary>
    public static string PreferenceList(string tag) => tag == Default ? Default : $"{tag},{Default}";
}
