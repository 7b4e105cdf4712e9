namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// A resource that publishes metrics under one dimension (<c>InstanceId</c>, <c>FunctionName</c>), between
/// <paramref name="From"/> and <paramref name="Until"/> (null: still publishing).
/// </summary>
/// <param name="ProfileSince">When <paramref name="Profile"/> began; before it the resource behaved normally.</param>
internal sealed record MetricResource(
    string Namespace,
    string DimensionName,
    string Id,
    DateTimeOffset From,
    DateTimeOffset? Until,
    MetricProfile Profile,
    DateTimeOffset ProfileSince);
