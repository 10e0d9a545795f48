using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// An owner's truth shown to this user's readers before this user stored it, and the write that
/// retires it once stored: the latest mirror write queued from that owner.
/// </summary>
internal sealed record ShownMirror(PeerEdges Edges, GraphWrite Write);
