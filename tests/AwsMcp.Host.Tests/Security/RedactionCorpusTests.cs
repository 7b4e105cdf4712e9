using System.Text;
using System.Text.Json;
using AwsMcp.Abstractions.Redaction;

namespace AwsMcp.Host.Tests.Security;

/// <summary>
/// The corpus the outside review found: each kind of secret it saw kept (positive: the secret must go) and each
/// ordinary text it saw mangled (negative: the text must come through unchanged), in free text and in JSON.
/// </summary>
public sealed class RedactionCorpusTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static TheoryData<string, string> SecretsInText => new()
    {
        { "curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' https://x", "dXNlcjpwYXNzd29yZA==" },
        { "AWS_KEY=" + SecretKey, SecretKey },
        { SecretKey + "-backup was rotated", SecretKey },
        { "sig=" + Uri.EscapeDataString(SecretKey) + "&x=1", Uri.EscapeDataString(SecretKey) },
        { "DB_PASS=hunter2 ./start.sh", "hunter2" },
        { "export MYSQL_PWD=hunter2", "hunter2" },
        { "mysql -u app pwd=hunter2", "hunter2" },
        { "connect to postgres://app:hunter2@db.internal:5432/prod", "hunter2" },
        { "Environment: Name=DB_PASSWORD,Value=hunter2 Name=STAGE,Value=prod", "hunter2" },
        { "token ghp_16C7e42F292c6912E7710c838347Ae178B4a in the log", "ghp_16C7e42F292c6912E7710c838347Ae178B4a" },
        { "slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx posted", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" },
    };

    [Theory]
    [MemberData(nameof(SecretsInText))]
    public void A_secret_in_text_is_redacted(string text, string secret)
    {
        var redacted = SecretRedactor.RedactText(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   at AwsMcp.Plugins.Storage.Buckets.ListBucketsWithRegionsAndTagsHandler.RunAsync() in /src/plugins/Storage/ListBucketsWithRegionsAndTagsHandler.cs:line 42")]
    [InlineData("Unable to get IAM security credentials from EC2 Instance Metadata Service.")]
    [InlineData("instance i-0123456789abcdef0 in arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0")]
    [InlineData("commit 0123456789abcdef0123456789abcdef01234567 KeyName=prod-key next_token=abc123")]
    [InlineData("Name=STAGE,Value=prod and Name=Owner,Value=platform-team")]
    [InlineData("the password policy requires 14 characters; pwd rotation is enabled")]
    [InlineData("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords.html")]
    public void Ordinary_text_comes_through_unchanged(string text) => Assert.Equal(text, SecretRedactor.RedactText(text));

    [Fact]
    public void Paging_cursors_are_scanned_for_unmistakable_secret_shapes_and_otherwise_kept()
    {
        // A cursor is opaque: only shapes that cannot be a cursor's bytes are looked for (not the generic 40-character
        // key shape, which a base64 cursor can have).
        const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl";
        using var leaked = JsonDocument.Parse($$"""{"next_token":"ASIAY34FZKBOKMUTVV7A","client_token":"{{Jwt}}","items":[]}""");
        using var ordinary = JsonDocument.Parse("""{"next_token":"AAAAAEw2Mjg5OTM5ODIxMzQ1NjcxMjM0NTY3ODkwMTI/+x","client_token":"c7a1d2e4-retry-1"}""");

        var redacted = SecretRedactor.RedactJson(leaked.RootElement).GetRawText();
        Assert.DoesNotContain("ASIAY34FZKBOKMUTVV7A", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJzdWIiOiJ1c2VyIn0", redacted, StringComparison.Ordinal);
        Assert.Equal(ordinary.RootElement.GetRawText(), SecretRedactor.RedactJson(ordinary.RootElement).GetRawText());
    }

    [Fact]
    public void Secrets_under_secret_names_and_in_environment_entries_are_redacted_in_json()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"DB_PASS":"hunter2","mysql_pwd":"hunter3","Variables":{"API_PWD":"hunter4","STAGE":"prod"},
             "env":[{"name":"DB_PASSWORD","value":"hunter5"},{"name":"STAGE","value":"prod"}],"password_policy":"strict"}
            """);

        var redacted = Encoding.UTF8.GetString(SecretRedactor.RedactUtf8Json(json).Span);

        foreach (var secret in new[] { "hunter2", "hunter3", "hunter4", "hunter5" })
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }

        Assert.Contains("\"STAGE\":\"prod\"", redacted, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"prod\"", redacted, StringComparison.Ordinal);
    }
}
