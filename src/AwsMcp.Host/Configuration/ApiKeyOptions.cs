namespace AwsMcp.Host.Configuration;

/// <summary>One API key (<c>AwsMcp:Security:ApiKeys:&lt;n&gt;</c>): who it is, the SHA-256 of the key, and its scopes.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The caller id the key authenticates as: audit records and confirmation tokens name it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex SHA-256 of the key's UTF-8 bytes (<c>awsmcp keys hash</c>).</summary>
    public string Hash { get; set; } = "";

    /// <summary>Scopes granted to the key; <c>AwsMcp:Policy:Scopes</c> maps them to tool sets.</summary>
    public List<string> Scopes { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "Name must name the caller (it appears in the audit log).";
        }

        if (Hash.Length != 64 || !Hash.All(char.IsAsciiHexDigit))
        {
            yield return "Hash must be the 64 hex digits of the key's SHA-256 (run `awsmcp keys hash`); never configure the key itself.";
        }
    }
}
