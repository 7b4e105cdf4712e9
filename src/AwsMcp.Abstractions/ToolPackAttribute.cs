namespace AwsMcp.Abstractions;

/// <summary>
/// Emitted once per plugin assembly by the generator. The host reads this attribute (and nothing else) to find the
/// generated <see cref="IToolPack"/> implementation, so no type scanning happens at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ToolPackAttribute : Attribute
{
    public ToolPackAttribute(Type registrationType) => RegistrationType = registrationType;

    /// <summary>The generated class implementing <see cref="IToolPack"/>; it has a public parameterless constructor.</summary>
    public Type RegistrationType { get; }
}
