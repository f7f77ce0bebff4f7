using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>A real SMTP server on a free loopback port, keeping every message it receives.</summary>
public sealed class SmtpListener : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();

    public SmtpListener()
        : this(FreePort())
    {
    }

    public SmtpListener(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var provider = new ServiceProvider();
        provider.Add(_store);
        var server = new SmtpServer.SmtpServer(options, provider);
        _ = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _store.Messages;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
