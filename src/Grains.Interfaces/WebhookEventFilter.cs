namespace UserGraph.Grains.Interfaces;

/// <summary>Which event types an endpoint's list of patterns (<c>*</c>, <c>noun.*</c>, or exact types) lets through.</summary>
public static class WebhookEventFilter
{
    /// <summary>Whether <paramref name="pattern"/> names at least one event type this service sends.</summary>
    public static bool IsValidPattern(string? pattern) =>
        pattern is not null && GraphChangeNames.EventTypes.Any(type => Matches(pattern, type));

    /// <summary>Whether any of <paramref name="patterns"/> lets <paramref name="eventType"/> through.</summary>
    public static bool Allows(IReadOnlyCollection<string> patterns, string eventType) =>
        patterns.Any(pattern => Matches(pattern, eventType));

    private static bool Matches(string pattern, string eventType) =>
        pattern == "*"
        || pattern == eventType
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && pattern.Length > 2
            && eventType.StartsWith(pattern[..^1], StringComparison.Ordinal));
}
