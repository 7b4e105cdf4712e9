
namespace AwsMcp.Host.Redaction;

/// <summary>
/// The logger a tool gets in its <c>ToolContext</c>: formats each message, then redacts it (exception text included)
/// with the same rules as audit and output, because plugin code logs whatever AWS returned to it.
/// </summary>
public sealed class RedactingLogger(ILogger inner, IRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        // The exception goes in as text: its message may hold a secret, and loggers print it verbatim.
        var message = exception is null ? formatter(state, null) : $"{formatter(state, exception)}{Environment.NewLine}{exception}";
        inner.Log(logLevel, eventId, redactor.RedactText(message), null, static (text, _) => text);
    }
}
