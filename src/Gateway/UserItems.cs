namespace UserGraph.Gateway;

/// <summary>Turns a page of ids into list items: statuses from the caller's grain, counters from each user's.</summary>
internal static class UserItems
{
    public static async Task<UserItem[]> DescribeAsync(IGrainFactory grains, long callerId, long[] userIds)
    {
        if (userIds.Length == 0)
        {
            return [];
        }

        var statuses = grains.UserGraph(callerId).GetStatusesAsync(userIds);
        var counters = await Task.WhenAll(userIds.Select(id => grains.UserGraph(id).GetCountersAsync()));
        var snapshot = await statuses;

        var items = new UserItem[userIds.Length];
        for (var i = 0; i < userIds.Length; i++)
        {
            items[i] = new UserItem(
                userIds[i],
                ConnectionStatusNames.ToApiValue(snapshot.Statuses[i]),
                counters[i].Followers,
                counters[i].Followings);
        }

        return items;
    }

    public static async Task<PageAnswer<UserItem>> PageAsync(
        IGrainFactory grains, HttpRequest request, long callerId, PageRequest page, UserIdPage ids) =>
        new(
            ids.TotalCount,
            page.NextLink(request, ids.TotalCount),
            page.PreviousLink(request),
            await DescribeAsync(grains, callerId, ids.UserIds));
}
