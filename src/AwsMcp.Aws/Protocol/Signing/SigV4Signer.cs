using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace AwsMcp.Aws.Protocol.Signing;

/// <summary>
/// Builds the SigV4 canonical request ourselves and lets AWSSDK.Core's <see cref="AWS4Signer"/> derive the key and
/// signature, so the HMAC chain is the SDK's. The canonicalisation is checked against the official test suite.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string DateHeader = "x-amz-date";
    public const string SecurityTokenHeader = "x-amz-security-token";
    public const string ContentSha256Header = "x-amz-content-sha256";

    public static SigV4Signature Sign(
        SigV4Request request,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTime signedAt,
        SigV4SigningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= SigV4SigningOptions.Default;

        // The scope and x-amz-date carry whole seconds in UTC; the SDK signer must see the same instant.
        var time = new DateTime(signedAt.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var payloadHash = options.PayloadHashOverride ?? Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));

        var added = new List<KeyValuePair<string, string>> { new(DateHeader, amzDate) };
        if (credentials.UseToken && !HasHeader(request.Headers, SecurityTokenHeader))
        {
            added.Add(new(SecurityTokenHeader, credentials.Token));
        }

        if (options.AddContentSha256Header)
        {
            added.Add(new(ContentSha256Header, payloadHash));
        }

        var headers = request.Headers
            .Where(header => !header.Key.Equals(DateHeader, StringComparison.OrdinalIgnoreCase))
            .Concat(added);
        var (canonicalHeaders, signedHeaders) = CanonicalHeaders(headers);
        var canonicalRequest = string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Path, options.NormalizePath),
            CanonicalQuery(request.Query),
            canonicalHeaders,
            signedHeaders,
            payloadHash);

        var scope = $"{amzDate[..8]}/{region}/{service}/aws4_request";
        var stringToSign = string.Join(
            '\n', Algorithm, amzDate, scope, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var result = AWS4Signer.ComputeSignature(credentials, region, time, service, signedHeaders, canonicalRequest);

        // ForAuthorizationHeader already starts with the algorithm name.
        return new SigV4Signature(canonicalRequest, stringToSign, result.Signature, result.ForAuthorizationHeader, added);
    }

    /// <summary>
    /// RFC 3986 encoding of each path segment. Callers pass the wire path, so already-encoded characters are encoded
    /// again: the "double encoding" every service except S3 expects.
    /// </summary>
    internal static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        IEnumerable<string> segments = path.Split('/');
        var trailingSlash = path.EndsWith('/');
        if (normalize)
        {
            var stack = new List<string>();
            foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment == "..")
                {
                    if (stack.Count > 0)
                    {
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
                else if (segment != ".")
                {
                    stack.Add(segment);
                }
            }

            var joined = "/" + string.Join('/', stack.Select(segment => UriEncode(segment)));
            return trailingSlash && stack.Count > 0 ? joined + "/" : joined;
        }

        return string.Join('/', segments.Select(segment => UriEncode(segment)));
    }

    /// <summary>Decodes the query parameters, encodes them strictly and sorts by name, then value.</summary>
    internal static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(parameter =>
            {
                var equals = parameter.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? parameter : parameter[..equals];
                var value = equals < 0 ? string.Empty : parameter[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => pair.Name + "=" + pair.Value));
    }

    /// <summary>AWS's URI encoding: unreserved characters as is, every other UTF-8 byte as upper-case %XX.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static (string Canonical, string Signed) CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var grouped = headers
            .GroupBy(header => header.Key.Trim().ToLowerInvariant())
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (Name: group.Key, Value: string.Join(',', group.Select(header => TrimAll(header.Value)))))
            .ToList();
        var canonical = string.Concat(grouped.Select(header => $"{header.Name}:{header.Value}\n"));
        return (canonical, string.Join(';', grouped.Select(header => header.Name)));
    }

    /// <summary>Trims and collapses runs of spaces to one, as the canonical header rules require.</summary>
    private static string TrimAll(string value) =>
        string.Join(' ', value.Split(' ', '\t').Where(part => part.Length > 0));

    private static bool HasHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name) =>
        headers.Any(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
}
