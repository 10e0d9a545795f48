namespace UserGraph.Grains;

/// <summary>What <see cref="MirrorDelivery"/> needs from the grain that owns it.</summary>
public interface IMirrorChannel
{
    /// <summary>
    /// Sends this user's current truth toward <paramref name="peerId"/> to the peer's grain;
    /// completes once the peer stored it, or throws. The truth is read when the call is made.
    /// </summary>
    Task SendAsync(long peerId);

    /// <summary>
    /// Sends this user's current truth toward <paramref name="peerId"/> to be shown to the peer's
    /// readers at once; completes with whether it is shown (not yet stored), or throws.
    /// </summary>
    Task<bool> ShowAsync(long peerId);

    /// <summary>Records in storage that the mirrors of every journal entry up to <paramref name="sequence"/> are delivered.</summary>
    Task AcknowledgeAsync(long sequence);
}
