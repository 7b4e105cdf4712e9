using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// The free-text rules. Every pattern runs on the non-backtracking engine (or is a hand-written scan), so redaction
/// takes time linear in its input whatever the input is (its repetitions need no bounds, and large bounds would only
/// bloat its automaton); boundaries the engine cannot express (no lookarounds) are checked around each match instead. Each rule first asks a cheap ordinal question (does the text contain
/// <c>eyJ</c>, a separator, a run long enough to be a key?) and is skipped when the answer is no.
/// </summary>
internal static partial class TextRedactor
{
    public const string Mask = SecretRedactor.Mask;

    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly SearchValues<char> Separators = SearchValues.Create(":=");

    /// <summary>
    /// The text with secrets replaced; the same instance when nothing was. With <paramref name="shapesOnly"/>, only
    /// secrets with an unmistakable shape (keys ids, tokens, key blocks, credentials in URLs) are looked for: for
    /// opaque values such as paging cursors, where a name rule or the generic key shape would break them.
    /// </summary>
    public static string Redact(string text, bool shapesOnly = false)
    {
        if (text.Length < 6)
        {
            return text;
        }

        var result = text;
        if (result.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            result = PrivateKeyBlocks(result);
        }

        if (result.Contains("uthoriz", StringComparison.OrdinalIgnoreCase))
        {
            result = AuthorizationHeader().Replace(result, match => match.Groups["prefix"].Value + Mask);
        }

        if (result.Contains("earer", StringComparison.OrdinalIgnoreCase))
        {
            result = BearerToken().Replace(result, match => match.Groups["scheme"].Value + " " + Mask);
        }

        if (result.Contains("asic ", StringComparison.OrdinalIgnoreCase))
        {
            result = BasicCredentials().Replace(result, match => IsUserPassword(match.Groups["credentials"].ValueSpan) ? match.Groups["scheme"].Value + " " + Mask : match.Value);
        }

        if (result.Contains("://", StringComparison.Ordinal))
        {
            result = UrlCredentials().Replace(result, match => match.Groups["user"].Value + ":" + Mask + "@");
        }

        if (result.Contains("eyJ", StringComparison.Ordinal))
        {
            result = JsonWebToken().Replace(result, Mask);
        }

        if (result.Contains("b3JpZ2lu", StringComparison.Ordinal) || result.Contains("ZXIvYXdz", StringComparison.Ordinal))
        {
            result = SessionToken().Replace(result, Mask);
        }

        if (result.Contains("gh", StringComparison.Ordinal) || result.Contains("xox", StringComparison.Ordinal))
        {
            var current = result;
            result = VendorToken().Replace(result, match => Bounded(current, match, IsTokenChar) ? Mask : match.Value);
        }

        if (result.Contains("AKIA", StringComparison.Ordinal) || result.Contains("ASIA", StringComparison.Ordinal))
        {
            var current = result;
            result = AccessKeyId().Replace(result, match => Bounded(current, match, c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) ? Mask : match.Value);
        }

        if (shapesOnly)
        {
            return result;
        }

        if (result.AsSpan().IndexOfAny(Separators) >= 0)
        {
            result = NameValuePair().Replace(result, match => SecretRedactor.IsSecretName(match.Groups["name"].Value)
                ? match.Value[..(match.Groups["value"].Index - match.Index)] + Quoted(match.Groups["value"].Value)
                : match.Value);
            result = Assignments(result);
        }

        return result.Length >= 40 ? SecretKeyShapes(result) : result;
    }

    /// <summary>
    /// <c>name=value</c>, <c>name: value</c>, <c>"name": "value"</c>, <c>name='value'</c>: at each separator, the name
    /// before it (a word, optionally quoted, at most 64 characters) decides (<see cref="SecretNames"/>), and a secret
    /// name has its value masked. A scan rather than a pattern: a text made of nothing but assignments costs one pass.
    /// </summary>
    private static string Assignments(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not (':' or '='))
            {
                continue;
            }

            var nameEnd = SkipBack(text, i - 1, 5);
            var quote = nameEnd >= 0 && text[nameEnd] is '"' or '\'' ? text[nameEnd] : '\0';
            if (quote != '\0')
            {
                nameEnd--;
            }

            var nameStart = nameEnd + 1;
            while (nameStart > 0 && nameEnd - nameStart < 63 && IsNameChar(text[nameStart - 1]))
            {
                nameStart--;
            }

            if (nameStart > nameEnd || (nameStart > 0 && IsNameChar(text[nameStart - 1]))
                || SecretNames.Classify(text.AsSpan(nameStart, nameEnd - nameStart + 1)) != SecretNames.Kind.Secret)
            {
                continue;
            }

            var valueStart = SkipForward(text, i + 1, 5);
            var valueEnd = ValueEnd(text, valueStart);
            if (valueEnd <= valueStart || text.AsSpan(valueStart).StartsWith(Mask, StringComparison.Ordinal)
                || (text[valueStart] is '"' or '\'' && text.AsSpan(valueStart + 1).StartsWith(Mask, StringComparison.Ordinal)))
            {
                continue;
            }

            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, valueStart - copied).Append(Quoted(text[valueStart..valueEnd]));
            copied = valueEnd;
            i = valueEnd - 1;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static int SkipBack(string text, int i, int most)
    {
        for (var skipped = 0; i >= 0 && skipped < most && char.IsWhiteSpace(text[i]); skipped++)
        {
            i--;
        }

        return i;
    }

    private static int SkipForward(string text, int i, int most)
    {
        for (var skipped = 0; i < text.Length && skipped < most && char.IsWhiteSpace(text[i]); skipped++)
        {
            i++;
        }

        return i;
    }

    // A quoted value runs to its closing quote (backslash escapes honoured); a bare one to whitespace or punctuation.
    private static int ValueEnd(string text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }

        var quote = text[start];
        if (quote is '"' or '\'')
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '\\' && quote == '"')
                {
                    i++;
                }
                else if (text[i] == quote)
                {
                    return i + 1;
                }
            }

            return text.Length;
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('"' or '\'' or '&' or ',' or ';' or '}' or ']'))
        {
            end++;
        }

        return end;
    }

    // A quoted value stays quoted, so that redacted JSON-in-text stays JSON.
    private static string Quoted(string value) => value.Length > 0 && value[0] is '"' or '\'' ? value[0] + Mask + value[0] : Mask;

    private static bool Bounded(string text, Match match, Func<char, bool> isPartOfToken) =>
        (match.Index == 0 || !isPartOfToken(text[match.Index - 1]))
        && (match.Index + match.Length >= text.Length || !isPartOfToken(text[match.Index + match.Length]));

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    // "Basic dXNlcjpwYXNz" hides user:password; "Basic configuration" is English.
    private static bool IsUserPassword(ReadOnlySpan<char> candidate)
    {
        Span<byte> decoded = stackalloc byte[Math.Min(candidate.Length, 3072)];
        return candidate.Length <= 4096 && Convert.TryFromBase64Chars(candidate, decoded, out var written) && decoded[..written].Contains((byte)':');
    }

    // Private key blocks up to their END line (or the end of the text when it is cut): a scan, not a lazy pattern.
    private static string PrivateKeyBlocks(string text)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var begin = text.IndexOf("-----BEGIN", position, StringComparison.Ordinal);
            var header = begin < 0 ? null : PrivateKeyHeader().Match(text, begin, Math.Min(80, text.Length - begin));
            if (header is not { Success: true } || header.Index != begin)
            {
                if (begin < 0)
                {
                    break;
                }

                builder.Append(text, position, begin + 10 - position);
                position = begin + 10;
                continue;
            }

            var end = text.IndexOf("-----END", begin + header.Length, StringComparison.Ordinal);
            var endOfBlock = end < 0 ? text.Length : text.IndexOf("-----", end + 8, StringComparison.Ordinal) is var close and >= 0 ? close + 5 : text.Length;
            builder.Append(text, position, begin - position).Append(Mask);
            position = endOfBlock;
        }

        if (position == 0)
        {
            return text;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// 40 characters of base64 (also URL-encoded, <c>%2F</c> and <c>%2B</c> counting as one) bounded by anything else,
    /// mixing upper case, lower case and digits: the shape of an AWS secret access key. A path or identifier of the
    /// same length rarely has a digit and two of each case; a hex digest has no upper case.
    /// </summary>
    private static string SecretKeyShapes(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsKeyChar(text, i, out var width))
            {
                i++;
                continue;
            }

            var start = i;
            var length = 0;
            int upper = 0, lower = 0, digits = 0;
            while (i < text.Length && IsKeyChar(text, i, out width))
            {
                var c = text[i];
                upper += char.IsAsciiLetterUpper(c) ? 1 : 0;
                lower += char.IsAsciiLetterLower(c) ? 1 : 0;
                digits += char.IsAsciiDigit(c) ? 1 : 0;
                length++;
                i += width;
            }

            if (length == 40 && upper >= 2 && lower >= 2 && digits >= 1)
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text, copied, start - copied).Append(Mask);
                copied = i;
            }
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool IsKeyChar(string text, int i, out int width)
    {
        var c = text[i];
        width = 1;
        if (char.IsAsciiLetterOrDigit(c) || c is '/' or '+')
        {
            return true;
        }

        if (c == '%' && i + 2 < text.Length && text[i + 1] == '2' && text[i + 2] is 'F' or 'f' or 'B' or 'b')
        {
            width = 3;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyHeader();

    // The whole credential after an Authorization header, whatever its scheme.
    [GeneratedRegex(@"(?<prefix>(?:proxy-)?authorization[""']?\s*[:=]\s*[""']?)(?:[A-Za-z0-9-]{1,32} +)?[^\s""',;]+", Linear | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\b(?<scheme>Bearer)\s+[A-Za-z0-9\-._~+/]+={0,2}", Linear | RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\b(?<scheme>Basic)\s+(?<credentials>[A-Za-z0-9+/]{4,}={0,2})", Linear | RegexOptions.IgnoreCase)]
    private static partial Regex BasicCredentials();

    [GeneratedRegex(@"(?<user>\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^\s/:@]+):[^\s/@]+@", Linear)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*", Linear)]
    private static partial Regex JsonWebToken();

    // STS session tokens start with a base64 "IQoJb3JpZ2lu" ("\x21\n\torigin") or the older "FwoGZXIvYXdz" / "FQoGZXIvYXdz".
    [GeneratedRegex(@"(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+=]{20,}", Linear)]
    private static partial Regex SessionToken();

    // GitHub personal, OAuth, user, server and refresh tokens; fine-grained PATs; Slack bot, user and app tokens.
    [GeneratedRegex(@"gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}", Linear)]
    private static partial Regex VendorToken();

    [GeneratedRegex(@"(?:AKIA|ASIA)[A-Z0-9]{16}", Linear)]
    private static partial Regex AccessKeyId();

    // CLI and SDK output: Name=DB_PASSWORD,Value=…  {Name: "DB_PASSWORD", Value: "…"}  Key=…,Value=…
    [GeneratedRegex(@"(?:Name|Key)[""']?\s*[:=]\s*[""']?(?<name>[A-Za-z0-9_.\-]{1,64})[""']?\s*,\s*[""']?Value[""']?\s*[:=]\s*(?<value>""(?:[^""\\]|\\.)*""|'[^']*'|[^\s,;}\]]+)", Linear | RegexOptions.IgnoreCase)]
    private static partial Regex NameValuePair();
}
