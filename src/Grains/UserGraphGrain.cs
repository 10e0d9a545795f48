using Orleans.Concurrency;
using UserGraph.Grains.Interfaces;

namespace UserGraph.Grains;

/// <summary>
/// One user's graph edges, held in memory and persisted as one state row.
/// </summary>
/// <remarks>
/// Reads are <see cref="ReadOnlyAttribute"/> so they interleave with each other and with a write
/// waiting on the database; they see <see cref="_followings"/>, which only ever points at a
/// durable set, because a write swaps it in after the storage acknowledged.
/// </remarks>
public sealed class UserGraphGrain : Grain, IUserGraphGrain
{
    private readonly IPersistentState<UserGraphState> _state;
    private FollowSet _followings = FollowSet.Empty;

    public UserGraphGrain(
        [PersistentState(GraphStorage.UserGraphStateName, GraphStorage.ProviderName)]
        IPersistentState<UserGraphState> state)
    {
        _state = state;
    }

    private long UserId => this.GetPrimaryKeyLong();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _followings = FollowSet.FromSorted(_state.State.Followings);
        return Task.CompletedTask;
    }

    [ReadOnly]
    public Task<ConnectionStatus[]> GetStatusesAsync(long[] userIds)
    {
        var followings = _followings;
        var statuses = new ConnectionStatus[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            if (followings.Contains(userIds[i]))
            {
                statuses[i] = ConnectionStatus.Followed;
            }
        }

        return Task.FromResult(statuses);
    }

    [ReadOnly]
    public Task<bool> IsFollowingAsync(long userId) => Task.FromResult(_followings.Contains(userId));

    public Task<bool> FollowAsync(long userId)
    {
        FollowRules.EnsureCanFollow(UserId, userId);
        return SaveIfChangedAsync(_followings.With(userId));
    }

    public Task<bool> UnfollowAsync(long userId)
    {
        FollowRules.EnsureCanFollow(UserId, userId);
        return SaveIfChangedAsync(_followings.Without(userId));
    }

    public async Task<bool> ToggleFollowAsync(long userId)
    {
        FollowRules.EnsureCanFollow(UserId, userId);
        var following = _followings.Contains(userId);
        await SaveIfChangedAsync(following ? _followings.Without(userId) : _followings.With(userId));
        return !following;
    }

    private async Task<bool> SaveIfChangedAsync(FollowSet next)
    {
        if (ReferenceEquals(next, _followings))
        {
            return false;
        }

        _state.State.Followings = next.ToStorage();
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            await ResynchronizeAfterFailedWriteAsync();
            throw;
        }

        _followings = next;
        return true;
    }

    /// <summary>
    /// A failed write may still have reached the database (a timeout after commit), and leaves
    /// the state's version unknown, so the grain re-reads what is actually stored. If even that
    /// fails it keeps serving the last set it knows was durable and deactivates, so the next
    /// activation loads afresh instead of writing with a stale version.
    /// </summary>
    private async Task ResynchronizeAfterFailedWriteAsync()
    {
        try
        {
            await _state.ReadStateAsync();
            _followings = FollowSet.FromSorted(_state.State.Followings);
        }
        catch
        {
            _state.State.Followings = _followings.ToStorage();
            DeactivateOnIdle();
        }
    }
}
