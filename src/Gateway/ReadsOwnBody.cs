namespace UserGraph.Gateway;

/// <summary>Endpoint metadata: the endpoint reads and limits its body itself, <see cref="BodyLimitFilter"/> leaves it alone.</summary>
internal sealed class ReadsOwnBody
{
    public static readonly ReadsOwnBody Instance = new();
}
