namespace AwsMcp.Abstractions;

/// <summary>
/// Declares that an integer argument says how many resources a call creates or changes (<c>count</c> of instances to
/// launch). The host counts its value against the blast-radius cap before the tool runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ResourceCountAttribute : Attribute;
