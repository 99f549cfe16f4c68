using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Resourceful.Http.Tests.Semantics;

/// <summary>One log line an app wrote.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The event id, which log filters and dashboards tell lines apart by.</summary>
    public int EventId { get; init; }

    /// <summary>The event's name.</summary>
    public string? EventName { get; init; }

    /// <summary>The structured values (names, values and <c>{OriginalFormat}</c>), which log stores index.</summary>
    public string State { get; init; } = string.Empty;
}

/// <summary>Keeps every log line of one app, so a test can see that a failure was logged and with what.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    public IEnumerable<LogEntry> Errors => Entries.Where(static e => e.Level >= LogLevel.Error);

    /// <summary>Every exception a line carried.</summary>
    public IReadOnlyList<Exception> Exceptions() => Entries.Where(static e => e.Exception is not null).Select(static e => e.Exception!).ToList();

    /// <summary>Forgets what was written so far, so a test can look at one request's lines.</summary>
    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join("; ", pairs.Select(static p => $"{p.Key}={p.Value}"))
                    : string.Empty;
                sink._entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception)
                {
                    EventId = eventId.Id,
                    EventName = eventId.Name,
                    State = values,
                });
            }
        }
    }
}
