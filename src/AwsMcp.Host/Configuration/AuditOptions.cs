using System.Text.RegularExpressions;

namespace AwsMcp.Host.Configuration;

/// <summary>Where audit records go (<c>AwsMcp:Audit</c>): a hash-chained JSON-lines folder, optionally shipped to S3.</summary>
public sealed partial class AuditOptions : IValidatableOptions
{
    /// <summary>The prototype's variable for the audit bucket, still honoured when <see cref="S3Bucket"/> is not set.</summary>
    public const string PrototypeBucketVariable = "AUDIT_BUCKET";

    /// <summary>Where a replica id comes from when <see cref="ReplicaId"/> is not set, in this order (then the machine name).</summary>
    public static readonly IReadOnlyList<string> ReplicaIdVariables = ["POD_NAME", "HOSTNAME"];

    /// <summary>Longest replica id: room is left for a lane suffix (<c>_2</c>) and the segment name within a file name's 255 bytes.</summary>
    public const int MaxReplicaIdLength = 100;

    public static string Section => ConfigurationSections.Audit;

    /// <summary>Write the JSON-lines audit folder. Off only when another durable sink is registered.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The audit folder; relative paths are relative to the working directory. Default: <c>awsmcp/audit</c> under the
    /// user's local application data. Replicas may share it: each writes only its own chain (<see cref="ReplicaId"/>).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Names this process's chain: its segment files, every record's <c>replica</c> field and its S3 prefix. Default:
    /// <c>POD_NAME</c>, else <c>HOSTNAME</c>, else the machine name (lower-cased). A restart with the same id continues the
    /// chain; a second live process cannot write it (it is locked): with an id set here that process is refused, with a
    /// defaulted one it writes <c>&lt;id&gt;_2</c> (several desktop clients each start their own server on one machine).
    /// </summary>
    public string? ReplicaId { get; set; }

    /// <summary>A segment file is closed and a new one started (continuing the chain) past this size.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Base64 key (at least 32 bytes, <c>openssl rand -base64 32</c>) that makes the chain an HMAC-SHA256 chain:
    /// without it, whoever can edit the audit files can also recompute their hashes. Keep it out of the audit host's
    /// reach where you can; <c>awsmcp audit verify</c> needs it.
    /// </summary>
    public string? ChainKey { get; set; }

    /// <summary>Names <see cref="ChainKey"/> in every line (<c>alg</c>), so that a rotated key can still verify older runs.</summary>
    public string ChainKeyId { get; set; } = "default";

    /// <summary>Ship the audit folder to this bucket (also <c>AUDIT_BUCKET</c>); the local files are the spool.</summary>
    public string? S3Bucket { get; set; }

    /// <summary>Key prefix of the shipped objects.</summary>
    public string S3Prefix { get; set; } = "awsmcp-audit/";

    /// <summary>The bucket's region; default: <c>AwsMcp:Aws:Region</c>, then the SDK's own resolution.</summary>
    public string? S3Region { get; set; }

    /// <summary>An S3-compatible endpoint instead of AWS (the sandbox, MinIO); path-style addressing is used.</summary>
    public string? S3ServiceUrl { get; set; }

    /// <summary>At most this many records per shipped object.</summary>
    public int S3BatchSize { get; set; } = 500;

    /// <summary>How often pending records are shipped when none arrive to trigger it.</summary>
    public int S3IntervalSeconds { get; set; } = 10;

    /// <summary>The audit folder as an absolute path.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "awsmcp", "audit"));

    /// <summary>The bucket to ship to: <see cref="S3Bucket"/>, else <c>AUDIT_BUCKET</c>, else none.</summary>
    public string? Bucket => S3Bucket is { Length: > 0 } bucket ? bucket
        : Environment.GetEnvironmentVariable(PrototypeBucketVariable) is { Length: > 0 } prototype ? prototype
        : null;

    /// <summary>The replica id this configuration names (not yet checked; see <see cref="Validate"/>) and where it came from.</summary>
    public ReplicaIdSource Replica()
    {
        if (ReplicaId is { Length: > 0 } configured)
        {
            return new(configured, $"{ConfigurationSections.Audit}:{nameof(ReplicaId)}", Configured: true);
        }

        foreach (var variable in ReplicaIdVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                return new(value, $"the {variable} environment variable", Configured: false);
            }
        }

        return new(Environment.MachineName, "the machine name", Configured: false);
    }

    /// <summary>The chain key's bytes, or null when none is configured (or it is not valid base64; see <see cref="Validate"/>).</summary>
    public byte[]? ChainKeyBytes()
    {
        if (string.IsNullOrEmpty(ChainKey))
        {
            return null;
        }

        var bytes = new byte[ChainKey.Length];
        return Convert.TryFromBase64String(ChainKey, bytes, out var written) ? bytes[..written] : null;
    }

    public IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(ChainKey) && ChainKeyBytes() is not { Length: >= 32 })
        {
            yield return "ChainKey must be base64 of at least 32 random bytes (openssl rand -base64 32).";
        }

        if (!Regex.IsMatch(ChainKeyId, "^[a-z0-9._-]{1,40}$"))
        {
            yield return $"ChainKeyId must be 1 to 40 lower-case letters, digits, '.', '_' or '-' (was '{ChainKeyId}').";
        }

        var replica = Replica();
        if (!ReplicaIdPattern().IsMatch(replica.Value))
        {
            yield return $"ReplicaId '{replica.Value}' (from {replica.From}) must be 1 to {MaxReplicaIdLength} letters, digits, '.', '_' or '-', " +
                "starting and ending with a letter or digit: it names the audit chain's files and S3 objects. Set AwsMcp:Audit:ReplicaId to such an id.";
        }

        if (MaxFileBytes < 64 * 1024)
        {
            yield return $"MaxFileBytes must be at least 65536 (was {MaxFileBytes}).";
        }

        if (S3BatchSize is < 1 or > 10_000)
        {
            yield return $"S3BatchSize must be between 1 and 10000 (was {S3BatchSize}).";
        }

        if (S3IntervalSeconds is < 1 or > 3600)
        {
            yield return $"S3IntervalSeconds must be between 1 and 3600 (was {S3IntervalSeconds}).";
        }

        if (Bucket is not null && !Enabled)
        {
            yield return "S3Bucket needs Enabled=true: the local audit folder is the spool that survives an S3 outage.";
        }

        if (S3ServiceUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            yield return $"S3ServiceUrl '{url}' is not an absolute URL.";
        }
    }

    // MaxReplicaIdLength characters at most: 1 + 98 + 1.
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,98}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReplicaIdPattern();

    /// <summary>A replica id as configured or defaulted.</summary>
    /// <param name="Value">The id as found (validated in <see cref="Validate"/>; chains use it lower-cased).</param>
    /// <param name="From">Where it was found, for messages.</param>
    /// <param name="Configured">True when <see cref="ReplicaId"/> set it: then a second live process with it is refused.</param>
    public sealed record ReplicaIdSource(string Value, string From, bool Configured)
    {
        /// <summary>The id chains and objects are named by: lower case, so that case-insensitive file systems cannot merge two ids.</summary>
        public string Id => Value.ToLowerInvariant();
    }
}
