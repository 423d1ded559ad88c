using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CareReady.Web.Tests.Notifications;

/// <summary>One email as the SMTP server received it.</summary>
public sealed record ReceivedEmail(string MessageId, string To, string From, string Subject, string? Html, string? Text, string AutoSubmitted);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, keeping every message it
/// accepts. It can be slowed down (to stop a host mid-batch) or told to refuse messages.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>How long the server takes to accept each message.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Refuse (451, try later) this many messages before accepting any.</summary>
    public int RefuseNext { get; set; }

    public IReadOnlyList<ReceivedEmail> Received => [.. _received];

    /// <summary>Settings that point the app at this server and make the outbox sender look often.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:From"] = "careready@test.example",
        ["Email:LinkBaseUrl"] = "https://careready.test.example",
        ["Notifications:PollSeconds"] = "0.05",
    };

    public static TestSmtpServer Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} messages, received {_received.Count}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Delay > TimeSpan.Zero)
            {
                await Task.Delay(owner.Delay, CancellationToken.None);
            }

            lock (owner._received)
            {
                if (owner.RefuseNext > 0)
                {
                    owner.RefuseNext--;
                    return new SmtpResponse((SmtpReplyCode)451, "try again later");
                }
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, CancellationToken.None);
            foreach (var to in transaction.To)
            {
                owner._received.Enqueue(new ReceivedEmail(message.MessageId ?? "", to.User + "@" + to.Host, message.From.Mailboxes.First().Address,
                    message.Subject ?? "", message.HtmlBody, message.TextBody, message.Headers["Auto-Submitted"] ?? ""));
            }

            return SmtpResponse.Ok;
        }
    }
}
