using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// Makes audit lines tamper-evident. Each line is the record's JSON with these fields appended: <c>replica</c> (whose
/// chain it is, so that a file moved or renamed into another replica's chain is found; absent in chains written
/// before replica ids), <c>seq</c> (1, 2, … through every segment of the chain, so a missing line or segment shows as
/// a gap), <c>prev</c> (the previous line's <c>hash</c>; 64 zeros for the first line of a chain) and <c>alg</c>; then
/// <c>hash</c>, computed over the exact bytes of the line up to it (closed with <c>}</c>). With
/// <c>AwsMcp:Audit:ChainKey</c> set the hash is an HMAC-SHA256 under that key (<c>alg</c> names its id), so whoever can
/// edit the files but not read the key cannot recompute the chain.
/// </summary>
public sealed partial class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The unkeyed algorithm's name in <c>alg</c>.</summary>
    public const string Sha256 = "sha256";

    private const string HmacPrefix = "hmac-sha256:";

    // ,"hash":"<64 hex>"}
    private const int HashFieldLength = 9 + 64 + 2;

    private readonly byte[]? _key;
    private readonly string _replicaField;

    /// <param name="replica">The replica whose lines this chain links (null: lines without <c>replica</c>, for checking only).</param>
    public AuditChain(byte[]? key, string? keyId, string? replica = null)
    {
        _key = key;
        Algorithm = key is null ? Sha256 : HmacPrefix + (string.IsNullOrEmpty(keyId) ? "default" : keyId);
        _replicaField = replica is null ? string.Empty : $",\"replica\":\"{replica}\"";
    }

    /// <summary>What <c>alg</c> says in the lines this chain writes.</summary>
    public string Algorithm { get; }

    /// <summary>
    /// Links the record whose JSON, without its closing brace, is <paramref name="body"/>: returns the bytes to write
    /// after it (<c>,"seq":…,"prev":"…","alg":"…","hash":"…"}</c> and a newline) and its hash, the next <c>prev</c>.
    /// </summary>
    public (byte[] Tail, string Hash) Link(ReadOnlySpan<byte> body, long sequence, string previous)
    {
        var chain = string.Create(CultureInfo.InvariantCulture, $"{_replicaField},\"seq\":{sequence},\"prev\":\"{previous}\",\"alg\":\"{Algorithm}\"");
        var chainBytes = Encoding.UTF8.GetBytes(chain);
        var hash = Hash(body, chainBytes);
        return (Encoding.UTF8.GetBytes($"{chain},\"hash\":\"{hash}\"}}\n"), hash);
    }

    /// <summary>What a line says about itself, and whether its hash is right under this chain's key.</summary>
    public LineCheck Check(string line)
    {
        if (line.Length < HashFieldLength + 2 || !line.EndsWith("\"}", StringComparison.Ordinal)
            || string.CompareOrdinal(line, line.Length - HashFieldLength, ",\"hash\":\"", 0, 9) != 0)
        {
            return LineCheck.Malformed("not an audit record (no hash at its end)");
        }

        if (ChainFields().Match(line) is not { Success: true } fields)
        {
            return LineCheck.Malformed("not an audit record (no seq, prev, alg and hash at its end)");
        }

        var algorithm = fields.Groups["alg"].Value;
        var sequence = long.Parse(fields.Groups["seq"].ValueSpan, CultureInfo.InvariantCulture);
        var replica = fields.Groups["replica"] is { Success: true } named ? named.Value : null;
        var stated = fields.Groups["hash"].Value;
        if (algorithm != Algorithm)
        {
            var problem = algorithm.StartsWith(HmacPrefix, StringComparison.Ordinal) && _key is null
                ? $"the record is signed with chain key '{algorithm[HmacPrefix.Length..]}'; verify with that key (AwsMcp:Audit:ChainKey, --key-file)"
                : $"the record is hashed with '{algorithm}', not '{Algorithm}' (another chain key?)";
            return new LineCheck(problem, sequence, fields.Groups["prev"].Value, stated, false, algorithm, replica);
        }

        var actual = Hash(Encoding.UTF8.GetBytes(line[..(line.Length - HashFieldLength)]), []);
        return new LineCheck(
            null, sequence, fields.Groups["prev"].Value, stated, string.Equals(stated, actual, StringComparison.Ordinal), algorithm, replica);
    }

    // The line up to its hash, closed with '}': what the writer hashed before it appended the hash.
    private string Hash(ReadOnlySpan<byte> body, ReadOnlySpan<byte> chain)
    {
        using var hash = _key is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hash.AppendData(body);
        hash.AppendData(chain);
        hash.AppendData("}"u8);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    [GeneratedRegex("""(?:(?:,"replica":"(?<replica>[a-z0-9._-]{1,128})")?,"seq":(?<seq>[0-9]{1,18}),"prev":"(?<prev>[0-9a-f]{64})","alg":"(?<alg>[a-z0-9:._-]{1,80})","hash":"(?<hash>[0-9a-f]{64})"\}$)""", RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex ChainFields();

    /// <summary>One line as the verifier sees it.</summary>
    /// <param name="Problem">Why it cannot be checked under this chain's key (not an audit record, another algorithm or key), or null.</param>
    /// <param name="Sequence">Its <c>seq</c>.</param>
    /// <param name="Previous">Its <c>prev</c>.</param>
    /// <param name="Hash">Its stated <c>hash</c>.</param>
    /// <param name="HashMatches">True when the stated hash is right.</param>
    /// <param name="Algorithm">Its <c>alg</c>; empty when it is not an audit record.</param>
    /// <param name="Replica">Its <c>replica</c>, or null when it names none.</param>
    public readonly record struct LineCheck(string? Problem, long Sequence, string Previous, string Hash, bool HashMatches, string Algorithm, string? Replica)
    {
        /// <summary>A whole record under another algorithm or key: readable, but not checkable here.</summary>
        public bool OtherAlgorithm => Problem is not null && Algorithm.Length > 0;

        public static LineCheck Malformed(string problem) => new(problem, 0, string.Empty, string.Empty, false, string.Empty, null);
    }
}
