using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

/// <summary>A learner's e-learning preferences: the language tag (one of <see cref="ElearningLanguages.All"/>) and sound on or off.</summary>
public sealed record ElearningPreferencesView(string Language, bool AudioOn)
{
    public static ElearningPreferencesView Default { get; } = new(ElearningLanguages.Default, true);

    /// <summary>The cmi5 <c>cmi5LearnerPreferences</c> agent profile document (cmi5 section 11).</summary>
    public string Cmi5Document() =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["languagePreference"] = ElearningLanguages.PreferenceList(Language),
            ["audioPreference"] = AudioOn ? "on" : "off",
        }.ToJsonString();
}

/// <summary>The learner's e-learning preferences (English, sound on until they change them).</summary>
public sealed class GetElearningPreferences(AppDbContext db)
{
    public async Task<ElearningPreferencesView> RunAsync(int organisationId, int staffMemberId, CancellationToken ct = default) =>
        await db.ElearningPreferences.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.StaffMemberId == staffMemberId)
            .Select(p => new ElearningPreferencesView(p.Language, p.AudioOn)).FirstOrDefaultAsync(ct)
        ?? ElearningPreferencesView.Default;
}

/// <summary>What was saved (the language tag as listed), or what is wrong with the language (nothing saved).</summary>
public sealed record SavedElearningPreferences(ElearningPreferencesView? Saved, string? Problem);

/// <summary>Saves the learner's e-learning preferences; they apply from the next launch of a package or course.</summary>
public sealed class SaveElearningPreferences(AppDbContext db, TimeProvider time)
{
    public async Task<SavedElearningPreferences> RunAsync(int organisationId, int staffMemberId, ElearningPreferencesView input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ElearningLanguages.Find(input.Language) is not { } language)
        {
            var offered = string.Join(", ", ElearningLanguages.All.Select(l => l.Tag));
            return new SavedElearningPreferences(null, string.IsNullOrWhiteSpace(input.Language)
                ? $"language: required — one of {offered}"
                : $"language: \"{input.Language}\" is not one of the languages offered ({offered})");
        }

        var row = await db.ElearningPreferences.FirstOrDefaultAsync(p => p.OrganisationId == organisationId && p.StaffMemberId == staffMemberId, ct);
        if (row is null)
        {
            row = new ElearningPreference { OrganisationId = organisationId, StaffMemberId = staffMemberId, Language = language.Tag };
            db.ElearningPreferences.Add(row);
        }

        row.Language = language.Tag;
        row.AudioOn = input.AudioOn;
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new SavedElearningPreferences(new ElearningPreferencesView(row.Language, row.AudioOn), null);
    }
}
