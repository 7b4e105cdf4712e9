using System.Text;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;

namespace AwsMcp.Sandbox.Tests.Core;

/// <summary>The aws-chunked decoder on bodies SDK clients over plain HTTP do not produce (unsigned trailers) or must never produce (corruption).</summary>
public sealed class AwsChunkedBodyTests
{
    private static readonly SigningContext Signing = new(
        SigV4Signer.SigningKey("secret", "20261125", "us-east-1", "s3"),
        "20261125T090000Z",
        "20261125/us-east-1/s3/aws4_request",
        new string('0', 64));

    [Fact]
    public void An_unsigned_body_with_a_trailing_checksum_decodes()
    {
        var body = Encoding.ASCII.GetBytes("5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n");
        var decoded = AwsChunkedBody.Decode(body, AwsChunkedBody.UnsignedPayloadWithTrailer, 11, signing: null);
        Assert.Equal("hello world", Encoding.ASCII.GetString(decoded.Payload));
        Assert.Equal("DUoRhQ==", decoded.Trailers["x-amz-checksum-crc32"]);
    }

    [Fact]
    public void Signed_chunks_are_checked_along_the_chain()
    {
        var body = SignedBody(["hello", " world"]);
        Assert.Equal("hello world", Encoding.ASCII.GetString(AwsChunkedBody.Decode(body, AwsChunkedBody.SignedPayload, 11, Signing).Payload));

        var tampered = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(body).Replace("world", "WORLD", StringComparison.Ordinal));
        var error = Assert.Throws<SandboxServiceException>(() => AwsChunkedBody.Decode(tampered, AwsChunkedBody.SignedPayload, 11, Signing));
        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    [Fact]
    public void A_wrong_decoded_length_is_refused()
    {
        var error = Assert.Throws<SandboxServiceException>(() =>
            AwsChunkedBody.Decode(Encoding.ASCII.GetBytes("5\r\nhello\r\n0\r\n\r\n"), AwsChunkedBody.UnsignedPayloadWithTrailer, 6, signing: null));
        Assert.Equal("IncompleteBody", error.Code);
    }

    [Theory]
    [InlineData("zz\r\nhello\r\n0\r\n\r\n")]
    [InlineData("50\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5\r\nhelloX0\r\n\r\n")]
    [InlineData("5\r\nhello")]
    public void Corrupt_framing_is_refused(string body)
    {
        var error = Assert.Throws<SandboxServiceException>(() =>
            AwsChunkedBody.Decode(Encoding.ASCII.GetBytes(body), AwsChunkedBody.UnsignedPayloadWithTrailer, null, signing: null));
        Assert.Equal("IncompleteBody", error.Code);
    }

    /// <summary>Frames chunks as <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c> with the signature chain the spec defines.</summary>
    private static byte[] SignedBody(IEnumerable<string> chunks)
    {
        var builder = new StringBuilder();
        var previous = Signing.SeedSignature;
        foreach (var chunk in chunks.Append(""))
        {
            var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{Signing.AmzDate}\n{Signing.Scope}\n{previous}\n{SigV4Signer.EmptyPayloadSha256}\n"
                + SigV4Signer.Sha256Hex(Encoding.ASCII.GetBytes(chunk));
            previous = SigV4Signer.Signature(Signing.SigningKey, stringToSign);
            builder.Append($"{chunk.Length:x};chunk-signature={previous}\r\n{chunk}\r\n");
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
