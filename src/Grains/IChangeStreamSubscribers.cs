namespace UserGraph.Grains;

/// <summary>
/// Which users' change streams have at least one subscriber. A user's grain asks once per
/// activation, before its first publish; the pub-sub storage keeps the answer true, adding a user
/// before its stream's first subscription is stored and removing it after the last one is gone.
/// </summary>
public interface IChangeStreamSubscribers
{
    Task<bool> HasSubscribersAsync(long userId);

    Task AddAsync(long userId);

    /// <returns>Whether the user was listed.</returns>
    Task<bool> RemoveAsync(long userId);
}
