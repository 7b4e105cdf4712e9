using AwsMcp.Host.Callers;
using AwsMcp.Host.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.AspNetCore.Authentication;

namespace AwsMcp.Host.Security.Authentication;

/// <summary>
/// Registers how HTTP callers authenticate: API keys and, when configured, OAuth 2.0 JWT bearer tokens with the MCP
/// SDK's protected-resource metadata (<c>/.well-known/oauth-protected-resource/mcp</c>) and its
/// <c>WWW-Authenticate: Bearer resource_metadata=…</c> challenge. The MCP endpoints then require
/// <see cref="CallerAuthenticationSchemes.CallerPolicy"/>.
/// </summary>
public static class CallerAuthentication
{
    public static IServiceCollection AddCallerAuthentication(this IServiceCollection services, SecurityOptions security)
    {
        var jwt = security.Jwt;
        var authentication = services.AddAuthentication(CallerAuthenticationSchemes.Caller)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CallerAuthenticationSchemes.ApiKey, null)
            .AddPolicyScheme(CallerAuthenticationSchemes.Caller, "API key or JWT", scheme =>
            {
                scheme.ForwardDefaultSelector = context => jwt.Enabled && LooksLikeJwt(ApiKeyAuthenticationHandler.BearerToken(context.Request))
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CallerAuthenticationSchemes.ApiKey;
                scheme.ForwardChallenge = jwt.Enabled ? McpAuthenticationDefaults.AuthenticationScheme : CallerAuthenticationSchemes.ApiKey;
            });

        if (jwt.Enabled)
        {
            authentication
                .AddJwtBearer(bearer =>
                {
                    bearer.Authority = jwt.Authority;
                    bearer.Audience = jwt.Audience;
                    bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;

                    // Keep claim names as issued ("sub", "scp", "scope") instead of WS-Federation URIs.
                    bearer.MapInboundClaims = false;
                    bearer.TokenValidationParameters.AuthenticationType = CallerAuthenticationSchemes.JwtMethod;
                    bearer.TokenValidationParameters.NameClaimType = "name";
                    bearer.TokenValidationParameters.ValidAudience = jwt.Audience;
                    bearer.Events = new JwtBearerEvents
                    {
                        OnAuthenticationFailed = context =>
                        {
                            context.HttpContext.RequestServices.GetRequiredService<AuthenticationFailures>().Record(context.HttpContext);
                            return Task.CompletedTask;
                        },
                    };
                })
                .AddMcp(mcp => mcp.ResourceMetadata = new()
                {
                    AuthorizationServers = [jwt.Authority!],
                    ScopesSupported = [.. jwt.Scopes],
                });
        }

        services.AddAuthorizationBuilder().AddPolicy(CallerAuthenticationSchemes.CallerPolicy, policy => policy
            .AddAuthenticationSchemes(CallerAuthenticationSchemes.Caller)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasRequiredScope(context, jwt)));
        return services;
    }

    // A JWT is three base64url segments; an API key from `keys generate` has no dots.
    private static bool LooksLikeJwt(string? token) => token is not null && token.Count(c => c == '.') == 2;

    // API keys carry their scopes by configuration; a JWT must carry one of the advertised scopes when any are listed.
    private static bool HasRequiredScope(AuthorizationHandlerContext context, JwtOptions jwt) =>
        context.User.Identity?.AuthenticationType != CallerAuthenticationSchemes.JwtMethod
        || jwt.Scopes.Count == 0
        || CallerClaims.Scopes(context.User).Intersect(jwt.Scopes, StringComparer.Ordinal).Any();
}
