namespace UserGraph.Tools;

/// <summary>What a row of an import or export file says, in the order an export lists them.</summary>
public enum EdgeKind
{
    /// <summary>From follows to (follow mode).</summary>
    Follow,

    /// <summary>From hides to.</summary>
    Hide,

    /// <summary>From blocks to.</summary>
    Block,

    /// <summary>From asked to, and to accepted (connection mode).</summary>
    Connection,

    /// <summary>From asked to, not answered yet (connection mode).</summary>
    ConnectionRequest,
}
