using System.Text;
using System.Text.Json;
using AwsMcp.Sandbox.Core.Authentication;

namespace AwsMcp.Sandbox.Tests.Core;

/// <summary>
/// The sandbox's own SigV4 code against the official test suite (awslabs/aws-c-auth vectors): each signed request's
/// signature is recomputed from the request as written. The suite's paths are raw, so normalised cases go through the
/// encode-once canonicalisation and unnormalised ones are first encoded as they would travel on the wire (S3 style).
/// </summary>
public sealed class SigV4SuiteTests
{
    private static readonly string SuiteDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "sigv4");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var directory in Directory.Exists(SuiteDirectory) ? [.. Directory.GetDirectories(SuiteDirectory).Order(StringComparer.Ordinal)] : Array.Empty<string>())
        {
            cases.Add(Path.GetFileName(directory));
        }

        return cases;
    }

    [Fact]
    public void The_suite_is_present() => Assert.True(Cases().Count >= 30, $"expected the SigV4 suite in {SuiteDirectory}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_recomputed_signature_matches_the_suite(string name)
    {
        var directory = Path.Combine(SuiteDirectory, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "context.json")));
        var root = context.RootElement;
        var (method, target, headers, body) = ParseRequest(File.ReadAllText(Path.Combine(directory, "header-signed-request.txt")));
        var authorization = SigV4AuthorizationHeader.TryParse(headers["authorization"].Single())
            ?? throw new InvalidOperationException("unparsable Authorization header");

        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? "" : target[(queryStart + 1)..];
        var normalize = root.GetProperty("normalize").GetBoolean();
        var canonicalUri = normalize
            ? SigV4Signer.CanonicalUri(path, isS3: false)
            : SigV4Signer.CanonicalUri(SigV4Signer.UriEncode(path, encodeSlash: false), isS3: true);
        var payloadHash = headers.TryGetValue("x-amz-content-sha256", out var declared) ? declared.Single() : SigV4Signer.Sha256Hex(Encoding.UTF8.GetBytes(body));
        var canonical = SigV4Signer.CanonicalRequest(
            method,
            canonicalUri,
            SigV4Signer.CanonicalQuery(query),
            [.. authorization.SignedHeaders.Select(h => new KeyValuePair<string, string>(h, SigV4Signer.CanonicalHeaderValue(headers[h])))],
            payloadHash);

        var credentials = root.GetProperty("credentials");
        var key = SigV4Signer.SigningKey(credentials.GetProperty("secret_access_key").GetString()!, authorization.Date, authorization.Region, authorization.Service);
        var signature = SigV4Signer.Signature(key, SigV4Signer.StringToSign(headers["x-amz-date"].Single(), authorization.Scope, canonical));
        Assert.Equal(authorization.Signature, signature);
    }

    /// <summary>Reads the suite's request format: request line, headers (folded lines join with a comma, as this suite's canonical requests do), a blank line, the body.</summary>
    private static (string Method, string Target, Dictionary<string, List<string>> Headers, string Body) ParseRequest(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var headers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? last = null;
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (char.IsWhiteSpace(line[0]) && last is not null)
            {
                last[^1] += "," + line.Trim();
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].ToLowerInvariant();
            if (!headers.TryGetValue(name, out last))
            {
                headers[name] = last = [];
            }

            last.Add(line[(colon + 1)..]);
        }

        return (method, target, headers, string.Join('\n', lines.Skip(index + 1)));
    }
}
