using System.Globalization;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols;

/// <summary>
/// Paging over an in-memory listing for the services whose continuation tokens are opaque (<c>nextToken</c>,
/// <c>Marker</c>, <c>NextMarker</c>, <c>NextPageToken</c>): the token is a <see cref="PageToken"/> holding the offset
/// of the next item, bound to <c>scope</c> (the listing and its filters) so a replayed foreign token is refused.
/// </summary>
public static class OffsetPaging
{
    public static string Encode(string scope, int offset) => PageToken.Encode(scope, offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>The offset in <paramref name="token"/>, or null when it is not a valid token of <paramref name="scope"/> for <paramref name="count"/> items.</summary>
    public static int? Decode(string scope, string token, int count) =>
        PageToken.Decode(scope, token) is { } position
        && int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
        && offset <= count
            ? offset
            : null;

    /// <summary>
    /// Cuts one page out of <paramref name="items"/>. <paramref name="invalidToken"/> builds the service's own error for a
    /// token that does not belong to this listing.
    /// </summary>
    public static Page<T> Take<T>(IReadOnlyList<T> items, string? token, int limit, string scope, Func<Exception> invalidToken)
    {
        var start = string.IsNullOrEmpty(token) ? 0 : Decode(scope, token, items.Count) ?? throw invalidToken();
        var end = Math.Min(items.Count, start + limit);
        return new Page<T>([.. items.Skip(start).Take(end - start)], end < items.Count ? Encode(scope, end) : null);
    }
}
