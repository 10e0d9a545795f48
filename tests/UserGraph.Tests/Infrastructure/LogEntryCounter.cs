using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UserGraph.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps the category and level of every entry the host's filters let
/// through, as its console would have printed them.
/// </summary>
public sealed class LogEntryCounter : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level)> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The entries written after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<(string Category, LogLevel Level)> Since(int skip) => [.. _entries.Skip(skip)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel));
    }
}
