namespace UserGraph.Grains.Interfaces;

/// <summary>The community's settings, bound from the <c>Community</c> configuration section.</summary>
public sealed class CommunityOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Community";

    /// <summary>Follow or connection mode; <see cref="CommunityMode.Follow"/> unless configured.</summary>
    public CommunityMode Mode { get; set; } = CommunityMode.Follow;
}
