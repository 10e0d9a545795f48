namespace UserGraph.Gateway;

/// <summary>The community's settings, bound from the <c>Community</c> configuration section.</summary>
public sealed class CommunityOptions
{
    public const string SectionName = "Community";

    public CommunityMode Mode { get; set; } = CommunityMode.Follow;
}
