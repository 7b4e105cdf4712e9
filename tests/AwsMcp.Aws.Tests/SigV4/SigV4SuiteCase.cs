using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol.Signing;

namespace AwsMcp.Aws.Tests.SigV4;

/// <summary>One directory of the SigV4 test suite: context.json, request.txt and the expected outputs.</summary>
internal sealed class SigV4SuiteCase
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "sigv4");

    private SigV4SuiteCase(string name) => Name = name;

    public string Name { get; }

    public required SigV4Request Request { get; init; }

    public required ImmutableCredentials Credentials { get; init; }

    public required string Region { get; init; }

    public required string Service { get; init; }

    public required DateTime SignedAt { get; init; }

    public required SigV4SigningOptions Options { get; init; }

    /// <summary>The suite adds the session token after signing, unsigned (aws-c-auth's omit_session_token).</summary>
    public required bool OmitsSessionToken { get; init; }

    public required string ExpectedAuthorization { get; init; }

    public string? ExpectedCanonicalRequest { get; init; }

    public string? ExpectedStringToSign { get; init; }

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static SigV4SuiteCase Load(string name)
    {
        var directory = Path.Combine(Root, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        var token = credentials.TryGetProperty("token", out var tokenElement) ? tokenElement.GetString() : null;
        bool Flag(string property) => root.TryGetProperty(property, out var value) && value.GetBoolean();

        return new SigV4SuiteCase(name)
        {
            Request = ParseRequest(File.ReadAllText(Path.Combine(directory, "request.txt"))),
            Credentials = new ImmutableCredentials(
                credentials.GetProperty("access_key_id").GetString(), credentials.GetProperty("secret_access_key").GetString(), token),
            Region = root.GetProperty("region").GetString()!,
            Service = root.GetProperty("service").GetString()!,
            SignedAt = root.GetProperty("timestamp").GetDateTime().ToUniversalTime(),
            Options = new SigV4SigningOptions
            {
                NormalizePath = !root.TryGetProperty("normalize", out var normalize) || normalize.GetBoolean(),
                AddContentSha256Header = Flag("sign_body"),
                PayloadHashOverride = root.TryGetProperty("signed_body_value", out var bodyValue) ? bodyValue.GetString() : null,
            },
            OmitsSessionToken = Flag("omit_session_token"),
            ExpectedAuthorization = AuthorizationOf(File.ReadAllText(Path.Combine(directory, "header-signed-request.txt"))),
            ExpectedCanonicalRequest = ReadOptional(directory, "header-canonical-request.txt"),
            ExpectedStringToSign = ReadOptional(directory, "header-string-to-sign.txt"),
        };
    }

    public override string ToString() => Name;

    /// <summary>
    /// "METHOD target HTTP/1.1", then headers; a line starting with whitespace continues the previous header and
    /// counts as another value of it (the suite's multiline case expects the values joined with ',').
    /// </summary>
    private static SigV4Request ParseRequest(string text)
    {
        var separator = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = separator < 0 ? text : text[..separator];
        var body = separator < 0 ? string.Empty : text[(separator + 2)..];
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(' ')];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(line => line.Length > 0))
        {
            if (char.IsWhiteSpace(line[0]))
            {
                headers.Add(new(headers[^1].Key, line.Trim()));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4Request(method, path, query, headers, Encoding.UTF8.GetBytes(body));
    }

    private static string AuthorizationOf(string signedRequest) =>
        signedRequest.Split('\n')
            .Single(line => line.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))["Authorization:".Length..]
            .Trim();

    private static string? ReadOptional(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}
