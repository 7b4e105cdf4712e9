using AwsMcp.Host.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security.RequestFiltering;

/// <summary>
/// Caps request bodies at <c>AwsMcp:Http:MaxRequestBodyBytes</c>: a declared length above it is answered 413 at
/// once; a chunked body is cut off by the server (Kestrel) at the same limit while it is read.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptionsMonitor<HttpOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return context.Response.WriteAsJsonAsync(
                new { error = new { code = -32000, message = $"Request body too large (limit {limit} bytes)" } }, context.RequestAborted);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
