using System.Buffers;
using AwsMcp.Host.Buffers;

namespace AwsMcp.Host.Mcp.Http;

/// <summary>Reads a whole request body into pooled memory, bounded by <c>AwsMcp:Http:MaxRequestBodyBytes</c>.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it was over <paramref name="limit"/> (then 413 has been answered).</summary>
    public static async Task<PooledBufferWriter?> ReadAsync(HttpContext context, long limit)
    {
        var reader = context.Request.BodyReader;
        var body = new PooledBufferWriter((int)Math.Clamp(context.Request.ContentLength ?? 4096, 256, limit));
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            if (body.WrittenCount + read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                body.Dispose();
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.Response.WriteAsJsonAsync(
                    new { error = new { code = -32000, message = $"Request body too large (limit {limit} bytes)" } }, context.RequestAborted);
                return null;
            }

            foreach (var segment in read.Buffer)
            {
                body.Write(segment.Span);
            }

            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return body;
            }
        }
    }
}
