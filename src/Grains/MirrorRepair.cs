namespace UserGraph.Grains;

/// <summary>
/// Repair of one user's mirrors (after restoring a backup, or a bug): reads the truth from every
/// possible owner and sets the mirrors to it, as one stored write.
/// </summary>
/// <remarks>
/// A mirror stored while the truth is being read is newer than what was read, so the repair
/// leaves that owner as the mirror set it. Runs on the grain's scheduler, like the grain's code.
/// </remarks>
public sealed class MirrorRepair
{
    private HashSet<long>? _mirroredDuringRead;
    private int _running;

    /// <summary>A mirror from <paramref name="ownerId"/> arrived (the grain calls this before storing it).</summary>
    public void NoteMirror(long ownerId) => _mirroredDuringRead?.Add(ownerId);

    /// <returns>How many owners' facts corrected the mirrors.</returns>
    public async Task<int> RunAsync(GraphPersistence persistence, long[] owners, Func<long, Task<PeerEdges>> readTruth)
    {
        var mirrored = _mirroredDuringRead ??= [];
        _running++;
        try
        {
            var truths = new List<(long Owner, PeerEdges Edges)>(owners.Length);
            foreach (var chunk in owners.Chunk(64))
            {
                truths.AddRange(chunk.Zip(await Task.WhenAll(chunk.Select(readTruth))));
            }

            var corrected = 0;
            await persistence.WriteAsync(new GraphWrite(GraphWriteKind.Mirror, owners, view =>
            {
                foreach (var (owner, edges) in truths.Where(truth => !mirrored.Contains(truth.Owner)))
                {
                    var next = view.WithEdgesFrom(owner, edges);
                    corrected += ReferenceEquals(next, view) ? 0 : 1;
                    view = next;
                }

                return view;
            }));
            return corrected;
        }
        finally
        {
            if (--_running == 0)
            {
                _mirroredDuringRead = null;
            }
        }
    }
}
