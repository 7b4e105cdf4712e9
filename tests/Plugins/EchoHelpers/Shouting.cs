namespace EchoHelpers;

/// <summary>Text helpers used by the Echo test plugin.</summary>
public static class Shouting
{
    /// <summary>Upper-cases <paramref name="text"/> with the invariant culture.</summary>
    public static string Shout(string text) => text.ToUpperInvariant();
}
