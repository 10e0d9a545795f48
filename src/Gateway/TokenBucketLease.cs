using System.Threading.RateLimiting;

namespace UserGraph.Gateway;

/// <summary>The answer of <see cref="CallerRateLimiter"/>: granted, or refused with how long to wait.</summary>
internal sealed class TokenBucketLease : RateLimitLease
{
    public static readonly TokenBucketLease Granted = new(true, TimeSpan.Zero);

    private static readonly string[] RefusedMetadata = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan _retryAfter;

    private TokenBucketLease(bool acquired, TimeSpan retryAfter)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
    }

    public static TokenBucketLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => IsAcquired ? [] : RefusedMetadata;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (!IsAcquired && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = _retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
