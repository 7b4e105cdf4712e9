namespace AwsMcp.Abstractions;

/// <summary>
/// Declares that an argument names the resources a call acts on: an id, a name or an ARN (a string), or several (a
/// collection of strings, one resource per item). The host shows them in confirmation plans and audit records and,
/// for tools that change anything, counts them against the blast-radius cap (<c>AwsMcp:Policy:MaxResourcesPerCall</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class TargetResourceAttribute : Attribute;
