using System.Buffers;

namespace AwsMcp.Abstractions.Redaction;

/// <summary>Secrets known by their shape: key blocks, JSON web tokens, STS session tokens, vendor tokens, AWS keys.</summary>
internal static partial class TextRedactor
{
    private static readonly SearchValues<char> PrivateKeyLabelChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ");
    private static readonly SearchValues<char> JwtSegmentChars = SearchValues.Create(AsciiAlphaNumeric + "_-");
    private static readonly SearchValues<char> SessionTokenChars = SearchValues.Create(AsciiAlphaNumeric + "/+=");
    private static readonly SearchValues<char> GitHubTokenChars = SearchValues.Create(AsciiAlphaNumeric);
    private static readonly SearchValues<char> GitHubPatChars = SearchValues.Create(AsciiAlphaNumeric + "_");
    private static readonly SearchValues<char> SlackTokenChars = SearchValues.Create(AsciiAlphaNumeric + "-");
    private static readonly SearchValues<char> KeyIdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    // STS session tokens start with a base64 "IQoJb3JpZ2lu" ("\x21\n\torigin") or the older "FwoGZXIvYXdz" / "FQoGZXIvYXdz".
    private static readonly SearchValues<string> SessionTokenStarts = SearchValues.Create(["IQoJb3JpZ2lu", "FwoGZXIvYXdz", "FQoGZXIvYXdz"], StringComparison.Ordinal);

    // GitHub personal, OAuth, user, server and refresh tokens; fine-grained PATs; Slack bot, user and app tokens.
    private static readonly SearchValues<string> VendorTokenStarts = SearchValues.Create(
        ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-"], StringComparison.Ordinal);

    private static readonly SearchValues<string> KeyIdStarts = SearchValues.Create(["AKIA", "ASIA"], StringComparison.Ordinal);

    /// <summary>
    /// Private key blocks, from a <c>-----BEGIN … PRIVATE KEY-----</c> line (a label of at most 40 capitals, digits
    /// and spaces; <c>PRIVATE KEY BLOCK</c> too) up to their END line, or to the end of the text when it is cut.
    /// </summary>
    private static string PrivateKeyBlocks(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (text.IndexOf("-----BEGIN ", next, StringComparison.Ordinal) is var begin and >= 0)
        {
            var header = PrivateKeyHeaderEnd(text, begin + 11);
            if (header < 0)
            {
                next = begin + 10;
                continue;
            }

            var end = text.IndexOf("-----END", header, StringComparison.Ordinal);
            var endOfBlock = end < 0 ? text.Length : text.IndexOf("-----", end + 8, StringComparison.Ordinal) is var close and >= 0 ? close + 5 : text.Length;
            rewrite.Replace(begin, endOfBlock, Mask);
            next = endOfBlock;
        }

        return rewrite.Result;
    }

    // The label may itself contain "PRIVATE KEY" (its characters are label characters), so each place it could end is tried.
    private static int PrivateKeyHeaderEnd(string text, int label)
    {
        var longest = Math.Min(EndOfRun(text, label, PrivateKeyLabelChars), label + 40);
        for (var at = label; at <= longest; at++)
        {
            var rest = text.AsSpan(at);
            if (rest.StartsWith("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                return at + 16;
            }

            if (rest.StartsWith("PRIVATE KEY BLOCK-----", StringComparison.Ordinal))
            {
                return at + 22;
            }
        }

        return -1;
    }

    /// <summary><c>eyJ…</c> (4 or more), <c>.eyJ…</c> (4 or more), <c>.…</c>: a JSON web token's three segments.</summary>
    private static string JsonWebTokens(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (text.IndexOf("eyJ", next, StringComparison.Ordinal) is var at and >= 0)
        {
            // Every "eyJ" inside this first segment has the same end and what follows it: all fail if this one does.
            var header = EndOfRun(text, at + 3, JwtSegmentChars);
            next = header;
            if (header - at - 3 < 4 || !text.AsSpan(header).StartsWith(".eyJ", StringComparison.Ordinal))
            {
                continue;
            }

            var payload = header + 4;
            var payloadEnd = EndOfRun(text, payload, JwtSegmentChars);
            if (payloadEnd - payload >= 4 && payloadEnd < text.Length && text[payloadEnd] == '.')
            {
                var end = EndOfRun(text, payloadEnd + 1, JwtSegmentChars);
                rewrite.Replace(at, end, Mask);
                next = end;
            }
        }

        return rewrite.Result;
    }

    /// <summary>A session token's start and at least 20 more base64 characters.</summary>
    private static string SessionTokens(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (IndexOf(text, next, SessionTokenStarts) is var at and >= 0)
        {
            // A start found later inside this run ends where it ends, with fewer characters: no need to look there.
            var end = EndOfRun(text, at + 12, SessionTokenChars);
            if (end - at - 12 >= 20)
            {
                rewrite.Replace(at, end, Mask);
            }

            next = end;
        }

        return rewrite.Result;
    }

    /// <summary>A vendor token's start and at least 30 (GitHub) or 10 (Slack) more of its characters, standing alone.</summary>
    private static string VendorTokens(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (IndexOf(text, next, VendorTokenStarts) is var at and >= 0)
        {
            var (start, chars, minimum) = text[at] == 'x' ? (at + 5, SlackTokenChars, 10)
                : text[at + 2] == 't' ? (at + 11, GitHubPatChars, 30)
                : (at + 4, GitHubTokenChars, 30);
            var end = EndOfRun(text, start, chars);
            if (end - start < minimum)
            {
                next = at + 1;
                continue;
            }

            if (Bounded(text, at, end, IsTokenChar))
            {
                rewrite.Replace(at, end, Mask);
            }

            next = end;
        }

        return rewrite.Result;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';

    /// <summary><c>AKIA</c> or <c>ASIA</c> and 16 capitals or digits, standing alone: an access key id.</summary>
    private static string AccessKeyIds(string text)
    {
        var rewrite = new Rewrite(text);
        var next = 0;
        while (IndexOf(text, next, KeyIdStarts) is var at and >= 0)
        {
            var end = at + 20;
            if (end > text.Length || text.AsSpan(at + 4, 16).ContainsAnyExcept(KeyIdChars))
            {
                next = at + 1;
                continue;
            }

            if (Bounded(text, at, end, static c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            {
                rewrite.Replace(at, end, Mask);
            }

            next = end;
        }

        return rewrite.Result;
    }

    /// <summary>
    /// 40 characters of base64 (also URL-encoded, <c>%2F</c> and <c>%2B</c> counting as one) bounded by anything else,
    /// mixing upper case, lower case and digits: the shape of an AWS secret access key. A path or identifier of the
    /// same length rarely has a digit and two of each case; a hex digest has no upper case.
    /// </summary>
    private static string SecretKeyShapes(string text)
    {
        var rewrite = new Rewrite(text);
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
                rewrite.Replace(start, i, Mask);
            }
        }

        return rewrite.Result;
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
}
