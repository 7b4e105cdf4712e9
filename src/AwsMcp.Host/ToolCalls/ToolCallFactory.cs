using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.ToolCalls.Arguments;

namespace AwsMcp.Host.ToolCalls;

/// <summary>
/// Where every channel turns a request into a <see cref="ToolCall"/>: its arguments parsed once, from the UTF-8 the
/// client sent, with the same checks whatever the channel (<see cref="CallArguments"/>).
/// </summary>
public sealed class ToolCallFactory(TimeProvider time, PrototypeAliases aliases)
{
    /// <summary>A call whose arguments are the UTF-8 JSON <paramref name="arguments"/> (empty for none).</summary>
    public ToolCall Create(string tool, ReadOnlyMemory<byte> arguments, CallerIdentity caller, ToolCallChannel channel, CancellationToken cancellationToken) =>
        aliases.TryMap(tool, arguments.Span, out var target, out var mapped)
            ? new(target, CallArguments.Parse(mapped), caller, channel, time.GetUtcNow(), cancellationToken)
            : new(tool, CallArguments.Parse(arguments), caller, channel, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// A call whose arguments are <paramref name="arguments"/>, an element of a document parsed with
    /// <see cref="StrictJson.Options"/>; <paramref name="owner"/> (that document) is disposed with the call.
    /// </summary>
    public ToolCall Create(string tool, JsonElement arguments, IDisposable? owner, CallerIdentity caller, ToolCallChannel channel, CancellationToken cancellationToken)
    {
        if (PrototypeAliases.TargetOf(tool) is not null && arguments.ValueKind != JsonValueKind.Undefined)
        {
            // Rare, so the alias takes the general path: the element's text, mapped and parsed again.
            using (owner)
            {
                return Create(tool, JsonSerializer.SerializeToUtf8Bytes(arguments), caller, channel, cancellationToken);
            }
        }

        return new(tool, CallArguments.From(arguments, owner), caller, channel, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>A call whose arguments were refused before they could be parsed (a duplicate property, say).</summary>
    public ToolCall Refused(string tool, ArgumentProblem problem, CallerIdentity caller, ToolCallChannel channel, CancellationToken cancellationToken) =>
        new(tool, CallArguments.Refused(problem), caller, channel, time.GetUtcNow(), cancellationToken);
}
