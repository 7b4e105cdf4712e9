namespace AwsMcp.Generators.Model;

/// <summary>Where a tool method parameter's value comes from.</summary>
internal enum ParameterRole
{
    /// <summary>A JSON argument, described in the input schema.</summary>
    Argument,

    /// <summary>The per-call <c>ToolContext</c>.</summary>
    ToolContext,

    /// <summary>The invoker's <c>CancellationToken</c>.</summary>
    CancellationToken,
}
