using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Services.Sso;

namespace AwsMcp.Host.Tests.Credentials;

/// <summary>
/// Credentials the way enterprises hold them, end to end with the real SDK chain: the real <c>awsmcp serve</c> (in real
/// mode, not --sandbox) with an IAM Identity Center profile or a web identity token, AWS_ENDPOINT_URL at a sandbox.
/// Two packs and the start-up banner each resolve the credentials in their own load context, which is where the SDK's
/// reflection used to pick another context's AWSSDK.SSO / AWSSDK.SecurityToken.
/// </summary>
public sealed class EnterpriseCredentialsTests : IAsyncLifetime
{
    private const string StartUrl = "https://sandbox.awsapps.com/start";

    private readonly PluginFolder _plugins = new PluginFolder().WithProductPack("AwsMcp.Iam").WithProductPack("AwsMcp.Storage");
    private readonly ScratchFolder _home = new("awsmcp-credentials-home");
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync();

    [Theory(Timeout = 240_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_identity_center_profile_reaches_aws_through_the_portal(bool withSsoSessionSection)
    {
        WriteSsoProfile(withSsoSessionSection);
        var environment = Clean();
        environment["AWS_PROFILE"] = "sandbox-sso";

        var (whoami, banner) = await ServeAndCallAsync(environment);

        const string Role = "AWSReservedSSO_ReadOnlyAccess_";
        Assert.StartsWith($"arn:aws:sts::123456789012:assumed-role/{Role}", whoami, StringComparison.Ordinal);
        Assert.EndsWith($"/{SsoSeed.UserName}", whoami, StringComparison.Ordinal);
        Assert.Contains($"AWS identity: {whoami}", banner, StringComparison.Ordinal);
        Assert.Contains(_sandbox.RequestLog, entry => entry is { Service: "awsssoportal", Operation: "GetRoleCredentials", StatusCode: 200, SignatureCheck: SignatureCheck.NotRequired });
    }

    [Fact(Timeout = 240_000)]
    public async Task A_web_identity_token_is_traded_for_the_role()
    {
        var tokenFile = Path.Combine(_home.Path, "token");
        File.WriteAllText(tokenFile, Jwt("""{"iss":"https://token.actions.githubusercontent.com","sub":"repo:acme/app:ref:refs/heads/main","aud":"sts.amazonaws.com"}"""));
        var environment = Clean();
        environment["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/AwsMcpOperator";
        environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile;
        environment["AWS_ROLE_SESSION_NAME"] = "github-actions";
        environment["AWS_REGION"] = "us-east-1";

        var (whoami, banner) = await ServeAndCallAsync(environment);

        Assert.Equal("arn:aws:sts::123456789012:assumed-role/AwsMcpOperator/github-actions", whoami);
        Assert.Contains($"AWS identity: {whoami}", banner, StringComparison.Ordinal);
        Assert.Contains(_sandbox.RequestLog, entry => entry is { Service: "sts", Operation: "AssumeRoleWithWebIdentity", StatusCode: 200, SignatureCheck: SignatureCheck.NotRequired });
    }

    /// <summary>Serves, then calls whoami (the IAM pack) and list_s3_buckets (the Storage pack); returns whoami's ARN and the banner.</summary>
    private async Task<(string WhoAmI, string Banner)> ServeAndCallAsync(Dictionary<string, string?> environment)
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, environment);
        var url = new Uri(host.BaseAddress, "/mcp").ToString();

        var whoami = await CallAsync("whoami", url);
        var buckets = await CallAsync("list_s3_buckets", url);

        Assert.True(whoami.Exit == ExitCodes.Success, whoami.Error);
        Assert.True(buckets.Exit == ExitCodes.Success, buckets.Error);
        Assert.NotEqual(0, JsonDocument.Parse(buckets.Output).RootElement.GetProperty("items").GetArrayLength());
        for (var i = 0; i < 300 && !host.Output.Any(line => line.Contains("AWS identity:", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        return (JsonDocument.Parse(whoami.Output).RootElement.GetProperty("arn").GetString()!, string.Join(Environment.NewLine, host.Output));
    }

    /// <summary>
    /// What `aws configure sso` writes (a legacy profile with sso_start_url, or one naming an sso-session section), and the
    /// token `aws sso login` caches, in a file named by the SHA-1 of the start URL or of the session name.
    /// </summary>
    private void WriteSsoProfile(bool ssoSession)
    {
        var aws = Directory.CreateDirectory(Path.Combine(_home.Path, ".aws"));
        var portal = $"sso_start_url = {StartUrl}\nsso_region = us-east-1\n";
        File.WriteAllText(
            Path.Combine(aws.FullName, "config"),
            ssoSession
                ? $"[profile sandbox-sso]\nsso_session = sandbox\nsso_account_id = 123456789012\nsso_role_name = ReadOnlyAccess\nregion = us-east-1\n\n[sso-session sandbox]\n{portal}sso_registration_scopes = sso:account:access\n"
                : $"[profile sandbox-sso]\n{portal}sso_account_id = 123456789012\nsso_role_name = ReadOnlyAccess\nregion = us-east-1\n");

        var cache = Directory.CreateDirectory(Path.Combine(aws.FullName, "sso", "cache"));
        var name = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(ssoSession ? "sandbox" : StartUrl)));
        var token = new Dictionary<string, string>
        {
            ["startUrl"] = StartUrl,
            ["region"] = "us-east-1",
            ["accessToken"] = SsoSeed.AccessToken,
            ["expiresAt"] = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
        File.WriteAllText(Path.Combine(cache.FullName, name + ".json"), JsonSerializer.Serialize(token));
    }

    /// <summary>Only what a test sets: no credentials, profile or region of the machine or of other tests, no instance metadata.</summary>
    private Dictionary<string, string?> Clean()
    {
        var environment = AwsVariables.Cleared();
        environment["HOME"] = _home.Path;
        environment["AWS_CONFIG_FILE"] = Path.Combine(_home.Path, ".aws", "config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home.Path, ".aws", "credentials");
        environment["AWS_ENDPOINT_URL"] = _sandbox.Endpoint.ToString();
        return environment;
    }

    /// <summary>An unsigned compact JWT, as an OIDC provider would issue it (the sandbox checks claims, not signatures).</summary>
    private static string Jwt(string claims) =>
        $"{Base64Url("""{"alg":"RS256","typ":"JWT"}""")}.{Base64Url(claims)}.{Base64Url("signature")}";

    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static async Task<(int Exit, string Output, string Error)> CallAsync(string tool, string url)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(["call", tool, "--url", url, "--output", "json"], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _plugins.Dispose();
        _home.Dispose();
    }
}
