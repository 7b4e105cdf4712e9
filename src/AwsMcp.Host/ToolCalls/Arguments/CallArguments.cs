using System.Runtime.InteropServices;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;

namespace AwsMcp.Host.ToolCalls.Arguments;

/// <summary>
/// A call's arguments, parsed once at the edge of its channel from the UTF-8 the client sent, into a document the
/// call owns (and disposes). Whatever the channel, the same checks run before anything else looks at them: a JSON
/// object (or nothing), every property once, every string valid text. A problem is kept, not thrown, so that the
/// pipeline refuses and audits the call like any other invalid one.
/// </summary>
public sealed class CallArguments : IDisposable
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly IDisposable? _owner;

    private CallArguments(JsonElement root, ArgumentProblem? problem, IDisposable? owner)
    {
        Root = root;
        Problem = problem;
        _owner = owner;
    }

    /// <summary>The arguments object; an empty object when none were sent or they were refused.</summary>
    public JsonElement Root { get; }

    /// <summary>Why the arguments were refused before binding, or null.</summary>
    public ArgumentProblem? Problem { get; }

    /// <summary>No arguments (the client sent none, or null).</summary>
    public static CallArguments None { get; } = new(EmptyObject, null, null);

    /// <summary>Arguments that were refused for <paramref name="problem"/>.</summary>
    public static CallArguments Refused(ArgumentProblem problem) => new(EmptyObject, problem, null);

    /// <summary>Parses the UTF-8 JSON of the arguments value (empty means none).</summary>
    public static CallArguments Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return None;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, StrictJson.Options);
        }
        catch (JsonException)
        {
            return Refused(Describe(utf8.Span));
        }

        var arguments = From(document.RootElement, document);
        if (arguments.Problem is not null)
        {
            document.Dispose();
        }

        return arguments;
    }

    /// <summary>
    /// Arguments found inside a document parsed with <see cref="StrictJson.Options"/> (no duplicate may remain);
    /// <paramref name="owner"/>, if any, is disposed with them.
    /// </summary>
    public static CallArguments From(JsonElement element, IDisposable? owner)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                owner?.Dispose();
                return None;
            case JsonValueKind.Object:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (StrictJson.MayHaveBadEscapes(raw) && StrictJson.FindProblem(raw) is { } problem)
                {
                    owner?.Dispose();
                    return Refused(new ArgumentProblem(problem.Path.Length == 0 ? JsonArgumentReader.RootPath : problem.Path, problem.Reason));
                }

                return new CallArguments(element, null, owner);
            default:
                var refused = Refused(new ArgumentProblem(JsonArgumentReader.RootPath, $"must be a JSON object, not {Article(element.ValueKind)}"));
                owner?.Dispose();
                return refused;
        }
    }

    public void Dispose() => _owner?.Dispose();

    private static ArgumentProblem Describe(ReadOnlySpan<byte> utf8) =>
        StrictJson.FindProblem(utf8) is { } problem
            ? new ArgumentProblem(problem.Path.Length == 0 ? JsonArgumentReader.RootPath : problem.Path, problem.Reason)
            : new ArgumentProblem(JsonArgumentReader.RootPath, "are not valid JSON");

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString(),
    };
}
