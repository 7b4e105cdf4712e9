using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// Awaits a tool method and converts its return value into a <see cref="ToolResult"/>. Generated binders call it so
/// they need no state machine of their own. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ToolResultAdapter
{
    /// <summary>The text of a tool that returns a plain <c>Task</c>: it completed, there is nothing else to say.</summary>
    public const string CompletedText = "ok";

    // Models read the text: characters stay as they are rather than \uXXXX escapes (the JSON is never embedded in
    // HTML), so quotes cost two bytes, not six, and non-ASCII text stays readable.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async ValueTask<ToolResult> Completion(Task task)
    {
        await task.ConfigureAwait(false);
        return new ToolResult(CompletedText);
    }

    public static async ValueTask<ToolResult> Completion(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return new ToolResult(CompletedText);
    }

    /// <summary>A <c>string</c> result (generic only so that <c>string</c> and <c>string?</c> both bind without nullability warnings).</summary>
    public static async ValueTask<ToolResult> Text<TText>(Task<TText> task)
        where TText : class? => new((await task.ConfigureAwait(false)) as string ?? string.Empty);

    /// <inheritdoc cref="Text{TText}(Task{TText})"/>
    public static async ValueTask<ToolResult> Text<TText>(ValueTask<TText> task)
        where TText : class? => new((await task.ConfigureAwait(false)) as string ?? string.Empty);

    /// <summary>A <see cref="ToolResult"/> returned by the tool itself (generic for the same reason as <see cref="Text{TText}(Task{TText})"/>).</summary>
    public static async ValueTask<ToolResult> Passthrough<TResult>(Task<TResult> task)
        where TResult : class? => NotNull(await task.ConfigureAwait(false));

    /// <inheritdoc cref="Passthrough{TResult}(Task{TResult})"/>
    public static async ValueTask<ToolResult> Passthrough<TResult>(ValueTask<TResult> task)
        where TResult : class? => NotNull(await task.ConfigureAwait(false));

    /// <summary>A structured result: <paramref name="write"/> (generated) writes it; the text is the same JSON, compact.</summary>
    public static async ValueTask<ToolResult> Structured<T>(Task<T> task, Action<Utf8JsonWriter, T> write) =>
        ToStructured(await task.ConfigureAwait(false), write);

    /// <inheritdoc cref="Structured{T}(Task{T}, Action{Utf8JsonWriter, T})"/>
    public static async ValueTask<ToolResult> Structured<T>(ValueTask<T> task, Action<Utf8JsonWriter, T> write) =>
        ToStructured(await task.ConfigureAwait(false), write);

    /// <summary>Serializes <paramref name="value"/> with <paramref name="write"/> into UTF-8 JSON, once.</summary>
    public static ToolResult ToStructured<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            write(writer, value);
        }

        return ToolResult.Json(buffer.WrittenMemory);
    }

    private static ToolResult NotNull(object? result) =>
        result as ToolResult ?? throw new InvalidOperationException("The tool returned a null ToolResult.");
}
