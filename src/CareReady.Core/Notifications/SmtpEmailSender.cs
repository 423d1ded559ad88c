using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CareReady.Core.Notifications;

/// <summary>
/// Sends over SMTP with MailKit, keeping one connection for the scope (a batch of the outbox).
/// After any failure the connection is dropped and the next message opens a new one.
/// </summary>
public sealed class SmtpEmailSender(EmailOptions options, TimeProvider time) : IEmailSender, IAsyncDisposable
{
    private SmtpClient? _client;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Subject = email.Subject,
            Date = time.GetUtcNow(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        // RFC 3834: automatic mail; out-of-office replies should not answer it.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();

        try
        {
            var client = await ConnectAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            await DropAsync();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        await DropAsync();
        var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            var security = options.Security switch
            {
                EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                EmailSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Email:Host is not set."), options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return client;
    }

    private async Task DropAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // Closing a broken connection: nothing to do.
        }

        _client.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync() => await DropAsync();
}
