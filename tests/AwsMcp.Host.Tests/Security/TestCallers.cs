using System.Security.Claims;
using AwsMcp.Abstractions;
using AwsMcp.Host.Security.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AwsMcp.Host.Tests.Security;

/// <summary>The callers of the security tests: two API keys and a local OAuth issuer whose tokens are signed here.</summary>
internal static class TestCallers
{
    public const string OpsKey = "ops-key-1234567890abcdef";
    public const string FinOpsKey = "finops-key-1234567890abcdef";
    public const string Issuer = "https://login.example.test/tenant/v2.0";
    public const string Audience = "api://awsmcp-tests";
    public const string RequiredScope = "mcp.tools";

    private static readonly SymmetricSecurityKey SigningKey = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static CallerIdentity Alice { get; } = new("alice", "Alice", "jwt", ["mcp.tools"]);

    public static CallerIdentity Bob { get; } = new("bob", "Bob", "jwt", ["mcp.tools"]);

    /// <summary>API keys "ops" (scope ops: every tool) and "finops" (scope finops: echo and describe_*), and JWTs with scope mcp.tools (every tool).</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["AwsMcp:Security:ApiKeys:0:Name"] = "ops",
        ["AwsMcp:Security:ApiKeys:0:Hash"] = ApiKeyHash.Compute(OpsKey),
        ["AwsMcp:Security:ApiKeys:0:Scopes:0"] = "ops",
        ["AwsMcp:Security:ApiKeys:1:Name"] = "finops",
        ["AwsMcp:Security:ApiKeys:1:Hash"] = ApiKeyHash.Compute(FinOpsKey),
        ["AwsMcp:Security:ApiKeys:1:Scopes:0"] = "finops",
        ["AwsMcp:Security:Jwt:Authority"] = Issuer,
        ["AwsMcp:Security:Jwt:Audience"] = Audience,
        ["AwsMcp:Security:Jwt:Scopes:0"] = RequiredScope,
        ["AwsMcp:Policy:Scopes:ops:0"] = "*",
        ["AwsMcp:Policy:Scopes:mcp.tools:0"] = "*",
        ["AwsMcp:Policy:Scopes:finops:0"] = "echo",
        ["AwsMcp:Policy:Scopes:finops:1"] = "describe_*",
        ["AwsMcp:Tools:WritesEnabled"] = "true",
    };

    /// <summary>Makes the JWT handler trust the local issuer without fetching its discovery document (no network).</summary>
    public static void TrustLocalIssuer(WebApplicationBuilder builder) =>
        builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            bearer.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            bearer.Configuration.SigningKeys.Add(SigningKey);
        });

    public static string Token(string subject, string scope, string audience = Audience, SecurityKey? key = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("name", subject.ToUpperInvariant()), new Claim("scp", scope)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.HmacSha256),
        });

    /// <summary>A key the server does not trust.</summary>
    public static SecurityKey ForeignKey() => new SymmetricSecurityKey(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
}
