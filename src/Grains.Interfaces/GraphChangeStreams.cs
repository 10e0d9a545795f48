using Orleans.Runtime;

namespace UserGraph.Grains.Interfaces;

/// <summary>
/// Where graph changes are published: stream provider <see cref="ProviderName"/>, namespace
/// <see cref="Namespace"/>, one stream per user keyed by the user id. A user's changes are
/// published only while its stream has a subscriber: every change stored after
/// <c>SubscribeAsync</c> returned is delivered, none from before it is promised.
/// </summary>
/// <example>
/// <code>
/// var stream = this.GetStreamProvider(GraphChangeStreams.ProviderName)
///     .GetStream&lt;GraphChange&gt;(GraphChangeStreams.ForUser(userId));
/// await stream.SubscribeAsync((change, token) => HandleAsync(change));
/// </code>
/// </example>
public static class GraphChangeStreams
{
    /// <summary>The stream provider name the silo registers.</summary>
    public const string ProviderName = "graph-changes";

    /// <summary>The stream namespace of user graph changes.</summary>
    public const string Namespace = "user-graph";

    /// <summary>The stream of one user's graph changes.</summary>
    public static StreamId ForUser(long userId) => StreamId.Create(Namespace, userId);
}
