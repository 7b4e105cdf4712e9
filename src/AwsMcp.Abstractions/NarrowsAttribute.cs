namespace AwsMcp.Abstractions;

/// <summary>
/// Declares that an argument narrows or pages what a tool returns (<c>limit</c>, <c>next_token</c>, a prefix, a
/// filter, a time window). When a result is too large, the host tells the caller to use these arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class NarrowsAttribute : Attribute;
