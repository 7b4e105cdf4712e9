namespace AwsMcp.Abstractions;

/// <summary>
/// The toolset a tool belongs to (<c>ec2</c>, <c>s3</c>, <c>cost</c>…; <c>^[a-z0-9_-]{1,32}$</c>), on its class or the
/// method itself. Operators serve chosen toolsets (<c>AwsMcp:Tools:Toolsets</c>) and limit an API-key scope to them
/// (<c>toolset:ec2</c>); a tool without one belongs to the toolset named after its pack.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ToolsetAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
