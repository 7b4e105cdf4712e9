using System.Buffers;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>Credentials known by what precedes them: a header, a scheme, a URL's user, a secret name.</summary>
internal static partial class TextRedactor
{
    private static readonly SearchValues<char> SchemeWordChars = SearchValues.Create(AsciiAlphaNumeric + "-");
    private static readonly SearchValues<char> CredentialStops = SearchValues.Create(WhiteSpace + "\"',;");
    private static readonly SearchValues<char> BearerTokenChars = SearchValues.Create(AsciiAlphaNumeric + "-._~+/");
    private static readonly SearchValues<char> Base64Chars = SearchValues.Create(AsciiAlphaNumeric + "+/");
    private static readonly SearchValues<char> UrlSchemeChars = SearchValues.Create(AsciiAlphaNumeric + "+.-");
    private static readonly SearchValues<char> UrlUserStops = SearchValues.Create(WhiteSpace + "/:@");
    private static readonly SearchValues<char> UrlPasswordStops = SearchValues.Create(WhiteSpace + "/@");
    private static readonly SearchValues<char> EntryNameChars = SearchValues.Create(AsciiAlphaNumeric + "_.-");
    private static readonly SearchValues<char> BareEntryValueStops = SearchValues.Create(WhiteSpace + ",;}]");
    private static readonly SearchValues<string> EntryKeys = SearchValues.Create(["name", "key"], StringComparison.OrdinalIgnoreCase);

    private delegate bool CredentialTest(ReadOnlySpan<char> credential);

    /// <summary>
    /// <c>Authorization: Bearer …</c>, <c>proxy-authorization="…"</c>: the whole credential after the separator,
    /// whatever its scheme (a word of at most 32 letters, digits or dashes followed by spaces), up to whitespace, a
    /// quote, a comma or a semicolon.
    /// </summary>
    private static string AuthorizationHeaders(string text)
    {
        const string Header = "authorization";
        var rewrite = new Rewrite(text);
        var next = 0;
        while (text.IndexOf(Header, next, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            next = at + 1;
            var separator = EndOfWhiteSpace(text, AfterOptionalQuote(text, at + Header.Length));
            if (separator >= text.Length || text[separator] is not (':' or '='))
            {
                continue;
            }

            var credential = AfterOptionalQuote(text, EndOfWhiteSpace(text, separator + 1));
            var end = CredentialEnd(text, credential);
            if (end > credential)
            {
                rewrite.Replace(credential, end, Mask);
                next = end;
            }
        }

        return rewrite.Result;
    }

    // A scheme word and the token after its spaces; the word alone when no token follows it.
    private static int CredentialEnd(string text, int start)
    {
        var word = EndOfRun(text, start, SchemeWordChars);
        if (word > start && word - start <= 32 && word < text.Length && text[word] == ' ')
        {
            var token = text.AsSpan(word).IndexOfAnyExcept(' ') is var spaces and >= 0 ? word + spaces : text.Length;
            var tokenEnd = NextOf(text, token, CredentialStops);
            if (tokenEnd > token)
            {
                return tokenEnd;
            }
        }

        return NextOf(text, start, CredentialStops);
    }

    /// <summary>
    /// <c>Bearer …</c> and <c>Basic …</c> as a word of their own (case aside), whitespace, then a token of at least
    /// <paramref name="minimum"/> <paramref name="tokenChars"/> and up to two <c>=</c>; the scheme stays, the token is
    /// masked when <paramref name="isCredential"/> says it is one.
    /// </summary>
    private static string SchemeCredentials(string text, string scheme, SearchValues<char> tokenChars, int minimum, CredentialTest isCredential)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (text.IndexOf(scheme, next, StringComparison.OrdinalIgnoreCase) is var at and >= 0)
        {
            next = at + 1;
            var afterScheme = at + scheme.Length;
            var token = EndOfWhiteSpace(text, afterScheme);
            if (token == afterScheme || (at > 0 && IsWordChar(text[at - 1])))
            {
                continue;
            }

            var end = EndOfRun(text, token, tokenChars);
            if (end - token < minimum)
            {
                continue;
            }

            for (var padding = 0; padding < 2 && end < text.Length && text[end] == '='; padding++)
            {
                end++;
            }

            if (isCredential(text.AsSpan(token, end - token)))
            {
                rewrite.Replace(afterScheme, end, " " + Mask);
            }

            next = end;
        }

        return rewrite.Result;
    }

    // "Basic dXNlcjpwYXNz" hides user:password; "Basic configuration" is English.
    private static bool IsUserPassword(ReadOnlySpan<char> candidate)
    {
        Span<byte> decoded = stackalloc byte[Math.Min(candidate.Length, 3072)];
        return candidate.Length <= 4096 && Convert.TryFromBase64Chars(candidate, decoded, out var written) && decoded[..written].Contains((byte)':');
    }

    /// <summary><c>scheme://user:password@host</c>: the password is masked, the scheme, user and host stay.</summary>
    private static string UrlCredentials(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (text.IndexOf("://", next, StringComparison.Ordinal) is var at and >= 0)
        {
            next = at + 1;
            var user = at + 3;
            var userEnd = NextOf(text, user, UrlUserStops);
            if (userEnd == user || userEnd >= text.Length || text[userEnd] != ':' || !HasUrlScheme(text, at))
            {
                continue;
            }

            var password = userEnd + 1;
            var passwordEnd = NextOf(text, password, UrlPasswordStops);
            if (passwordEnd > password && passwordEnd < text.Length && text[passwordEnd] == '@')
            {
                rewrite.Replace(password, passwordEnd, Mask);
                next = passwordEnd + 1;
            }
        }

        return rewrite.Result;
    }

    // A scheme ends at "://": a letter that starts a word, then 1 to 20 letters, digits, '+', '.' or '-'.
    private static bool HasUrlScheme(string text, int colon)
    {
        for (var start = colon - 2; start >= 0 && start >= colon - 21; start--)
        {
            if (!UrlSchemeChars.Contains(text[start + 1]))
            {
                return false;
            }

            if (char.IsAsciiLetter(text[start]) && (start == 0 || !IsWordChar(text[start - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// CLI and SDK output: <c>Name=DB_PASSWORD,Value=…</c>, <c>{Name: "DB_PASSWORD", Value: "…"}</c>,
    /// <c>Key=…,Value=…</c> (case aside): the value is masked when the name (at most 64 letters, digits, <c>_.-</c>)
    /// is a secret's. A value is a double-quoted string (backslash escapes), a single-quoted one, or a bare run up to
    /// whitespace or <c>, ; } ]</c>.
    /// </summary>
    private static string NameValuePairs(string text)
    {
        var rewrite = new Rewrite(text);
        var quotes = new QuotedScans();
        var next = 0;
        while (IndexOf(text, next, EntryKeys) is var at and >= 0)
        {
            next = at + 1;
            var nameSeparator = SeparatorEnd(text, at + (text[at] is 'k' or 'K' ? 3 : 4));
            if (nameSeparator < 0)
            {
                continue;
            }

            var name = AfterOptionalQuote(text, nameSeparator);
            var nameEnd = EndOfRun(text, name, EntryNameChars);
            if (nameEnd == name || nameEnd - name > 64)
            {
                continue;
            }

            var comma = EndOfWhiteSpace(text, AfterOptionalQuote(text, nameEnd));
            if (comma >= text.Length || text[comma] != ',')
            {
                continue;
            }

            var valueKey = AfterOptionalQuote(text, EndOfWhiteSpace(text, comma + 1));
            if (!text.AsSpan(valueKey).StartsWith("value", StringComparison.OrdinalIgnoreCase)
                || SeparatorEnd(text, valueKey + 5) is not (>= 0 and var value))
            {
                continue;
            }

            var end = quotes.EntryValueEnd(text, value);
            if (end == value)
            {
                continue;
            }

            if (SecretNames.Classify(text.AsSpan(name, nameEnd - name)) == SecretNames.Kind.Secret)
            {
                rewrite.Replace(value, end, Quoted(text[value..end]));
            }

            next = end;
        }

        return rewrite.Result;
    }

    // After a key: an optional closing quote, whitespace, ':' or '=', whitespace; -1 when there is no separator.
    private static int SeparatorEnd(string text, int start)
    {
        var separator = EndOfWhiteSpace(text, AfterOptionalQuote(text, start));
        return separator < text.Length && text[separator] is ':' or '=' ? EndOfWhiteSpace(text, separator + 1) : -1;
    }

    /// <summary>
    /// Where entry values end. An unclosed quote is scanned once: a later quoted value that starts before where that
    /// scan gave up would read the same characters and give up at the same place, so it is not read again.
    /// </summary>
    private struct QuotedScans()
    {
        private int _doubleQuotedUnclosedBefore = -1;
        private int _singleQuotedUnclosedBefore = -1;

        public int EntryValueEnd(string text, int start)
        {
            if (start < text.Length && text[start] == '"' && start >= _doubleQuotedUnclosedBefore)
            {
                if (DoubleQuotedEnd(text, start, out var stop))
                {
                    return stop;
                }

                _doubleQuotedUnclosedBefore = stop;
            }
            else if (start < text.Length && text[start] == '\'' && start >= _singleQuotedUnclosedBefore)
            {
                var close = text.IndexOf('\'', start + 1);
                if (close >= 0)
                {
                    return close + 1;
                }

                _singleQuotedUnclosedBefore = text.Length;
            }

            return NextOf(text, start, BareEntryValueStops);
        }

        // A backslash escapes any character but a line feed, where the string cannot go on.
        private static bool DoubleQuotedEnd(string text, int start, out int stop)
        {
            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '"')
                {
                    stop = i + 1;
                    return true;
                }

                if (text[i] == '\\')
                {
                    if (i + 1 >= text.Length || text[i + 1] == '\n')
                    {
                        stop = i;
                        return false;
                    }

                    i++;
                }
            }

            stop = text.Length;
            return false;
        }
    }

    /// <summary>
    /// <c>name=value</c>, <c>name: value</c>, <c>"name": "value"</c>, <c>name='value'</c>: at each separator, the name
    /// before it (a word, optionally quoted, at most 64 characters) decides (<see cref="SecretNames"/>), and a secret
    /// name has its value masked. A text made of nothing but assignments costs one pass.
    /// </summary>
    private static string Assignments(string text)
    {
        var rewrite = new Rewrite(text);
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

            var valueStart = EndOfWhiteSpace(text, i + 1, 5);
            var valueEnd = ValueEnd(text, valueStart);
            if (valueEnd <= valueStart || text.AsSpan(valueStart).StartsWith(Mask, StringComparison.Ordinal)
                || (text[valueStart] is '"' or '\'' && text.AsSpan(valueStart + 1).StartsWith(Mask, StringComparison.Ordinal)))
            {
                continue;
            }

            rewrite.Replace(valueStart, valueEnd, Quoted(text[valueStart..valueEnd]));
            i = valueEnd - 1;
        }

        return rewrite.Result;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static int SkipBack(string text, int i, int most)
    {
        for (var skipped = 0; i >= 0 && skipped < most && char.IsWhiteSpace(text[i]); skipped++)
        {
            i--;
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
}
