namespace AwsMcp.Abstractions;

/// <summary>
/// Gives an argument the name clients send instead of the parameter's name in snake_case: for a prompt or tool
/// whose argument names are already fixed elsewhere (a published client, a suite), e.g. <c>resourceUri</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ArgumentNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
