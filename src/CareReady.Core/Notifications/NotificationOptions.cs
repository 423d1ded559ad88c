using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CareReady.Core.Notifications;

/// <summary>How email leaves CareReady (<c>Email:*</c>). Without <see cref="Host"/>, no email is queued or sent; in-app notices still are.</summary>
public sealed class EmailOptions
{
    public string? Host { get; init; }
    public int Port { get; init; } = 587;
    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary><c>StartTls</c> (default: upgrade a plain connection, required), <c>Tls</c> (TLS from the start, usually port 465) or <c>None</c>.</summary>
    public EmailSecurity Security { get; init; } = EmailSecurity.StartTls;

    public string From { get; init; } = "careready@localhost";
    public string FromName { get; init; } = "CareReady";

    /// <summary>The public address of the web app, for links in emails ("https://careready.example.nhs.uk").</summary>
    public string? LinkBaseUrl { get; init; }

    /// <summary>How long one SMTP conversation may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The domain of <see cref="From"/>, used for Message-IDs.</summary>
    public string Domain => From.Contains('@', StringComparison.Ordinal) ? From[(From.LastIndexOf('@') + 1)..] : "careready.local";

    public static EmailOptions FromConfiguration(IConfiguration configuration)
    {
        var s = configuration.GetSection("Email");
        var security = s["Security"];
        if (security is null && s["UseTls"] is { } useTls)
        {
            security = bool.Parse(useTls) ? nameof(EmailSecurity.Tls) : nameof(EmailSecurity.StartTls);
        }

        return new EmailOptions
        {
            Host = s["Host"],
            Port = int.TryParse(s["Port"], CultureInfo.InvariantCulture, out var port) ? port : 587,
            Username = s["Username"],
            Password = s["Password"],
            Security = Enum.TryParse<EmailSecurity>(security, ignoreCase: true, out var sec) ? sec : EmailSecurity.StartTls,
            From = s["From"] ?? "careready@localhost",
            FromName = s["FromName"] ?? "CareReady",
            LinkBaseUrl = s["LinkBaseUrl"],
            Timeout = TimeSpan.FromSeconds(double.TryParse(s["TimeoutSeconds"], CultureInfo.InvariantCulture, out var t) ? t : 30),
        };
    }
}

public enum EmailSecurity
{
    StartTls,
    Tls,
    None,
}

/// <summary>When reminders go out and how the outbox is drained (<c>Notifications:*</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Days before the due date a reminder is sent (largest first is not required).</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [60, 30, 7];

    /// <summary>Days after the due date before the line manager is told (0: the day it becomes overdue).</summary>
    public int EscalateAfterDays { get; init; }

    /// <summary>The day of the week the manager digest goes out (or the first run after it in that ISO week).</summary>
    public DayOfWeek DigestDay { get; init; } = DayOfWeek.Monday;

    /// <summary>Run the daily job in the web app.</summary>
    public bool JobEnabled { get; init; } = true;

    /// <summary>The time of day (UTC) the daily job runs.</summary>
    public TimeOnly JobTime { get; init; } = new(6, 0);

    /// <summary>How often the web app looks at its clock for the daily job and at the outbox (real time).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; init; } = 50;

    /// <summary>How long a sender holds a claimed message before another may take it.</summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is left unsent with its last error.</summary>
    public int MaxAttempts { get; init; } = 10;

    public static NotificationOptions FromConfiguration(IConfiguration configuration)
    {
        var s = configuration.GetSection("Notifications");
        var defaults = new NotificationOptions();
        return new NotificationOptions
        {
            ReminderDays = s["ReminderDays"] is { Length: > 0 } days
                ? [.. days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => int.Parse(d, CultureInfo.InvariantCulture)).Distinct().OrderDescending()]
                : defaults.ReminderDays,
            EscalateAfterDays = int.TryParse(s["EscalateAfterDays"], CultureInfo.InvariantCulture, out var esc) ? esc : defaults.EscalateAfterDays,
            DigestDay = Enum.TryParse<DayOfWeek>(s["DigestDay"], ignoreCase: true, out var day) ? day : defaults.DigestDay,
            JobEnabled = !bool.TryParse(s["JobEnabled"], out var enabled) || enabled,
            JobTime = TimeOnly.TryParse(s["JobTime"], CultureInfo.InvariantCulture, out var at) ? at : defaults.JobTime,
            PollInterval = double.TryParse(s["PollSeconds"], CultureInfo.InvariantCulture, out var poll) ? TimeSpan.FromSeconds(poll) : defaults.PollInterval,
            BatchSize = int.TryParse(s["BatchSize"], CultureInfo.InvariantCulture, out var batch) ? batch : defaults.BatchSize,
            ClaimDuration = double.TryParse(s["ClaimMinutes"], CultureInfo.InvariantCulture, out var claim) ? TimeSpan.FromMinutes(claim) : defaults.ClaimDuration,
            MaxAttempts = int.TryParse(s["MaxAttempts"], CultureInfo.InvariantCulture, out var max) ? max : defaults.MaxAttempts,
        };
    }
}
