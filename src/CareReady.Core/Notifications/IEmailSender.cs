namespace CareReady.Core.Notifications;

/// <summary>One email as it goes on the wire; <see cref="MessageId"/> is the same on every attempt.</summary>
public sealed record OutgoingEmail(string MessageId, string To, string Subject, string Html, string Text);

/// <summary>
/// The seam to the mail server. Scoped: an implementation may keep one connection for a batch.
/// Throws when the server did not accept the message.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
