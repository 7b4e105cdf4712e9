using System.Buffers;
using System.Globalization;
using System.Text;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>
/// The free-text rules. Every rule is a hand-written scan that takes time linear in its input whatever the input is:
/// each finds a literal anchor (<c>authorization</c>, <c>://</c>, <c>eyJ</c>, <c>AKIA</c>, ...) with a vectorised
/// search, matches what follows without going back, and resumes after what it consumed (or after the run it proved
/// cannot match). They used to be patterns on the non-backtracking regex engine, as linear but holding about 5 MiB of
/// automata for the life of the process. Each rule first asks a cheap ordinal question (does the text contain
/// <c>eyJ</c>, a separator, a run long enough to be a key?) and is skipped when the answer is no. Credentials named
/// by what precedes them are in <c>TextRedactor.Credentials.cs</c>, secrets known by their shape in
/// <c>TextRedactor.Shapes.cs</c>.
/// </summary>
internal static partial class TextRedactor
{
    public const string Mask = SecretRedactor.Mask;

    private const string AsciiAlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // What char.IsWhiteSpace and the regex class \s accept.
    private const string WhiteSpace = "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

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
            result = AuthorizationHeaders(result);
        }

        if (result.Contains("earer", StringComparison.OrdinalIgnoreCase))
        {
            result = SchemeCredentials(result, "bearer", BearerTokenChars, 1, static _ => true);
        }

        if (result.Contains("asic ", StringComparison.OrdinalIgnoreCase))
        {
            result = SchemeCredentials(result, "basic", Base64Chars, 4, IsUserPassword);
        }

        if (result.Contains("://", StringComparison.Ordinal))
        {
            result = UrlCredentials(result);
        }

        if (result.Contains("eyJ", StringComparison.Ordinal))
        {
            result = JsonWebTokens(result);
        }

        if (result.Contains("b3JpZ2lu", StringComparison.Ordinal) || result.Contains("ZXIvYXdz", StringComparison.Ordinal))
        {
            result = SessionTokens(result);
        }

        if (result.Contains("gh", StringComparison.Ordinal) || result.Contains("xox", StringComparison.Ordinal))
        {
            result = VendorTokens(result);
        }

        if (result.Contains("AKIA", StringComparison.Ordinal) || result.Contains("ASIA", StringComparison.Ordinal))
        {
            result = AccessKeyIds(result);
        }

        if (shapesOnly)
        {
            return result;
        }

        if (result.AsSpan().IndexOfAny(Separators) >= 0)
        {
            result = Assignments(NameValuePairs(result));
        }

        return result.Length >= 40 ? SecretKeyShapes(result) : result;
    }

    /// <summary>
    /// The redacted copy of a text, built left to right: untouched stretches are copied once, replaced ones written,
    /// and nothing is copied at all when nothing is replaced.
    /// </summary>
    private struct Rewrite(string text)
    {
        private StringBuilder? _builder;
        private int _copied;

        /// <summary>Writes <paramref name="replacement"/> in place of [start, end), which follows what was replaced before.</summary>
        public void Replace(int start, int end, string replacement)
        {
            _builder ??= new StringBuilder(text.Length);
            _builder.Append(text, _copied, start - _copied).Append(replacement);
            _copied = end;
        }

        public readonly string Result => _builder is null ? text : _builder.Append(text, _copied, text.Length - _copied).ToString();
    }

    /// <summary>The next occurrence of any of <paramref name="values"/> at or after <paramref name="from"/>, or -1.</summary>
    private static int IndexOf(string text, int from, SearchValues<string> values)
    {
        var index = text.AsSpan(from).IndexOfAny(values);
        return index < 0 ? -1 : from + index;
    }

    /// <summary>Where the run of <paramref name="chars"/> that starts at <paramref name="start"/> ends.</summary>
    private static int EndOfRun(string text, int start, SearchValues<char> chars)
    {
        var index = text.AsSpan(start).IndexOfAnyExcept(chars);
        return index < 0 ? text.Length : start + index;
    }

    /// <summary>The first of <paramref name="stops"/> at or after <paramref name="start"/>, or the end of the text.</summary>
    private static int NextOf(string text, int start, SearchValues<char> stops)
    {
        var index = text.AsSpan(start).IndexOfAny(stops);
        return index < 0 ? text.Length : start + index;
    }

    /// <summary>Past the whitespace at <paramref name="start"/>, at most <paramref name="most"/> characters of it.</summary>
    private static int EndOfWhiteSpace(string text, int start, int most = int.MaxValue)
    {
        for (var skipped = 0; start < text.Length && skipped < most && char.IsWhiteSpace(text[start]); skipped++)
        {
            start++;
        }

        return start;
    }

    private static int AfterOptionalQuote(string text, int start) => start < text.Length && text[start] is '"' or '\'' ? start + 1 : start;

    // A quoted value stays quoted, so that redacted JSON-in-text stays JSON.
    private static string Quoted(string value) => value.Length > 0 && value[0] is '"' or '\'' ? value[0] + Mask + value[0] : Mask;

    private static bool Bounded(string text, int start, int end, Func<char, bool> isPartOfToken) =>
        (start == 0 || !isPartOfToken(text[start - 1])) && (end >= text.Length || !isPartOfToken(text[end]));

    // The regex engine's word characters, which its \b boundaries are between: letters, digits, marks and connectors.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '\u200C' or '\u200D'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
}
