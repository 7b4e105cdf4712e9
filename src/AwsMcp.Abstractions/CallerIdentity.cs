namespace AwsMcp.Abstractions;

/// <summary>Who is calling: an API key's name, an OAuth subject, or the local operator (stdio, CLI).</summary>
/// <param name="Id">Stable identifier (key name, token subject). Used as the STS SourceIdentity and in tags.</param>
/// <param name="DisplayName">For audit and plans.</param>
/// <param name="AuthenticationMethod"><c>api-key</c>, <c>jwt</c>, <c>local</c> or <c>anonymous</c>.</param>
/// <param name="Scopes">Granted scopes.</param>
public sealed record CallerIdentity(string Id, string DisplayName, string AuthenticationMethod, IReadOnlyList<string> Scopes)
{
    /// <summary>The operator on this machine (stdio transport, command line, loopback without authentication).</summary>
    public static CallerIdentity Local { get; } = new("local", "local operator", "local", []);
}
