using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>Where <see cref="ChangeEventPublisher"/> sends a user's changes: its grain's change stream.</summary>
public interface IChangeEventChannel
{
    /// <summary>Sends the events of one stored entry as one batch.</summary>
    Task SendAsync(IReadOnlyList<GraphChange> changes);
}
