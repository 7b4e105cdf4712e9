using System.Net;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.Authentication;
using AwsMcp.Host.Security.RequestFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security;

/// <summary>
/// The HTTP front door, in the order a request meets it: Host and Origin allow-lists, body size limit, CORS (only
/// for allow-listed origins), authentication, authorization, per-caller rate limits. Health stays anonymous; the
/// MCP endpoints (<see cref="RequireCaller"/>) need an authenticated caller once any authentication is configured.
/// </summary>
public static class HttpSecurity
{
    private static readonly string[] McpRequestHeaders = ["Content-Type", "Authorization", "Mcp-Session-Id", "Mcp-Protocol-Version", "Last-Event-ID"];

    public static IServiceCollection AddHttpSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var (security, http) = Read(configuration);
        // Without schemes nothing is registered: every request is anonymous, the caller resolver makes it the local
        // operator, and the authentication and authorization stacks (data protection among them) are never loaded.
        if (security.AuthenticationEnabled)
        {
            services.AddCallerAuthentication(security);
        }

        // Authentication registers data protection for cookie schemes, and its hosted service loads (on a fresh machine:
        // creates) the key ring at every start. This server has no cookies (API keys, JWT bearer), so nothing reads it.
        var keyRingAtStart = services.FirstOrDefault(service => service.ServiceType == typeof(IHostedService)
            && service.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        if (keyRingAtStart is not null)
        {
            services.Remove(keyRingAtStart);
        }

        if (http.ForwardedHeaders)
        {
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                foreach (var proxy in http.TrustedProxies)
                {
                    if (IPAddress.TryParse(proxy, out var address))
                    {
                        forwarded.KnownProxies.Add(address);
                    }
                    else
                    {
                        forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                    }
                }
            });
        }

        services.AddSingleton<AuthenticationFailures>();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes);
        if (http.AllowedOrigins.Count > 0)
        {
            // Browser clients (MCP Inspector) only: never a wildcard, and no cookies, since callers authenticate by header.
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins([.. http.AllowedOrigins])
                .WithMethods("GET", "POST", "DELETE")
                .WithHeaders([.. McpRequestHeaders, .. security.ApiKeyHeaders])
                .WithExposedHeaders("Mcp-Session-Id")));
        }

        return services;
    }

    /// <summary>The filters that run before routing, so that a refused request costs no more than its headers.</summary>
    public static IApplicationBuilder UseRequestFiltering(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<HttpOptions>>().Value.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        return app.UseMiddleware<HostAndOriginFilter>().UseMiddleware<RequestBodyLimit>();
    }

    /// <summary>
    /// CORS, the failed-authentication throttle, authentication, authorization and rate limiting, between routing
    /// and the endpoints; their refusals get bodies that say what to do.
    /// </summary>
    public static IApplicationBuilder UseCallerSecurity(this WebApplication app)
    {
        var (security, http) = Read(app.Configuration);
        if (http.AllowedOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.UseMiddleware<RefusalBodies>().UseMiddleware<FailedAuthenticationThrottle>();
        if (security.AuthenticationEnabled)
        {
            app.UseAuthentication().UseAuthorization();
        }

        return app.UseMiddleware<CallerRateLimiting>();
    }

    /// <summary>Requires an authenticated caller (when authentication is configured) and applies the per-caller rate limit.</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder endpoints, IConfiguration configuration)
        where TBuilder : IEndpointConventionBuilder
    {
        var (security, http) = Read(configuration);
        if (security.AuthenticationEnabled)
        {
            endpoints.RequireAuthorization(CallerAuthenticationSchemes.CallerPolicy);
        }

        if (http.RateLimitPerMinute > 0)
        {
            CallerRateLimiting.RequireCallerRateLimit(endpoints);
        }

        return endpoints;
    }

    // Endpoint and middleware shape is decided once, from configuration, when the host is built; options validation
    // at start reports anything wrong in the same values.
    private static (SecurityOptions Security, HttpOptions Http) Read(IConfiguration configuration) =>
        (configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new(),
         configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new());
}
