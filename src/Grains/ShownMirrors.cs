using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// What a user's readers see: the user's durable view plus the mirrors shown before the user
/// stored them (each the owner's truth, already durable in the owner's journal), and the rule that
/// equal versions shown mean equal content.
/// </summary>
/// <remarks>
/// A mirror is shown only when it leaves the user's own facts alone, and never a block: a block
/// severs the user's own facts toward its owner, and whether it does depends on writes still
/// queued (a follow of the blocker queued before it is dropped when both are stored), which the
/// shown view does not hold yet; shown, it could be taken back. Runs on the grain's scheduler.
/// </remarks>
public sealed class ShownMirrors(UserGraphState initial)
{
    // By owner; allocated by the first mirror shown.
    private Dictionary<long, ShownMirror>? _shown;

    /// <summary>The view readers see. Its version only ever rises.</summary>
    public UserGraphState View { get; private set; } = initial;

    /// <summary>Whether any mirror is shown that is not yet stored.</summary>
    public bool Any => _shown is { Count: > 0 };

    /// <summary>
    /// Shows <paramref name="ownerId"/>'s truth, queued to be stored by <paramref name="write"/>,
    /// unless it is a block or would change the user's own facts.
    /// </summary>
    /// <returns>Whether readers see it now.</returns>
    public bool Show(long ownerId, PeerEdges edges, GraphWrite write)
    {
        var after = View.WithEdgesFrom(ownerId, edges);
        if (!edges.Owned.HasFlag(EdgeKinds.Blocks) && LeavesOwnFactsAlone(View, after, ownerId))
        {
            (_shown ??= [])[ownerId] = new ShownMirror(edges, write);
            Present(after, durable: null);
            return true;
        }

        if (_shown is not null && _shown.TryGetValue(ownerId, out var earlier))
        {
            // The earlier truth stays shown until this one is stored, which then retires it.
            _shown[ownerId] = earlier with { Write = write };
        }

        return false;
    }

    /// <summary>
    /// The durable view is now <paramref name="durable"/>, after <paramref name="stored"/>: retires
    /// the mirrors those writes stored and shows the others on top of it, each while it still
    /// leaves the user's own facts alone there.
    /// </summary>
    /// <returns>
    /// The durable view to keep: <paramref name="durable"/>; when it is what readers see, it at a
    /// raised version, or <see cref="View"/> itself when readers already saw just that.
    /// </returns>
    public UserGraphState Rebase(UserGraphState durable, IReadOnlyCollection<GraphWrite> stored)
    {
        Retire(stored);
        var visible = Over(durable);
        // A mirror readers saw is now stored, or a write changed nothing they see: the version
        // stays, so a client's ETag stays valid (and a sender cannot tell a rejection happened).
        return ShowsTheSame(visible, stored) ? Kept(visible, durable) : Present(visible, durable) ?? durable;
    }

    /// <summary>
    /// The durable view is now <paramref name="durable"/>, as storage was read again after a failed
    /// write: shows it with the mirrors still to be stored, at the version readers have when that is
    /// exactly what they see (a write that failed before reaching storage changed nothing).
    /// </summary>
    /// <returns>The durable view to keep, as <see cref="Rebase"/> returns it.</returns>
    public UserGraphState Reloaded(UserGraphState durable)
    {
        var visible = Over(durable);
        return visible.HasSameContentAs(View) ? Kept(visible, durable) : Present(visible, durable) ?? durable;
    }

    /// <summary>
    /// Nothing shown before an erasure may outlive it: not the erased user's truth, and after the
    /// user's own erasure, nobody's.
    /// </summary>
    public void Forget(StoredWrite erasure)
    {
        if (erasure.IsOwnErasure)
        {
            _shown?.Clear();
            return;
        }

        foreach (var ownerId in erasure.Write.Peers)
        {
            _shown?.Remove(ownerId);
        }
    }

    /// <summary>
    /// Drops the shown mirrors that <paramref name="stored"/> stored: a shown mirror is retired by
    /// its owner's latest queued write, one of whose peers is that owner. Looked up by each stored
    /// write's peers, so a batch costs its own size, not that times the mirrors shown.
    /// </summary>
    private void Retire(IReadOnlyCollection<GraphWrite> stored)
    {
        if (_shown is not { Count: > 0 })
        {
            return;
        }

        foreach (var write in stored)
        {
            foreach (var ownerId in write.Peers)
            {
                if (_shown.TryGetValue(ownerId, out var mirror) && ReferenceEquals(mirror.Write, write))
                {
                    _shown.Remove(ownerId);
                }
            }
        }
    }

    /// <summary><paramref name="durable"/> with the shown mirrors on top, each while it still leaves the user's own facts alone there.</summary>
    private UserGraphState Over(UserGraphState durable)
    {
        var visible = durable;
        if (_shown is null)
        {
            return visible;
        }

        foreach (var (ownerId, mirror) in _shown)
        {
            var next = visible.WithEdgesFrom(ownerId, mirror.Edges);
            if (LeavesOwnFactsAlone(visible, next, ownerId))
            {
                visible = next;
            }
        }

        return visible;
    }

    /// <summary>Readers keep <see cref="View"/>, which says what <paramref name="visible"/> says.</summary>
    /// <returns>The durable view to keep: <see cref="View"/> itself when nothing is shown on top of <paramref name="durable"/>.</returns>
    private UserGraphState Kept(UserGraphState visible, UserGraphState durable) =>
        ReferenceEquals(visible, durable) ? View : durable;

    /// <summary>
    /// Shows <paramref name="view"/>, at a version above every one shown before when it would
    /// otherwise not be (a shown mirror stored or dropped, an activation's first view): the
    /// content behind an equal version shown earlier may differ.
    /// </summary>
    /// <returns>The durable view raised so, when <paramref name="view"/> was it; otherwise null.</returns>
    private UserGraphState? Present(UserGraphState view, UserGraphState? durable)
    {
        if (ReferenceEquals(view, View))
        {
            return null;
        }

        var isDurable = ReferenceEquals(view, durable);
        if (view.Version <= View.Version)
        {
            view = view with { Version = View.Version + 1 };
        }

        View = view;
        return isDurable ? view : null;
    }

    /// <summary>
    /// Whether <paramref name="visible"/> says what readers see now. Both views are the same durable
    /// view and shown mirrors but for the peers of <paramref name="stored"/> (whose writes moved
    /// the durable view), so only those are compared; a view rebuilt for any other reason (an
    /// activation, a reload, the user's own erasure) is taken as new.
    /// </summary>
    private bool ShowsTheSame(UserGraphState visible, IReadOnlyCollection<GraphWrite> stored)
    {
        if (stored.Count == 0 || visible.EdgeCount != View.EdgeCount)
        {
            return false;
        }

        foreach (var write in stored)
        {
            if (write.IsOwnErasure)
            {
                return false;
            }

            foreach (var peer in write.Peers)
            {
                if (!visible.FactsAbout(peer).Equals(View.FactsAbout(peer)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool LeavesOwnFactsAlone(UserGraphState before, UserGraphState after, long ownerId) =>
        ReferenceEquals(before, after) || before.EdgesToward(ownerId).Equals(after.EdgesToward(ownerId));
}
