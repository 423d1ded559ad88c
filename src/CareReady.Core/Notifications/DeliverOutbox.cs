using System.Net.Sockets;
using CareReady.Core.Data;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareReady.Core.Notifications;

public sealed record DeliveryResult(int Claimed, int Sent, int Failed);

/// <summary>
/// Sends one batch of the outbox (docs/decisions/0009-email-outbox.md): claims due messages for a
/// while, sends them one at a time, and records each as sent straight after the server accepted it.
/// When asked to stop it finishes the message in hand, then hands back the rest of its claim.
/// Failures are retried with growing gaps, up to <see cref="NotificationOptions.MaxAttempts"/>.
/// </summary>
public sealed class DeliverOutbox(AppDbContext db, IEmailSender sender, TimeProvider time, EmailOptions email, NotificationOptions options, ILogger<DeliverOutbox> logger)
{
    /// <summary>Gaps after the 1st, 2nd, … failure; the last repeats.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12),
    ];

    /// <param name="stopping">Stop after the message in hand (never in the middle of one).</param>
    public async Task<DeliveryResult> RunBatchAsync(CancellationToken stopping)
    {
        var now = Now();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < options.MaxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(stopping);
        if (due.Count == 0)
        {
            return new DeliveryResult(0, 0, 0);
        }

        // Claim: the condition is checked again row by row inside the UPDATE, so two senders never both hold a message.
        var token = Guid.NewGuid().ToString("N");
        var until = now + options.ClaimDuration;
        await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, token).SetProperty(m => m.ClaimedUntil, until), stopping);
        var claimed = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ClaimedBy == token && m.SentAt == null)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(CancellationToken.None);

        var (sent, failed) = (0, 0);
        try
        {
            foreach (var message in claimed)
            {
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                // Renew the claim on this message; none left means another sender took it after ours lapsed.
                var renewedUntil = Now() + options.ClaimDuration;
                var held = await db.OutboxMessages
                    .Where(m => m.Id == message.Id && m.ClaimedBy == token && m.SentAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, renewedUntil), CancellationToken.None);
                if (held == 0)
                {
                    continue;
                }

                try
                {
                    // Not cancelled by shutdown: the message in hand is finished, and recorded, before the sender stops.
                    await sender.SendAsync(
                        new OutgoingEmail(message.MessageId(email.Domain), message.ToAddress, message.Subject, message.HtmlBody, message.TextBody),
                        CancellationToken.None);
                }
                catch (Exception e) when (IsDeliveryFailure(e))
                {
                    failed++;
                    var attempts = message.Attempts + 1;
                    var error = Describe(e);
                    var next = Now() + Backoff[Math.Min(attempts, Backoff.Count) - 1];
                    await db.OutboxMessages
                        .Where(m => m.Id == message.Id && m.ClaimedBy == token)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Attempts, attempts)
                            .SetProperty(m => m.LastError, error)
                            .SetProperty(m => m.NextAttemptAt, next)
                            .SetProperty(m => m.ClaimedBy, (string?)null)
                            .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                    logger.LogWarning("Outbox message {MessageId} not sent (attempt {Attempt} of {MaxAttempts}): {Error}", message.Id, attempts, options.MaxAttempts, error);
                    continue;
                }

                // Recorded straight away: the only window for a second send is between the server's "250 OK" and this line.
                var sentAt = Now();
                var attemptsSoFar = message.Attempts + 1;
                await db.OutboxMessages
                    .Where(m => m.Id == message.Id)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.SentAt, sentAt)
                        .SetProperty(m => m.Attempts, attemptsSoFar)
                        .SetProperty(m => m.LastError, (string?)null)
                        .SetProperty(m => m.ClaimedBy, (string?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                sent++;
            }
        }
        finally
        {
            // Hand back whatever this batch did not get to, so the next sender (or the next start) takes it at once.
            await db.OutboxMessages
                .Where(m => m.ClaimedBy == token && m.SentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        }

        return new DeliveryResult(claimed.Count, sent, failed);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private static bool IsDeliveryFailure(Exception e) =>
        e is SmtpCommandException or SmtpProtocolException or MailKit.ServiceNotConnectedException or MailKit.ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or IOException or SocketException
            or TimeoutException or OperationCanceledException or FormatException or MimeKit.ParseException or InvalidOperationException;

    /// <summary>What went wrong, without addresses or content (server replies can quote the address).</summary>
    internal static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"SMTP {(int)c.StatusCode} {c.ErrorCode}",
        SocketException s => $"Socket {s.SocketErrorCode}",
        _ => e.GetType().Name,
    };
}
