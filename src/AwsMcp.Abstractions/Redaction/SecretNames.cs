using System.Collections.Concurrent;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// Whether a name (a JSON property, an argument, an environment variable, the left side of <c>name=value</c>) holds
/// a secret by convention. Long unambiguous words count anywhere in the name (<c>dbPassword</c>, <c>SECRET_KEY</c>);
/// short ones only as a whole word (<c>DB_PASS</c>, <c>MYSQL_PWD</c>, <c>pwd</c>, but not <c>bypass</c>). Answers are
/// cached per name: the same few hundred names recur in every AWS answer.
/// </summary>
internal static class SecretNames
{
    public enum Kind
    {
        /// <summary>Not a secret name; its value is still scanned for secret shapes.</summary>
        Plain,

        /// <summary>Its value is masked whatever it is.</summary>
        Secret,

        /// <summary>Paging cursors and the host's control tokens: opaque, not secrets, passed through unscanned.</summary>
        Verbatim,
    }

    // Lower-cased, separators removed: "DB_PASSWORD" and "dbPassword" both contain "password".
    private static readonly string[] SecretParts =
    [
        "password", "passwd", "passphrase", "secret", "token", "credential", "apikey", "accesskey", "privatekey",
        "authorization", "connectionstring", "cookie", "sessionkey", "signingkey", "clientsecret",
    ];

    // Whole words only: common as parts of harmless words.
    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal) { "pass", "pwd", "pw", "passcode", "pin" };

    private static readonly HashSet<string> VerbatimNames = new(StringComparer.Ordinal)
    {
        "nexttoken", "continuationtoken", "nextcontinuationtoken", "paginationtoken", "pagetoken", "starttoken",
        "confirmationtoken", "clienttoken", "idempotencytoken", "nextpagetoken", "marker", "nextmarker",
    };

    // Names that contain a secret-ish part but hold none; their values are still scanned for secret shapes.
    private static readonly HashSet<string> NotSecretNames = new(StringComparer.Ordinal)
    {
        "accesskeyid", "accesskeyids", "accesskeylastused", "accesskeymetadata", "accesskeys", "tokencount", "tokens", "maxtokens",
        "estimatedtokens", "passwordlastused", "passwordenabled", "passwordpolicy", "passwordresetrequired", "secretarn", "secretname",
        "secretid", "tokentype", "credentialreport", "credentialsource",
    };

    private static readonly ConcurrentDictionary<string, Kind> Cache = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Cache.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Kind Classify(ReadOnlySpan<char> name)
    {
        if (Lookup.TryGetValue(name, out var kind))
        {
            return kind;
        }

        kind = Compute(name.ToString());
        if (Cache.Count < 10_000)
        {
            Cache.TryAdd(name.ToString(), kind);
        }

        return kind;
    }

    private static Kind Compute(string name)
    {
        var normalised = string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
        if (VerbatimNames.Contains(normalised))
        {
            return Kind.Verbatim;
        }

        if (NotSecretNames.Contains(normalised))
        {
            return Kind.Plain;
        }

        return SecretParts.Any(part => normalised.Contains(part, StringComparison.Ordinal)) || Words(name).Any(SecretWords.Contains)
            ? Kind.Secret
            : Kind.Plain;
    }

    // "MYSQL_PWD" → mysql, pwd; "dbPass" → db, pass.
    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || !char.IsAsciiLetterOrDigit(name[i])
                || (char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterLower(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            var word = name[start..i].Trim('_', '-', '.', ' ', '"', '\'');
            if (word.Length > 0)
            {
                yield return word.ToLowerInvariant();
            }

            start = i < name.Length && !char.IsAsciiLetterOrDigit(name[i]) ? i + 1 : i;
        }
    }
}
