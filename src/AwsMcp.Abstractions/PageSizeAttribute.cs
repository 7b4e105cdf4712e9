namespace AwsMcp.Abstractions;

/// <summary>
/// Declares the integer argument that bounds how many items one page holds (<c>limit</c>). A fan-out call
/// (<see cref="AwsTargetAttribute.FanOut"/>) shares it among its targets, so that the merged page holds at most that
/// many items and each target continues exactly where it stopped.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PageSizeAttribute : Attribute;
