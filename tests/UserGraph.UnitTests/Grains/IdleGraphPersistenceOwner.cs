using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>An owner of a <see cref="GraphPersistence"/> with nothing to deliver, that ignores what is stored.</summary>
internal sealed class IdleGraphPersistenceOwner : IGraphPersistenceOwner
{
    public MirrorOutbox Outbox => MirrorOutbox.Empty;

    public Task OnStoredAsync(IReadOnlyList<StoredWrite> writes, IReadOnlyList<GraphChange> changes, long sequence) => Task.CompletedTask;

    public void OnReloaded(RecoveredGraph recovered)
    {
    }

    public void OnBroken()
    {
    }
}
