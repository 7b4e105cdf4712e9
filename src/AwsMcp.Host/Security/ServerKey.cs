using System.Security.Cryptography;
using System.Text;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security;

/// <summary>
/// The server's signing key (<c>AwsMcp:Security:ConfirmationKey</c>) and the keys derived from it per purpose
/// (confirmation tokens, page tokens), so that one configured secret serves every token a replica issues and any
/// replica with the same key accepts them. Without one, a key is made for this process, with a warning on first use.
/// </summary>
public sealed partial class ServerKey
{
    private readonly Lazy<byte[]> _root;

    public ServerKey(IOptions<SecurityOptions> options, ILogger<ServerKey> logger) =>
        _root = new Lazy<byte[]>(() =>
        {
            if (options.Value.ConfirmationKeyBytes() is { } configured)
            {
                return configured;
            }

            LogGeneratedKey(logger);
            return RandomNumberGenerator.GetBytes(SecurityOptions.MinConfirmationKeyBytes);
        });

    /// <summary>The configured key itself (confirmation tokens are signed with it).</summary>
    public byte[] Root => _root.Value;

    /// <summary>A key for one purpose, so that a token of one kind can never pass for another.</summary>
    public byte[] Derive(string purpose) => HMACSHA256.HashData(Root, Encoding.ASCII.GetBytes("awsmcp:" + purpose));

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "AwsMcp:Security:ConfirmationKey is not set: confirmation and page tokens are signed with a key made for this process, " +
            "so they stop working after a restart and on other replicas. Set it to `openssl rand -base64 32`, the same on every replica.")]
    private static partial void LogGeneratedKey(ILogger logger);
}
