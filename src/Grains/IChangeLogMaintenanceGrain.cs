namespace UserGraph.Grains;

/// <summary>The cluster's one keeper of the change log's partitions (key 0), driven by a durable reminder.</summary>
[Alias("UserGraph.IChangeLogMaintenanceGrain")]
public interface IChangeLogMaintenanceGrain : IGrainWithIntegerKey
{
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();
}
