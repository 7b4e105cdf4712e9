namespace AwsMcp.Generators.Model;

/// <summary>A region locator method of the holder type.</summary>
/// <param name="MethodName">The C# method name.</param>
/// <param name="IsStatic">Called on the type rather than the holder instance.</param>
/// <param name="ReturnsValueTask">Returns <c>ValueTask&lt;string&gt;</c> (else <c>Task&lt;string&gt;</c>).</param>
/// <param name="Arguments">What to pass, in order: <see cref="ContextArgument"/> or the C# name of a tool parameter.</param>
internal sealed record LocatorSpec(string MethodName, bool IsStatic, bool ReturnsValueTask, EquatableArray<string> Arguments)
{
    /// <summary>Stands for the <c>ToolContext</c> in <see cref="Arguments"/>; never a valid C# parameter name.</summary>
    public const string ContextArgument = "<context>";
}
