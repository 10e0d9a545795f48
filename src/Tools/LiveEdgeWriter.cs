using UserGraph.Grains.Interfaces;

namespace UserGraph.Tools;

/// <summary>
/// Applies one row through the grains, as the service's own API would, every guarantee kept. Safe
/// to repeat: a row already true changes nothing.
/// </summary>
public sealed class LiveEdgeWriter(IGrainFactory grains)
{
    /// <returns>Why the service refused the row, or <c>null</c> when it holds now.</returns>
    public async Task<string?> ApplyAsync(EdgeRow row)
    {
        var from = grains.GetGrain<IUserGraphGrain>(row.From);
        try
        {
            switch (row.Kind)
            {
                case EdgeKind.Follow:
                    await from.FollowAsync(row.To);
                    break;
                case EdgeKind.Hide:
                    await from.HideAsync(row.To);
                    break;
                case EdgeKind.Block:
                    await from.ChangeBlockAsync(row.To, EdgeChange.Add);
                    break;
                case EdgeKind.ConnectionRequest:
                    if (await from.GetConnectionStatusAsync(row.To) == ConnectionStatus.None)
                    {
                        await from.RequestConnectionAsync(row.To);
                    }

                    break;
                case EdgeKind.Connection:
                    var status = await from.GetConnectionStatusAsync(row.To);
                    if (status == ConnectionStatus.None)
                    {
                        status = await from.RequestConnectionAsync(row.To);
                    }

                    if (status == ConnectionStatus.ConnectionRequestSent)
                    {
                        await grains.GetGrain<IUserGraphGrain>(row.To).AcceptConnectionAsync(row.From);
                    }
                    else if (status == ConnectionStatus.ConnectionRequestReceived)
                    {
                        await from.AcceptConnectionAsync(row.To);
                    }

                    break;
            }

            return null;
        }
        catch (GraphRuleException refused)
        {
            // Blocked, or a connection another writer moved on between the read and the action.
            return refused.Message;
        }
    }
}
