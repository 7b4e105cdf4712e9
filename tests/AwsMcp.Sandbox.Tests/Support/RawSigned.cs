using System.Globalization;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;

namespace AwsMcp.Sandbox.Tests.Support;

/// <summary>
/// Hand-signed HTTP requests for what the SDK clients will not send (an explicit us-east-1 constraint, an unknown
/// service). Signed with the sandbox's own SigV4 code: these tests are about routing and rules, not signatures,
/// which the real SDK clients cover.
/// </summary>
public static class RawSigned
{
    private static readonly HttpClient Http = new();

    /// <param name="virtualHost">A Host header to send instead of the endpoint's (e.g. <c>bucket.localhost</c> for virtual-host style S3).</param>
    /// <param name="declaredPayloadHash">An <c>x-amz-content-sha256</c> to sign and send instead of the body's real hash.</param>
    public static async Task<HttpResponseMessage> SendAsync(
        SandboxServer server,
        HttpRequestMessage request,
        string service,
        string region,
        string? virtualHost = null,
        string? declaredPayloadHash = null)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        var now = DateTimeOffset.UtcNow;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = declaredPayloadHash ?? SigV4Signer.Sha256Hex(body);
        var host = $"{virtualHost ?? server.Endpoint.Host}:{server.Endpoint.Port}";
        request.Headers.Host = host;
        request.Headers.Add("x-amz-date", amzDate);
        request.Headers.Add("x-amz-content-sha256", payloadHash);

        var uri = request.RequestUri!;
        var canonical = SigV4Signer.CanonicalRequest(
            request.Method.Method,
            SigV4Signer.CanonicalUri(uri.AbsolutePath, isS3: service == "s3"),
            SigV4Signer.CanonicalQuery(uri.Query),
            [new("host", host), new("x-amz-content-sha256", payloadHash), new("x-amz-date", amzDate)],
            payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var key = SigV4Signer.SigningKey(SandboxIdentities.OperatorSecretAccessKey, date, region, service);
        var signature = SigV4Signer.Signature(key, SigV4Signer.StringToSign(amzDate, scope, canonical));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={SandboxIdentities.OperatorAccessKeyId}/{scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={signature}");
        return await Http.SendAsync(request);
    }
}
