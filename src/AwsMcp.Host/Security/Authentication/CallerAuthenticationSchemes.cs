namespace AwsMcp.Host.Security.Authentication;

/// <summary>Names of the authentication schemes and the authorization policy that guard the MCP endpoints.</summary>
public static class CallerAuthenticationSchemes
{
    /// <summary>API keys from <c>AwsMcp:Security:ApiKeys</c>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The default scheme: picks <see cref="ApiKey"/> or JWT bearer per request.</summary>
    public const string Caller = "AwsMcpCaller";

    /// <summary>The authorization policy every MCP endpoint requires when authentication is configured.</summary>
    public const string CallerPolicy = "AwsMcpCaller";

    /// <summary>The authentication type (and <c>CallerIdentity.AuthenticationMethod</c>) of an API-key caller.</summary>
    public const string ApiKeyMethod = "api-key";

    /// <summary>The authentication type (and <c>CallerIdentity.AuthenticationMethod</c>) of a JWT caller.</summary>
    public const string JwtMethod = "jwt";
}
