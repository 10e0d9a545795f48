using UserGraph.Tools;

namespace UserGraph.UnitTests.Tools;

/// <summary>Where a killed live import resumes.</summary>
public sealed class LiveImportCheckpointTests : IDisposable
{
    private readonly string _input = Path.GetTempFileName();

    public void Dispose()
    {
        File.Delete(_input);
        File.Delete(_input + ".progress");
    }

    [Fact]
    public void A_saved_line_is_where_the_next_run_starts_until_the_input_changes()
    {
        File.WriteAllText(_input, "follow,1,2\nfollow,2,3\n");
        var checkpoint = new LiveImportCheckpoint(_input);
        Assert.Equal(0, checkpoint.Load());

        checkpoint.Save(1);
        Assert.Equal(1, new LiveImportCheckpoint(_input).Load());

        File.AppendAllText(_input, "follow,3,4\n");
        Assert.Equal(0, new LiveImportCheckpoint(_input).Load());

        checkpoint.Save(2);
        checkpoint.Delete();
        Assert.Equal(0, checkpoint.Load());
    }
}
