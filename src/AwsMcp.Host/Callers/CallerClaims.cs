using System.Security.Claims;

namespace AwsMcp.Host.Callers;

/// <summary>Reads the caller's id, name and scopes from the claims of an API key or an OAuth token.</summary>
public static class CallerClaims
{
    /// <summary>Scopes from <c>scp</c> (Entra ID) and <c>scope</c> claims, which hold one or space-separated values.</summary>
    public static IReadOnlyList<string> Scopes(ClaimsPrincipal user) =>
        [.. user.FindAll(c => c.Type is "scp" or "scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The stable id: the token subject or the API key's name.</summary>
    public static string? Id(ClaimsPrincipal user) =>
        user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name;

    public static string? DisplayName(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirst("name")?.Value ?? user.FindFirst("preferred_username")?.Value;
}
