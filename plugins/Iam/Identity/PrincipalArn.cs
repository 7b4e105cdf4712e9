namespace AwsMcp.Iam.Identity;

/// <summary>The parts of an STS caller ARN: <c>arn:aws:iam::123:user/path/name</c>, <c>arn:aws:sts::123:assumed-role/Role/session</c>, <c>arn:aws:iam::123:root</c>.</summary>
public sealed record PrincipalArn(string Type, string? Name, string? SessionName)
{
    public static PrincipalArn Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        // arn:partition:service:region:account:resource; the resource itself may contain ':' (never in these types).
        var parts = arn.Split(':', 6);
        var resource = parts.Length == 6 ? parts[5] : arn;
        var segments = resource.Split('/');
        return segments[0] switch
        {
            "assumed-role" when segments.Length >= 3 => new PrincipalArn("assumed-role", segments[1], segments[^1]),
            "root" => new PrincipalArn("root", null, null),
            // Users and roles may carry a path (user/division/name): the name is the last segment.
            _ when segments.Length >= 2 => new PrincipalArn(segments[0], segments[^1], null),
            _ => new PrincipalArn(segments[0], null, null),
        };
    }
}
