namespace UserGraph.Bench.Harness;

/// <summary>The measured service seen from outside: its resident memory, from /proc.</summary>
public static class ServiceProcess
{
    /// <summary>VmRSS of the process, or 0 once it has exited.</summary>
    public static long RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
