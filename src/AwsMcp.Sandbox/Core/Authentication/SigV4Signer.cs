using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// The SigV4 algorithm, written from the AWS specification rather than taken from AWSSDK: the sandbox is an
/// independent check of what the SDK (and the project's own signer) put on the wire.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public const string EmptyPayloadSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// The canonical URI of a request as it arrived. S3 signs the path exactly as sent; every other service
    /// normalises dot segments and encodes each segment of the (already encoded) wire path once more.
    /// </summary>
    public static string CanonicalUri(string rawPath, bool isS3)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        if (isS3)
        {
            return rawPath;
        }

        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(UriEncode(segment, encodeSlash: true));
        }

        var path = "/" + string.Join('/', segments);
        return segments.Count > 0 && rawPath.EndsWith('/') ? path + "/" : path;
    }

    /// <summary>The canonical query string: each name and value decoded, re-encoded (RFC 3986) and sorted; <paramref name="exclude"/> (a presigned URL's signature) left out.</summary>
    public static string CanonicalQuery(string rawQuery, string? exclude = null)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            if (exclude is not null && Uri.UnescapeDataString(name) == exclude)
            {
                continue;
            }

            pairs.Add((UriEncode(Uri.UnescapeDataString(name), true), UriEncode(Uri.UnescapeDataString(value), true)));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>A header's canonical value: repeated headers joined with commas, each trimmed with inner runs of spaces collapsed.</summary>
    public static string CanonicalHeaderValue(IEnumerable<string?> values) =>
        string.Join(',', values.Select(v => string.Join(' ', (v ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))));

    public static string CanonicalRequest(
        string method,
        string canonicalUri,
        string canonicalQuery,
        IReadOnlyList<KeyValuePair<string, string>> canonicalHeaders,
        string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(method).Append('\n')
            .Append(canonicalUri).Append('\n')
            .Append(canonicalQuery).Append('\n');
        foreach (var header in canonicalHeaders)
        {
            builder.Append(header.Key).Append(':').Append(header.Value).Append('\n');
        }

        builder.Append('\n')
            .Append(string.Join(';', canonicalHeaders.Select(h => h.Key))).Append('\n')
            .Append(payloadHash);
        return builder.ToString();
    }

    /// <summary><c>AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{hex(sha256(canonicalRequest))}</c>.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Sha256Hex(Encoding.UTF8.GetBytes(canonicalRequest))}";

    public static byte[] SigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    public static string Signature(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters kept, everything else %XX in upper case.</summary>
    public static string UriEncode(string value, bool encodeSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (c == '/' && !encodeSlash))
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

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
