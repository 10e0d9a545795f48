using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace UserGraph.Gateway;

/// <summary>
/// The one place that turns exceptions into HTTP problems: graph rule violations are the
/// client's (400, or 403 for a block), a change feed cursor past the retention is gone (410), an oversized or broken request too, an unreachable grain is retryable (503),
/// and anything else is ours (500, logged).
/// </summary>
internal sealed partial class GraphExceptionHandler(
    ILogger<GraphExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>The problem type of a follow or connection request refused by a block, as API.md names it.</summary>
    public const string BlockedProblemType = "blocked";

    /// <summary>The problem type of a change feed cursor older than the retention.</summary>
    public const string ChangesExpiredProblemType = "changes-expired";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, type) = Classify(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(exception.GetType().Name, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "1";
        }

        await ProblemResponses.WriteAsync(httpContext, status, title, detail, type);
        return true;
    }

    /// <returns>The problem's status, title and detail, and its type when it is not the status's default.</returns>
    private static (int Status, string Title, string? Detail, string? Type) Classify(Exception exception) => exception switch
    {
        GraphBlockedException blocked => (StatusCodes.Status403Forbidden, "Blocked", blocked.Message, BlockedProblemType),
        GraphChangesExpiredException expired => (StatusCodes.Status410Gone, "Changes expired", expired.Message, ChangesExpiredProblemType),
        GraphRuleException rule => (StatusCodes.Status400BadRequest, "Invalid request", rule.Message, null),
        BadHttpRequestException bad => (bad.StatusCode, "Invalid request", bad.Message, null),
        _ when IsTransient(exception) =>
            (StatusCodes.Status503ServiceUnavailable, "Service temporarily unavailable", "The request was not acknowledged. A write that timed out may still have been stored: read the current state (or use PUT/DELETE, which are idempotent) before retrying.", null),
        _ => (StatusCodes.Status500InternalServerError, "Internal error", null, null),
    };

    /// <summary>
    /// Faults that a retry can cure: a silo or the database unreachable or slow, or a write that
    /// lost an optimistic-concurrency race (the grain has re-read its state). Storage errors reach
    /// us wrapped in an OrleansException, so the whole chain is inspected.
    /// </summary>
    private static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException
                or InconsistentStateException or System.Data.Common.DbException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph unavailable ({ExceptionType}) on {Path}; answered 503")]
    private partial void LogUnavailable(string exceptionType, string path);
}
