using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>
/// Decodes <c>Content-Encoding: aws-chunked</c> bodies (what SDK v4 sends for S3 uploads): <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>,
/// its <c>-TRAILER</c> variant and <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>. Chunk and trailer signatures are checked
/// against the chain that starts at the request's own signature, and the decoded length against
/// <c>x-amz-decoded-content-length</c>.
/// </summary>
internal static class AwsChunkedBody
{
    public const string SignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string SignedPayloadWithTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string UnsignedPayloadWithTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    public static bool IsChunked(string contentSha256) => contentSha256.StartsWith("STREAMING-", StringComparison.Ordinal);

    /// <summary>Decodes the body. <paramref name="signing"/> is null when signatures are not being verified.</summary>
    /// <exception cref="SandboxServiceException">The framing is corrupt, a signature does not match, or the length is wrong.</exception>
    public static DecodedBody Decode(byte[] body, string contentSha256, long? decodedContentLength, SigningContext? signing)
    {
        if (contentSha256 is not (SignedPayload or SignedPayloadWithTrailer or UnsignedPayloadWithTrailer))
        {
            throw new SandboxServiceException(400, "InvalidArgument", $"Unsupported x-amz-content-sha256 value '{contentSha256}'.");
        }

        var signed = contentSha256 != UnsignedPayloadWithTrailer;
        var previousSignature = signing?.SeedSignature;
        var payload = new MemoryStream();
        var position = 0;
        while (true)
        {
            var (size, chunkSignature) = ParseChunkHeader(ReadLine(body, ref position));
            if (size > body.Length - position)
            {
                throw Corrupt("a chunk is longer than the body");
            }

            var data = body.AsSpan(position, size);
            if (signed && signing is not null)
            {
                var stringToSign = $"AWS4-HMAC-SHA256-PAYLOAD\n{signing.AmzDate}\n{signing.Scope}\n{previousSignature}\n"
                    + $"{SigV4Signer.EmptyPayloadSha256}\n{SigV4Signer.Sha256Hex(data)}";
                previousSignature = Verify(signing, stringToSign, chunkSignature, "chunk");
            }

            payload.Write(data);
            position += size;
            if (size == 0)
            {
                break;
            }

            if (ReadLine(body, ref position).Length != 0)
            {
                throw Corrupt("a chunk is not followed by CRLF");
            }
        }

        var trailers = ReadTrailers(body, ref position, out var trailerSignature);
        if (signing is not null && contentSha256 == SignedPayloadWithTrailer)
        {
            var canonicalTrailers = string.Concat(trailers.Select(t => $"{t.Key}:{t.Value}\n"));
            var stringToSign = $"AWS4-HMAC-SHA256-TRAILER\n{signing.AmzDate}\n{signing.Scope}\n{previousSignature}\n"
                + SigV4Signer.Sha256Hex(Encoding.UTF8.GetBytes(canonicalTrailers));
            Verify(signing, stringToSign, trailerSignature, "trailer");
        }

        if (decodedContentLength is { } expected && expected != payload.Length)
        {
            throw new SandboxServiceException(
                400,
                "IncompleteBody",
                $"You did not provide the number of bytes specified by the x-amz-decoded-content-length header ({expected}, got {payload.Length}).");
        }

        return new DecodedBody(payload.ToArray(), trailers);
    }

    private static (int Size, string? Signature) ParseChunkHeader(string line)
    {
        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        var sizeText = semicolon < 0 ? line : line[..semicolon];
        if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw Corrupt($"bad chunk size '{sizeText}'");
        }

        const string signaturePrefix = "chunk-signature=";
        var extension = semicolon < 0 ? "" : line[(semicolon + 1)..];
        return (size, extension.StartsWith(signaturePrefix, StringComparison.Ordinal) ? extension[signaturePrefix.Length..] : null);
    }

    private static Dictionary<string, string> ReadTrailers(byte[] body, ref int position, out string? trailerSignature)
    {
        var trailers = new Dictionary<string, string>(StringComparer.Ordinal);
        trailerSignature = null;
        while (position < body.Length)
        {
            var line = ReadLine(body, ref position);
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Corrupt($"bad trailer line '{line}'");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == "x-amz-trailer-signature")
            {
                trailerSignature = value;
            }
            else
            {
                trailers[name] = value;
            }
        }

        return trailers;
    }

    private static string Verify(SigningContext signing, string stringToSign, string? presented, string what)
    {
        var expected = SigV4Signer.Signature(signing.SigningKey, stringToSign);
        if (presented is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented)))
        {
            throw new SandboxServiceException(
                403,
                "SignatureDoesNotMatch",
                $"The {what} signature we calculated does not match the signature you provided.");
        }

        return expected;
    }

    private static string ReadLine(byte[] body, ref int position)
    {
        var end = body.AsSpan(position).IndexOf("\r\n"u8);
        if (end < 0)
        {
            throw Corrupt("a line is not terminated by CRLF");
        }

        var line = Encoding.ASCII.GetString(body, position, end);
        position += end + 2;
        return line;
    }

    private static SandboxServiceException Corrupt(string detail) =>
        new(400, "IncompleteBody", $"The aws-chunked request body is malformed: {detail}.");
}
