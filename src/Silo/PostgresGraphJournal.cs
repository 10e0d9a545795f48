using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Silo;

/// <summary>
/// <see cref="IGraphJournal"/> on PostgreSQL. Appends from all the silo's grains are gathered
/// into one multi-row statement while the previous one is in flight (group commit): under load
/// a round trip and a commit carry many follows, and alone a follow waits for nothing.
/// </summary>
internal sealed class PostgresGraphJournal : IGraphJournal, IAsyncDisposable
{
    private const int MaxAppendsPerStatement = 256;
    // Statements in flight at once. Fewer means fuller statements and fewer commits, each of which
    // waits for a WAL flush: at 100,000 users, 32 connections (bench/run.sh --only follow), 4
    // writers stored 3,365-3,593 follows/s where 12 stored 1,842-1,986, with less database CPU.
    private const int AppendWriters = 4;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly Serializer _serializer;
    private const int MaxAcknowledgementsPerStatement = 1024;
    // Taken one statement at a time as they came, acknowledgements were 30% of the journal's
    // statements in a soak (bench/soak.sh --small, one minute), each planned afresh and each a commit waiting for its
    // WAL flush next to the appends that writes wait for. Nobody waits for them but the sweeper, a
    // minute later.
    private static readonly TimeSpan AcknowledgementGathering = TimeSpan.FromMilliseconds(50);

    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>();
    private readonly Channel<PendingAcknowledgement> _acknowledgements = Channel.CreateUnbounded<PendingAcknowledgement>();
    private readonly Task[] _writers;
    private readonly Task _acknowledger;

    private readonly GraphJournalMetrics _metrics;

    public PostgresGraphJournal(IOptions<GraphDatabaseOptions> database, IOptions<ClusterOptions> cluster, Serializer serializer, GraphJournalMetrics metrics)
    {
        _metrics = metrics;
        // The journal never changes session state (the acknowledgements' synchronous_commit is
        // local to their transaction), so a pooled connection need not be reset (DISCARD ALL) every
        // time it is handed out again. Its statements are prepared like every pool's
        // (GraphDatabaseOptions), and PostgreSQL chooses per connection between planning the append
        // for each call and a generic plan; forcing the generic plan made an append of about ten
        // entries take 5.7 ms (bench/RESULTS.md). Its pool is its share of the process's
        // connection budget (GraphDatabaseOptions).
        _dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.Value.JournalConnectionString) { NoResetOnClose = true }.ConnectionString);
        _serviceId = cluster.Value.ServiceId;
        _serializer = serializer;
        _writers = [.. Enumerable.Range(0, AppendWriters).Select(_ => Task.Run(WriteAppendsAsync))];
        _acknowledger = Task.Run(WriteAcknowledgementsAsync);
    }

    public async Task<IReadOnlyList<JournalRecord>> ReadAfterAsync(long userId, long afterSequence)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT seq, pending, entry FROM graph_journal
            WHERE service_id = $1 AND user_id = $2 AND seq > $3
            ORDER BY seq
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        var records = new List<JournalRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var entry = _serializer.Deserialize<GraphJournalEntry>(reader.GetFieldValue<byte[]>(2))
                ?? throw new InvalidDataException($"Journal entry {reader.GetInt64(0)} of user {userId} is empty.");
            records.Add(new JournalRecord(reader.GetInt64(0), reader.GetBoolean(1), entry));
        }

        return records;
    }

    public Task<long[]> AppendAsync(long userId, long sequence, GraphJournalEntry entry, bool deliveryPending, IReadOnlyList<GraphChange> changes)
    {
        var append = new PendingAppend(userId, sequence, deliveryPending, _serializer.SerializeToArray(entry), changes, Stopwatch.GetTimestamp());
        return _appends.Writer.TryWrite(append)
            ? append.Stored.Task
            : Task.FromException<long[]>(new ObjectDisposedException(nameof(PostgresGraphJournal)));
    }

    /// <remarks>
    /// The rows are locked in the order of their sequence before they are deleted, the order an
    /// acknowledgement locks them in (see <see cref="StoreAcknowledgementsAsync"/>): a compaction
    /// and an acknowledgement of the same user's entries then queue one behind the other instead
    /// of deadlocking.
    /// </remarks>
    public async Task DeleteBeforeAsync(long userId, long sequence, long deliveredThrough, long erasedChangesBefore = 0)
    {
        await using var command = _dataSource.CreateCommand(
            """
            WITH erased AS (
                DELETE FROM graph_changes WHERE service_id = $1 AND user_id = $2 AND position < $5
            ), folded AS (
                SELECT seq FROM graph_journal
                WHERE service_id = $1 AND user_id = $2 AND seq < $3 AND (NOT pending OR seq <= $4)
                ORDER BY seq
                FOR UPDATE
            )
            DELETE FROM graph_journal j USING folded f
            WHERE j.service_id = $1 AND j.user_id = $2 AND j.seq = f.seq
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = deliveredThrough });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = erasedChangesBefore });
        await command.ExecuteNonQueryAsync();
    }

    /// <remarks>
    /// Every stored mirror ends in an acknowledgement, as many as there are follows: they are
    /// gathered from all the silo's grains into one statement at a time, one commit for hundreds
    /// (one commit each made follows twice as dear for the database). Nobody waits on them but
    /// the sweeper, a minute later.
    /// </remarks>
    public Task AcknowledgeDeliveriesAsync(long userId, long sequence, long snapshotSequence)
    {
        var acknowledgement = new PendingAcknowledgement(userId, sequence, snapshotSequence);
        return _acknowledgements.Writer.TryWrite(acknowledgement)
            ? acknowledgement.Stored.Task
            : Task.FromException(new ObjectDisposedException(nameof(PostgresGraphJournal)));
    }

    public async Task<long[]> FindPendingDeliveriesAsync(TimeSpan age, int limit)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT DISTINCT user_id FROM graph_journal
            WHERE service_id = $1 AND pending AND written_on < now() - $2
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = age });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var users = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            users.Add(reader.GetInt64(0));
        }

        return [.. users];
    }

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        _acknowledgements.Writer.TryComplete();
        await Task.WhenAll(_writers);
        await _acknowledger;
        await _dataSource.DisposeAsync();
    }

    private async Task WriteAppendsAsync()
    {
        var batch = new List<PendingAppend>(MaxAppendsPerStatement);
        var users = new HashSet<long>();
        PendingAppend? carried = null;
        while (carried is not null || await _appends.Reader.WaitToReadAsync())
        {
            batch.Clear();
            users.Clear();
            if (carried is not null)
            {
                batch.Add(carried);
                users.Add(carried.UserId);
                carried = null;
            }

            // One row per user in a statement: two activations of one user (split brain) must
            // each learn whether their own row was stored.
            while (batch.Count < MaxAppendsPerStatement && _appends.Reader.TryRead(out var append))
            {
                if (!users.Add(append.UserId))
                {
                    carried = append;
                    break;
                }

                batch.Add(append);
            }

            // Every writer wakes for a new append and only one gets it: the others go back to waiting
            // rather than send an empty statement (they used to, a round trip each).
            if (batch.Count > 0)
            {
                await StoreAsync(batch);
            }
        }
    }

    private async Task WriteAcknowledgementsAsync()
    {
        var batch = new List<PendingAcknowledgement>(MaxAcknowledgementsPerStatement);
        while (await _acknowledgements.Reader.WaitToReadAsync())
        {
            if (_acknowledgements.Reader.Count < MaxAcknowledgementsPerStatement)
            {
                await Task.Delay(AcknowledgementGathering);
            }

            batch.Clear();
            while (batch.Count < MaxAcknowledgementsPerStatement && _acknowledgements.Reader.TryRead(out var acknowledgement))
            {
                batch.Add(acknowledgement);
            }

            await StoreAcknowledgementsAsync(batch);
        }
    }

    /// <summary>
    /// Clears the pending marks of the entries each user's mirrors are delivered through, and
    /// deletes those of them that compaction only kept for their marks (before the snapshot).
    /// </summary>
    /// <remarks>
    /// Every row is locked first, in the order of user and sequence. Written as a delete and an
    /// update of their own, PostgreSQL ran the update first (a data-modifying WITH runs after the
    /// main statement) and so took the newer rows before the older ones, the reverse of a
    /// compaction's order: a compaction racing the acknowledgement deadlocked with it, and when
    /// the acknowledgement was the victim, every user in its batch was left marked for the sweeper.
    /// </remarks>
    private async Task StoreAcknowledgementsAsync(List<PendingAcknowledgement> batch)
    {
        try
        {
            // One row per user: the furthest acknowledgement and the newest snapshot cover the others.
            var latest = batch.GroupBy(a => a.UserId)
                .Select(g => (UserId: g.Key, Sequence: g.Max(a => a.Sequence), SnapshotSequence: g.Max(a => a.SnapshotSequence)))
                .ToArray();
            // Committed without waiting for its WAL flush: an acknowledgement a crash loses leaves
            // its entries marked, and the sweeper delivers their mirrors again (the same truth, so
            // nothing changes). PostgreSQL loses only the newest commits, never one before a
            // durable one, so no durable write can rest on a lost acknowledgement. The setting
            // holds for the batch's own transaction, which ends with it.
            await using var statements = _dataSource.CreateBatch();
            statements.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('synchronous_commit', 'off', true)"));
            var command = new NpgsqlBatchCommand(
                """
                WITH acknowledged AS (
                    SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS a (user_id, through, snapshot_seq)
                ), covered AS (
                    SELECT j.user_id, j.seq, j.seq < a.snapshot_seq AS folded
                    FROM graph_journal j JOIN acknowledged a ON j.user_id = a.user_id
                    WHERE j.service_id = $1 AND j.seq <= a.through AND (j.seq < a.snapshot_seq OR j.pending)
                    ORDER BY j.user_id, j.seq
                    FOR UPDATE OF j
                ), deleted AS (
                    DELETE FROM graph_journal j USING covered c
                    WHERE j.service_id = $1 AND j.user_id = c.user_id AND j.seq = c.seq AND c.folded
                )
                UPDATE graph_journal j SET pending = false
                FROM covered c
                WHERE j.service_id = $1 AND j.user_id = c.user_id AND j.seq = c.seq AND NOT c.folded
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. latest.Select(a => a.UserId)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. latest.Select(a => a.Sequence)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. latest.Select(a => a.SnapshotSequence)] });
            statements.BatchCommands.Add(command);
            await statements.ExecuteNonQueryAsync();
            foreach (var acknowledgement in batch)
            {
                acknowledgement.Stored.TrySetResult();
            }
        }
        catch (Exception exception)
        {
            foreach (var acknowledgement in batch)
            {
                acknowledgement.Stored.TrySetException(exception);
            }
        }
    }

    /// <remarks>
    /// <para>
    /// The staleness check is a correlated max() per row on purpose: written as NOT EXISTS, the
    /// planner turned it into an anti-join over every journal row of the service, which made
    /// appends several times dearer as the journal grew (measured with bench/run.sh).
    /// </para>
    /// <para>
    /// The change log rows go in the same statement, for the users whose entry was stored, so a
    /// change is logged exactly when it is stored. Their positions come back in insertion order
    /// within each user, which is the order of the user's changes.
    /// </para>
    /// </remarks>
    private async Task StoreAsync(List<PendingAppend> batch)
    {
        try
        {
            await using var command = _dataSource.CreateCommand(
                """
                WITH stored AS (
                    INSERT INTO graph_journal (service_id, user_id, seq, pending, entry)
                    SELECT $1, a.user_id, a.seq, a.pending, a.entry
                    FROM unnest($2, $3, $4, $5) AS a (user_id, seq, pending, entry)
                    WHERE COALESCE(
                        (SELECT max(j.seq) FROM graph_journal j WHERE j.service_id = $1 AND j.user_id = a.user_id), 0) < a.seq
                    ON CONFLICT DO NOTHING
                    RETURNING user_id
                ), logged AS (
                    INSERT INTO graph_changes (service_id, user_id, other_user_id, kind, connection, version)
                    SELECT $1, c.user_id, c.other_user_id, c.kind, c.connection, c.version
                    FROM unnest($6::bigint[], $7::bigint[], $8::smallint[], $9::smallint[], $10::bigint[])
                        WITH ORDINALITY AS c (user_id, other_user_id, kind, connection, version, n)
                    WHERE c.user_id IN (SELECT user_id FROM stored)
                    ORDER BY c.n
                    RETURNING user_id, position
                )
                SELECT user_id, NULL::bigint FROM stored
                UNION ALL
                SELECT user_id, position FROM logged
                """);
            var changes = batch.SelectMany(a => a.Changes).ToArray();
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(a => a.UserId)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. batch.Select(a => a.Sequence)] });
            command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. batch.Select(a => a.DeliveryPending)] });
            command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. batch.Select(a => a.Entry)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. changes.Select(c => c.UserId)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. changes.Select(c => c.OtherUserId)] });
            command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. changes.Select(c => (short)c.Kind)] });
            command.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = [.. changes.Select(c => (short)c.Connection)] });
            command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. changes.Select(c => c.GraphVersion)] });
            var stored = new HashSet<long>();
            var positions = new Dictionary<long, List<long>>();
            var startedAt = Stopwatch.GetTimestamp();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var user = reader.GetInt64(0);
                    if (reader.IsDBNull(1))
                    {
                        stored.Add(user);
                    }
                    else
                    {
                        (positions.TryGetValue(user, out var list) ? list : positions[user] = []).Add(reader.GetInt64(1));
                    }
                }
            }

            _metrics.StatementCompleted(startedAt, batch.Count);
            foreach (var append in batch)
            {
                if (stored.Contains(append.UserId))
                {
                    append.Stored.TrySetResult(positions.TryGetValue(append.UserId, out var list) ? [.. list.Order()] : []);
                }
                else
                {
                    append.Stored.TrySetException(new InconsistentStateException(
                        $"Journal entry {append.Sequence} of user {append.UserId} already exists or was superseded: this activation is stale."));
                }
            }
        }
        catch (Exception exception)
        {
            foreach (var append in batch)
            {
                append.Stored.TrySetException(exception);
            }
        }

        foreach (var append in batch)
        {
            _metrics.AppendCompleted(append.HandedOverAt);
        }
    }

    private sealed record PendingAcknowledgement(long UserId, long Sequence, long SnapshotSequence)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record PendingAppend(long UserId, long Sequence, bool DeliveryPending, byte[] Entry, IReadOnlyList<GraphChange> Changes, long HandedOverAt)
    {
        public TaskCompletionSource<long[]> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
