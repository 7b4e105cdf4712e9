using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// The one place that decides what must never be written down or handed to a model: AWS access key ids, secret
/// access keys, session tokens, passwords and other secrets in <c>name=value</c> pairs, JSON properties and
/// environment maps, private-key blocks and bearer tokens. The host applies it to audit records, logs and every
/// tool result; tool packs can use it for free text they return.
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "[redacted]";

    // Lower-cased, separators removed: "DB_PASSWORD" and "dbPassword" both contain "password".
    private static readonly string[] SecretNameParts =
    [
        "password", "passwd", "passphrase", "secret", "token", "credential", "apikey", "accesskey", "privatekey",
        "authorization", "connectionstring", "cookie",
    ];

    // Paging cursors and the host's own control tokens: opaque, not secrets, and useless once altered, so their
    // values are passed through untouched.
    private static readonly HashSet<string> VerbatimNames = new(StringComparer.Ordinal)
    {
        "nexttoken", "continuationtoken", "nextcontinuationtoken", "paginationtoken", "pagetoken", "starttoken",
        "confirmationtoken", "clienttoken", "idempotencytoken",
    };

    // Names that contain a secret-ish word but hold none; their values are still scanned for secret shapes.
    private static readonly HashSet<string> NotSecretNames = new(StringComparer.Ordinal)
    {
        "accesskeyid", "accesskeyids", "accesskeylastused", "accesskeymetadata", "tokencount", "tokens", "maxtokens",
        "estimatedtokens",
    };

    /// <summary>True when a property, argument or variable called <paramref name="name"/> holds a secret by convention.</summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normalised = Normalise(name);
        return !VerbatimNames.Contains(normalised) && !NotSecretNames.Contains(normalised)
            && SecretNameParts.Any(part => normalised.Contains(part, StringComparison.Ordinal));
    }

    /// <summary>Redacts secrets in free text (log lines, error messages, command output, JSON rendered as text).</summary>
    public static string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        // Bearer first: "Authorization: Bearer x" must not leave x behind once "Authorization:" is masked.
        text = PrivateKeyBlock().Replace(text, Mask);
        text = BearerToken().Replace(text, "Bearer " + Mask);
        text = Assignment().Replace(text, RedactAssignment);
        text = JsonWebToken().Replace(text, Mask);
        text = SessionToken().Replace(text, Mask);
        text = AccessKeyId().Replace(text, Mask);
        return SecretKeyShaped().Replace(text, match => LooksLikeSecretKey(match.Value) ? Mask : match.Value);
    }

    /// <summary>
    /// Redacts a JSON value: secret-named properties are masked whatever their value, <c>{"Name": "DB_PASSWORD",
    /// "Value": "…"}</c> environment entries have their value masked, and every other string goes through
    /// <see cref="RedactText"/>. Returns <paramref name="value"/> itself when nothing needed redacting.
    /// </summary>
    public static JsonElement RedactJson(JsonElement value)
    {
        var node = JsonNode.Parse(value.GetRawText());
        if (node is null || !Redact(ref node))
        {
            return value;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Redacts text that may be JSON: parsed and redacted as JSON (compact output) when it is an object or array,
    /// as free text otherwise. Unchanged text is returned as is, formatting included.
    /// </summary>
    public static string RedactJsonOrText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[')
        {
            try
            {
                var node = JsonNode.Parse(text);
                if (node is null)
                {
                    return text;
                }

                return Redact(ref node) ? node.ToJsonString() : text;
            }
            catch (JsonException)
            {
                // Not JSON after all (a log line starting with '['): treat it as text.
            }
        }

        return RedactText(text);
    }

    private static bool Redact(ref JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                return RedactObject(obj);
            case JsonArray array:
                var changed = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Redact(ref item))
                    {
                        // Objects and arrays are redacted in place; only a replaced string is a new node.
                        if (!ReferenceEquals(item, array[i]))
                        {
                            array[i] = item;
                        }

                        changed = true;
                    }
                }

                return changed;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var original = value.GetValue<string>();
                var redacted = RedactText(original);
                if (ReferenceEquals(redacted, original) || redacted == original)
                {
                    return false;
                }

                node = JsonValue.Create(redacted);
                return true;
            default:
                return false;
        }
    }

    private static bool RedactObject(JsonObject obj)
    {
        var changed = false;
        var environmentEntry = IsSecretEnvironmentEntry(obj);
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            var child = obj[name];
            if (child is null)
            {
                continue;
            }

            if (VerbatimNames.Contains(Normalise(name)))
            {
                continue;
            }

            if (IsSecretName(name) || (environmentEntry && IsValueName(name)))
            {
                if (child is not JsonValue masked || masked.GetValueKind() != JsonValueKind.String || masked.GetValue<string>() != Mask)
                {
                    obj[name] = Mask;
                    changed = true;
                }
            }
            else if (Redact(ref child))
            {
                if (!ReferenceEquals(child, obj[name]))
                {
                    obj[name] = child;
                }

                changed = true;
            }
        }

        return changed;
    }

    // ECS, CloudFormation and SSM shapes: [{"Name": "DB_PASSWORD", "Value": "…"}] or {"Key": …, "Value": …}.
    private static bool IsSecretEnvironmentEntry(JsonObject obj) =>
        obj.Any(p => p.Key.ToUpperInvariant() is "NAME" or "KEY" && p.Value is JsonValue name
            && name.GetValueKind() == JsonValueKind.String && IsSecretName(name.GetValue<string>()))
        && obj.Any(p => IsValueName(p.Key));

    private static bool IsValueName(string name) => string.Equals(name, "value", StringComparison.OrdinalIgnoreCase);

    private static string RedactAssignment(Match match) =>
        IsSecretName(match.Groups["name"].Value.Trim('"', '\''))
            ? match.Groups["name"].Value + match.Groups["separator"].Value + (match.Groups["quoted"].Success ? "\"" + Mask + "\"" : Mask)
            : match.Value;

    // 40 base64 characters mixing cases and digits or '/', '+': the shape of an AWS secret access key (a hex digest
    // of the same length has no upper case; a word run has no digits).
    private static bool LooksLikeSecretKey(string candidate) =>
        candidate.Any(char.IsAsciiLetterUpper) && candidate.Any(char.IsAsciiLetterLower) && candidate.Any(c => char.IsAsciiDigit(c) || c is '/' or '+');

    private static string Normalise(string name) =>
        string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyBlock();

    // name=value, name: value, "name": "value", name="value"; the name decides (see IsSecretName).
    // A name starts a run and is bounded: unanchored, unbounded runs backtrack quadratically on long unbroken words.
    [GeneratedRegex(
        """(?<![A-Za-z0-9_.\-])(?<name>["']?[A-Za-z0-9_.\-]{0,64}(?:pass|secret|token|key|credential|authorization|cookie|connectionstring)[A-Za-z0-9_.\-]{0,64}["']?)(?<separator>\s*[:=]\s*)(?:(?<quoted>"(?:[^"\\]|\\.)*")|'[^']*'|(?<value>[^\s"'&,;}\]]+))""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex JsonWebToken();

    // STS session tokens start with a base64 "IQoJb3JpZ2lu" ("\x21\n\torigin") or the older "FwoGZXIvYXdz" / "FQoGZXIvYXdz".
    [GeneratedRegex(@"(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex SessionToken();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();

    // Bounded by anything but base64 and base64url characters, so that runs inside longer tokens do not match.
    [GeneratedRegex(@"(?<![A-Za-z0-9/+=_-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])", RegexOptions.CultureInvariant)]
    private static partial Regex SecretKeyShaped();
}
