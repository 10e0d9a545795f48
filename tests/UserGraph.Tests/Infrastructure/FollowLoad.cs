using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A steady write load as clients make it: each worker follows fresh users one after another and
/// never unfollows, so every follow that was acknowledged must still be there afterwards.
/// </summary>
public sealed class FollowLoad
{
    private readonly ConcurrentQueue<Answer> _answers = new();
    private readonly Stopwatch _clock;
    private readonly Task _run;

    private FollowLoad(Func<long, HttpClient> clientFor, IReadOnlyList<long> workers, TimeSpan pause, Stopwatch clock, CancellationToken stop)
    {
        _clock = clock;
        _run = Task.WhenAll(workers.Select(worker => Task.Run(() => WorkAsync(clientFor(worker), worker, pause, stop))));
    }

    /// <summary>One answer: who followed whom, how the service answered, when (on the test's clock) and after how long.</summary>
    public sealed record Answer(long Follower, long Followee, HttpStatusCode Status, bool HasRetryAfter, TimeSpan At, TimeSpan Took)
    {
        public bool Acknowledged => (int)Status is >= 200 and < 300;
    }

    public IReadOnlyCollection<Answer> Answers => _answers;

    public static FollowLoad Start(Func<long, HttpClient> clientFor, IReadOnlyList<long> workers, TimeSpan pause, Stopwatch clock, CancellationToken stop) =>
        new(clientFor, workers, pause, clock, stop);

    /// <summary>Waits for every worker to finish its request in flight after <c>stop</c>.</summary>
    public Task Completion => _run;

    private async Task WorkAsync(HttpClient client, long worker, TimeSpan pause, CancellationToken stop)
    {
        using (client)
        {
            while (!stop.IsCancellationRequested)
            {
                var followee = TestUsers.NewId();
                var sent = _clock.Elapsed;
                using var answer = await client.PutAsync($"/api/v2/user/{followee}/follow/", null, CancellationToken.None);
                _answers.Enqueue(new Answer(worker, followee, answer.StatusCode, answer.Headers.RetryAfter is not null, _clock.Elapsed, _clock.Elapsed - sent));
                try
                {
                    await Task.Delay(pause, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
