namespace AwsMcp.Abstractions;

/// <summary>
/// Arguments that do not bind or are not acceptable. <see cref="Problems"/> lists each with its path (property names
/// joined by dots, array indexes in brackets, e.g. <c>filters[2].name</c>); <see cref="Path"/> is the first.
/// </summary>
public sealed class ToolArgumentException : ToolException
{
    public ToolArgumentException(string path, string message)
        : this([new ArgumentProblem(path, message)])
    {
    }

    public ToolArgumentException(IReadOnlyList<ArgumentProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
        Path = problems[0].Path;
        Reason = problems[0].Reason;
    }

    /// <summary>Every problem found, in argument order.</summary>
    public IReadOnlyList<ArgumentProblem> Problems { get; }

    /// <summary>The path of the first problem.</summary>
    public string Path { get; }

    /// <summary>What is wrong with the first problem's argument, without the path.</summary>
    public string Reason { get; }

    private static string Describe(IReadOnlyList<ArgumentProblem> problems)
    {
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return problems.Count == 1
            ? $"Invalid argument '{problems[0].Path}': {problems[0].Reason}"
            : $"Invalid arguments: {string.Join("; ", problems.Select(p => $"'{p.Path}': {p.Reason}"))}";
    }
}

/// <summary>One argument problem: where (<c>filters[2].name</c>) and what is wrong.</summary>
public sealed record ArgumentProblem(string Path, string Reason);
