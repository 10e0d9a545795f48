using System.Net;
using System.Net.Sockets;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A slow network in front of a server: every chunk a client sends is held for <c>delay</c>
/// before it is passed on, in order, so every statement takes at least that much longer. Counts
/// the connections open through it.
/// </summary>
public sealed class DelayingTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly TimeSpan _delay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _open;
    private int _peak;

    public DelayingTcpProxy(int targetPort, TimeSpan delay)
    {
        _targetPort = targetPort;
        _delay = delay;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The most connections that were open through the proxy at once.</summary>
    public int PeakConnections => Volatile.Read(ref _peak);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var open = Interlocked.Increment(ref _open);
        InterlockedMax(ref _peak, open);
        try
        {
            using (client)
            using (var server = new TcpClient())
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var upstream = PumpAsync(client.GetStream(), server.GetStream(), _delay, done.Token);
                var downstream = PumpAsync(server.GetStream(), client.GetStream(), TimeSpan.Zero, done.Token);
                await Task.WhenAny(upstream, downstream);
                await done.CancelAsync();
            }
        }
        catch (Exception)
        {
            // Either side closing ends the relay; nothing to report.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private static async Task PumpAsync(NetworkStream from, NetworkStream to, TimeSpan delay, CancellationToken cancel)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancel)) > 0)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, cancel);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancel);
            }
        }
        catch (Exception)
        {
            // A closed or cancelled side ends this direction.
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
