using System.Net;

namespace UserGraph.Gateway;

/// <summary>
/// Whose token bucket a request draws from: the authenticated user's, or for a request without a
/// valid token its client address's. A value rather than a "user:42" string, so finding the
/// bucket on every request neither builds nor hashes a string.
/// </summary>
internal readonly record struct RateLimitPartitionKey(long UserId, IPAddress? Address)
{
    public static RateLimitPartitionKey ForUser(long userId) => new(userId, null);

    public static RateLimitPartitionKey ForAddress(IPAddress? address) => new(0, address);
}
