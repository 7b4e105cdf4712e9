using System.ComponentModel;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// Collects every problem a generated binder finds in one call's arguments, so that the caller hears about all of
/// them at once rather than one per round trip. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArgumentProblems
{
    private List<ArgumentProblem>? _problems;

    /// <summary>How many problems have been found so far.</summary>
    public int Count => _problems?.Count ?? 0;

    public void Add(string path, string reason) => (_problems ??= []).Add(new ArgumentProblem(path, reason));

    /// <summary>True when the last problem is about <paramref name="path"/>: the value there did not read, so its constraints are moot.</summary>
    public bool LastIsAt(string path) => _problems is { Count: > 0 } problems && string.Equals(problems[^1].Path, path, StringComparison.Ordinal);

    /// <summary>Throws a <see cref="ToolArgumentException"/> listing every problem, if there is one.</summary>
    public void ThrowIfAny()
    {
        if (_problems is { Count: > 0 } problems)
        {
            throw new ToolArgumentException(problems);
        }
    }
}
