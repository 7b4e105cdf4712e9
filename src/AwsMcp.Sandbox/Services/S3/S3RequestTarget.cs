using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>
/// The bucket and key a request addresses: virtual-host style (<c>bucket.localhost:port</c>, <c>bucket.s3.region.amazonaws.com</c>)
/// or path style (<c>/bucket/key</c>). The key is percent-decoded from the raw path, so <c>a%2Fb</c> and <c>a/b</c> are the same key.
/// </summary>
internal sealed partial record S3RequestTarget(string? Bucket, string? Key)
{
    public static S3RequestTarget From(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToUriComponent();
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = (query < 0 ? rawTarget : rawTarget[..query]).TrimStart('/');

        var host = VirtualHost().Match(request.Host.Host);
        if (host.Success)
        {
            return new S3RequestTarget(host.Groups["bucket"].Value, path.Length == 0 ? null : Uri.UnescapeDataString(path));
        }

        if (path.Length == 0)
        {
            return new S3RequestTarget(null, null);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 || slash == path.Length - 1
            ? new S3RequestTarget(Uri.UnescapeDataString(path.TrimEnd('/')), null)
            : new S3RequestTarget(Uri.UnescapeDataString(path[..slash]), Uri.UnescapeDataString(path[(slash + 1)..]));
    }

    [GeneratedRegex(@"^(?<bucket>[a-z0-9][a-z0-9.-]*?)\.(?:localhost|s3[.-].*)$", RegexOptions.CultureInvariant)]
    private static partial Regex VirtualHost();
}
