using System.Collections.Immutable;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One user's connection records, keyed by the other user: the authoritative ones for pairs
/// where this user has the lower id, projections of the other user's for the rest.
/// </summary>
public sealed class ConnectionBook
{
    public static readonly ConnectionBook Empty = new(ImmutableDictionary<long, ConnectionRecord>.Empty);

    private readonly ImmutableDictionary<long, ConnectionRecord> _records;

    private ConnectionBook(ImmutableDictionary<long, ConnectionRecord> records) => _records = records;

    public int Count => _records.Count;

    public IEnumerable<long> OtherIds => _records.Keys;

    public ConnectionRecord? Get(long otherId) => _records.GetValueOrDefault(otherId);

    /// <summary>Whether both books hold equal records for the same users.</summary>
    public bool RecordsEqual(ConnectionBook other) =>
        ReferenceEquals(this, other)
        || (Count == other.Count && _records.All(pair => Equals(pair.Value, other.Get(pair.Key))));

    /// <summary>The book with the record set (or removed for <c>null</c>); this book when unchanged.</summary>
    public ConnectionBook With(long otherId, ConnectionRecord? record)
    {
        var current = Get(otherId);
        if (Equals(current, record))
        {
            return this;
        }

        return new ConnectionBook(record is null ? _records.Remove(otherId) : _records.SetItem(otherId, record));
    }

    public static ConnectionBook FromStorage(Dictionary<long, ConnectionRecord>? records) =>
        records is null || records.Count == 0 ? Empty : new ConnectionBook(records.ToImmutableDictionary());

    public Dictionary<long, ConnectionRecord>? ToStorage() => _records.IsEmpty ? null : new Dictionary<long, ConnectionRecord>(_records);

    public (int Connections, int Sent, int Received) Counts(long ownerId)
    {
        int connections = 0, sent = 0, received = 0;
        foreach (var (_, record) in _records)
        {
            switch (ConnectionStateMachine.StatusFor(record, ownerId))
            {
                case ConnectionStatus.Connected: connections++; break;
                case ConnectionStatus.ConnectionRequestSent: sent++; break;
                case ConnectionStatus.ConnectionRequestReceived: received++; break;
            }
        }

        return (connections, sent, received);
    }

    public UserIdPage ConnectionsPage(int offset, int limit)
    {
        var ids = _records.Where(r => r.Value.Connected).Select(r => r.Key).Order().ToArray();
        return new UserIdPage(ids.Length, [.. ids.Skip(offset).Take(limit)]);
    }

    /// <summary>
    /// Pending requests to (<paramref name="sent"/> false) or from the owner, newest first. Received
    /// requests the owner rejected are left out; sent ones are listed without the rejection, which
    /// the sender is not told.
    /// </summary>
    public ConnectionRequestPage RequestsPage(long ownerId, bool sent, int offset, int limit)
    {
        var requests = _records
            .Where(r => !r.Value.Connected
                        && (sent ? r.Value.RequesterId == ownerId : r.Value.RequesterId != ownerId && r.Value.Rejected is null))
            .Select(r => new ConnectionRequestInfo(
                r.Value.RequestId,
                r.Value.RequesterId,
                r.Value.RequesterId == ownerId ? r.Key : ownerId,
                r.Value.Created,
                null,
                r.Value.Viewed))
            .OrderByDescending(r => r.Created)
            .ThenBy(r => r.RequestId)
            .ToArray();
        return new ConnectionRequestPage(requests.Length, [.. requests.Skip(offset).Take(limit)]);
    }
}
