using System.Text;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// Opaque paging tokens (<c>NextToken</c>, <c>ContinuationToken</c>, <c>Marker</c>…): the position to resume from,
/// bound to the listing it came from so that a token from one operation is refused by another.
/// </summary>
public static class PageToken
{
    public static string Encode(string listing, string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(listing + "\n" + position));

    /// <summary>The position in <paramref name="token"/>, or null when it is not a token of <paramref name="listing"/>.</summary>
    public static string? Decode(string listing, string token)
    {
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var prefix = listing + "\n";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : null;
    }
}
