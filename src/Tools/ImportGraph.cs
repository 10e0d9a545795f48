using System.IO.Hashing;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Tools;

/// <summary>
/// The edges of an import file, gathered whole, then handed out user by user in ascending id
/// with both views of every edge: the follows a user makes and the follows made toward them
/// come from the same rows, so the two sides agree by construction.
/// </summary>
/// <remarks>
/// Repeated rows count once. A follow or connection across a block in the same file is rejected,
/// as the service refuses it. Two requests between the same pair, one each way, make a connection,
/// as in the service; a <c>connection</c> row makes one whatever else the file says.
/// </remarks>
public sealed class ImportGraph(CommunityMode mode, DateTime importTime)
{
    private readonly EdgeList _follows = new();
    private readonly EdgeList _hides = new();
    private readonly EdgeList _blocks = new();
    private readonly Dictionary<(long Low, long High), PendingConnection> _connections = [];
    private SortedEdges[]? _sorted;

    /// <summary>Room for about this many follows, so that gathering a large file does not copy its list again and again.</summary>
    public void ExpectFollows(int count) => _follows.EnsureCapacity(count);

    /// <summary>
    /// Follows the file gives across one of its blocks (after <see cref="Complete"/>): rejected, as the
    /// service refuses them. Their lines are not kept while gathering (ten million follows would
    /// carry ten million line numbers for the few that need one); the importer finds them.
    /// </summary>
    public IReadOnlySet<(long From, long To)> FollowsAcrossBlocks { get; private set; } = new HashSet<(long, long)>();

    /// <summary>Rows accepted so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Takes a valid row, or says why the community cannot hold it.</summary>
    public RejectedRow? Add(long lineNumber, EdgeRow row)
    {
        if (EdgeKindNames.RefusedIn(mode, lineNumber, row) is { } refused)
        {
            return refused;
        }

        RowCount++;
        switch (row.Kind)
        {
            case EdgeKind.Follow: _follows.Add(row.From, row.To); break;
            case EdgeKind.Hide: _hides.Add(row.From, row.To); break;
            case EdgeKind.Block: _blocks.Add(row.From, row.To); break;
            default: AddConnection(lineNumber, row); break;
        }

        return null;
    }

    /// <summary>
    /// Ends the gathering: drops what a block in the file severs (connections returned as rejects,
    /// follows in <see cref="FollowsAcrossBlocks"/>) and sorts every list. Call once, before <see cref="Users"/>.
    /// </summary>
    public List<RejectedRow> Complete()
    {
        var rejected = new List<RejectedRow>();
        var blockedPairs = _blocks.Pairs().Select(b => Pair(b.From, b.To)).ToHashSet();
        if (blockedPairs.Count > 0)
        {
            FollowsAcrossBlocks = _follows.RemoveWhere((from, to) => blockedPairs.Contains(Pair(from, to))).ToHashSet();
            foreach (var (pair, connection) in _connections.Where(c => blockedPairs.Contains(c.Key)).ToList())
            {
                rejected.Add(new RejectedRow(connection.Line, "a connection across a block", CsvEdgeRows.Format(connection.Row(pair))));
                _connections.Remove(pair);
            }
        }

        var connections = new EdgeList();
        foreach (var pair in _connections.Keys)
        {
            connections.Add(pair.Low, pair.High);
        }

        // Follows are most of a file; their two sorts run on two cores inside EdgeList.Sort.
        var (followsByFrom, followsByTo) = _follows.Sort();
        var (hidesByFrom, hidesByTo) = _hides.Sort();
        var (blocksByFrom, blocksByTo) = _blocks.Sort();
        var (connectionsByLow, connectionsByHigh) = connections.Sort();
        _sorted = [followsByFrom, followsByTo, hidesByFrom, hidesByTo, blocksByFrom, blocksByTo, connectionsByLow, connectionsByHigh];
        return [.. rejected.OrderBy(r => r.LineNumber)];
    }

    /// <summary>Every user the file mentions, ascending.</summary>
    public IEnumerable<ImportedUser> Users()
    {
        var lists = _sorted ?? throw new InvalidOperationException("Complete the import graph first.");
        var cursors = new int[lists.Length];
        while (true)
        {
            var userId = long.MaxValue;
            for (var i = 0; i < lists.Length; i++)
            {
                if (cursors[i] < lists[i].Length)
                {
                    userId = Math.Min(userId, lists[i].OwnerAt(cursors[i]));
                }
            }

            if (userId == long.MaxValue)
            {
                yield break;
            }

            var others = new long[lists.Length][];
            for (var i = 0; i < lists.Length; i++)
            {
                others[i] = lists[i].Take(ref cursors[i], userId);
            }

            Dictionary<long, ConnectionRecord>? connections = null;
            if (others[6].Length + others[7].Length > 0)
            {
                connections = others[6].Concat(others[7])
                    .ToDictionary(otherId => otherId, otherId => _connections[Pair(userId, otherId)].Record(Pair(userId, otherId)));
            }

            yield return new ImportedUser(userId, others[0], others[1], others[2], others[3], others[4], others[5], connections);
        }
    }

    private void AddConnection(long lineNumber, EdgeRow row)
    {
        var pair = Pair(row.From, row.To);
        var created = row.Created ?? importTime;
        if (!_connections.TryGetValue(pair, out var current))
        {
            _connections[pair] = new PendingConnection(row.From, row.Kind == EdgeKind.Connection, created, lineNumber);
            return;
        }

        // A request answered by a request the other way, or any connection row, connects the pair.
        var connected = current.Connected || row.Kind == EdgeKind.Connection || current.RequesterId != row.From;
        _connections[pair] = current with { Connected = connected, Created = created < current.Created ? created : current.Created };
    }

    private static (long Low, long High) Pair(long a, long b) => a < b ? (a, b) : (b, a);

    private sealed record PendingConnection(long RequesterId, bool Connected, DateTime Created, long Line)
    {
        public ConnectionRecord Record((long Low, long High) pair) => new()
        {
            RequesterId = RequesterId,
            RequestId = RequestIdOf(pair, RequesterId),
            Connected = Connected,
            Created = Created,
        };

        public EdgeRow Row((long Low, long High) pair) =>
            new(Connected ? EdgeKind.Connection : EdgeKind.ConnectionRequest, RequesterId, RequesterId == pair.Low ? pair.High : pair.Low, Created);

        // The same file gives the same ids, so importing it again changes nothing.
        private static long RequestIdOf((long Low, long High) pair, long requesterId)
        {
            Span<long> parts = [pair.Low, pair.High, requesterId];
            var id = (long)(XxHash64.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(parts)) & long.MaxValue);
            return Math.Max(1, id);
        }
    }
}
