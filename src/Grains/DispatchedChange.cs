using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>A change read for dispatch, with its place in the dispatch order.</summary>
public sealed record DispatchedChange(DispatchCursor Cursor, LoggedChange Logged);
