using System.Text.Encodings.Web;
using System.Text.Json;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Security.Authentication;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Gives 401, 403 and 429 answers that left the body empty (authentication challenges, authorization, rate
/// limiting) a JSON-RPC error saying what to do: which header carries the key, when to retry. An MCP client shows
/// the message; an empty body leaves its user guessing.
/// </summary>
public sealed class RefusalBodies(RequestDelegate next, IOptionsMonitor<SecurityOptions> security, IOptionsMonitor<HttpOptions> http)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.StatusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests))
        {
            return;
        }

        var message = response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => Unauthorized(context.Request),
            StatusCodes.Status403Forbidden => "The caller is authenticated but not allowed here: its key or token lacks a scope this server requires " +
                $"({string.Join(", ", security.CurrentValue.Jwt.Scopes)}).",
            _ => $"Too many requests from this caller (AwsMcp:Http:RateLimitPerMinute is {http.CurrentValue.RateLimitPerMinute}). " +
                $"Retry after {response.Headers.RetryAfter} second(s).",
        };
        response.ContentType = "application/json";
        await response.WriteAsync(Json(message), context.RequestAborted);
    }

    /// <summary>A JSON-RPC error without a request id (the request was not read).</summary>
    public static string Json(string message) =>
        $$$"""{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"{{{JsonEncodedText.Encode(message, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}}}"}}""";

    private string Unauthorized(HttpRequest request)
    {
        var settings = security.CurrentValue;
        var how = $"an API key as 'Authorization: Bearer <key>' or in the '{string.Join("' or '", settings.ApiKeyHeaders)}' header" +
            (settings.Jwt.Enabled ? $", or an OAuth access token from {settings.Jwt.Authority} (see WWW-Authenticate: resource_metadata)" : string.Empty);
        return ApiKeyAuthenticationHandler.PresentsCredentials(request, settings)
            ? $"The key or token sent is not valid. Send {how}."
            : $"Authentication required: send {how}.";
    }
}
