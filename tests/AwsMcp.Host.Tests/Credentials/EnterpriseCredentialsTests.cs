using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Security.Authentication;
using AwsMcp.Host.Tests.Deployment;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Services.PodIdentity;
using AwsMcp.Sandbox.Services.Sso;

namespace AwsMcp.Host.Tests.Credentials;

/// <summary>
/// Credentials the way enterprises hold them, end to end with the real SDK chain: the real <c>awsmcp serve</c> (in real
/// mode, not --sandbox) with an IAM Identity Center profile or a web identity token, AWS_ENDPOINT_URL at a sandbox.
/// Two packs and the start-up banner each resolve the credentials in their own load context, which is where the SDK's
/// reflection used to pick another context's AWSSDK.SSO / AWSSDK.SecurityToken. The Kubernetes tests run the server
/// with the environment of the Helm chart's rendered pod, as EKS completes it for IRSA or Pod Identity.
/// </summary>
public sealed class EnterpriseCredentialsTests : IAsyncLifetime
{
    private const string StartUrl = "https://sandbox.awsapps.com/start";

    // Sessions of the role the chart's IRSA annotation and the sandbox's Pod Identity association name.
    private const string OperatorRoleSessions = "arn:aws:sts::123456789012:assumed-role/AwsMcpOperator/";

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

    [Fact(Timeout = 240_000)]
    public async Task The_charts_irsa_pod_reaches_aws_as_the_annotated_role()
    {
        var chart = await HelmChart.RenderAsync($"aws.irsa.roleArn={HelmChart.RoleArn}");
        var tokenFile = WriteServiceAccountToken("sts.amazonaws.com", (string)chart.ServerPod["serviceAccountName"]!);

        var (whoami, banner) = await ServePodAndCallAsync(chart, EksWebhook.Irsa(clusterRegion: "us-east-1"), tokenFile);

        // The webhook sets no session name; the SDK makes one for each resolution (the banner's and the pack's).
        Assert.StartsWith(OperatorRoleSessions, whoami, StringComparison.Ordinal);
        Assert.Contains($"AWS identity: {OperatorRoleSessions}", banner, StringComparison.Ordinal);
        Assert.Contains(_sandbox.RequestLog, entry => entry is { Service: "sts", Operation: "AssumeRoleWithWebIdentity", StatusCode: 200, SignatureCheck: SignatureCheck.NotRequired });
    }

    [Fact(Timeout = 240_000)]
    public async Task The_charts_pod_identity_pod_reaches_aws_through_the_agent()
    {
        var chart = await HelmChart.RenderAsync("aws.credentials=podIdentity", "aws.region=us-east-1");
        var tokenFile = WriteServiceAccountToken(PodIdentitySeed.Audience, (string)chart.ServerPod["serviceAccountName"]!);

        var (whoami, banner) = await ServePodAndCallAsync(chart, EksWebhook.PodIdentity, tokenFile);

        // EKS names each session after cluster and pod, plus an id of its own (the banner's and the pack's differ).
        Assert.Matches($"^{Regex.Escape(OperatorRoleSessions)}eks-sandbox-awsmcp-5f8d7c9b6-x2x4q-[0-9a-f]{{8}}$", whoami);
        Assert.Contains($"AWS identity: {OperatorRoleSessions}eks-sandbox-awsmcp-5f8d7c9b6-x2x4q-", banner, StringComparison.Ordinal);
        Assert.Contains(_sandbox.RequestLog, entry => entry is { Service: "eks-auth", Operation: "AssumeRoleForPodIdentity", StatusCode: 200, SignatureCheck: SignatureCheck.NotRequired });
        Assert.DoesNotContain(_sandbox.RequestLog, entry => entry.Operation == "AssumeRoleWithWebIdentity");
    }

    /// <summary>
    /// Runs the server as the rendered pod would run (<see cref="ChartPod"/>): its Secret holds a fresh confirmation
    /// key and the hash of a fresh API key; it listens on 0.0.0.0 (port 0 instead of 8080), which it does only with
    /// authentication configured. Asks its probes as the kubelet would, then calls both packs with the key.
    /// </summary>
    private async Task<(string WhoAmI, string Banner)> ServePodAndCallAsync(RenderedManifests chart, EksWebhook webhook, string tokenFile)
    {
        var apiKey = ApiKeyHash.NewKey();
        var secret = new Dictionary<string, string>
        {
            ["confirmation-key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["api-key-copilot-studio"] = ApiKeyHash.Compute(apiKey),
        };
        var standIns = new Dictionary<string, string>
        {
            ["http://0.0.0.0:8080"] = "http://0.0.0.0:0",
            ["/app/plugins"] = _plugins.Path,
            ["/var/lib/awsmcp/audit"] = _plugins.AuditPath,
            ["/var/lib/awsmcp/plugins-shadow"] = _plugins.ShadowPath,
            [EksWebhook.IrsaTokenPath] = tokenFile,
            [EksWebhook.PodIdentityTokenPath] = tokenFile,
            [EksWebhook.PodIdentityAgent] = new Uri(_sandbox.Endpoint, PodIdentityAgentEmulator.Path).ToString(),
        };
        var environment = Clean();
        foreach (var (name, value) in ChartPod.Environment(chart, secret, webhook, standIns))
        {
            environment[name] = value;
        }

        await using var host = await HostProcess.StartConfiguredAsync(environment);
        await AssertProbesAnswerAsync(chart, host.BaseAddress);
        return await CallBothPacksAsync(host, apiKey);
    }

    /// <summary>Each probe as the kubelet sends it (path and Host header from the manifest) answers 200; the pod's own address as Host would not.</summary>
    private static async Task AssertProbesAnswerAsync(RenderedManifests chart, Uri server)
    {
        using var http = new HttpClient { BaseAddress = server };
        foreach (var probe in new[] { "startupProbe", "livenessProbe", "readinessProbe" })
        {
            var get = chart.ServerContainer[probe]!["httpGet"]!;
            using var request = new HttpRequestMessage(HttpMethod.Get, (string)get["path"]!);
            request.Headers.Host = (string)get["httpHeaders"]![0]!["value"]!;
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{probe} {get["path"]}: {(int)response.StatusCode}");
        }

        using var byAddress = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "10.0.12.34:8080" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(byAddress)).StatusCode);

        // The Service's in-cluster name, from the ConfigMap's allowed hosts.
        using var byService = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = $"{HelmChart.Release}.{HelmChart.Namespace}.svc.cluster.local" } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(byService)).StatusCode);
    }

    /// <summary>
    /// A projected service-account token as EKS mounts it: issued by the cluster's OIDC issuer for the pod's service
    /// account, with the audience of its use (sts.amazonaws.com for IRSA, pods.eks.amazonaws.com for Pod Identity).
    /// </summary>
    private string WriteServiceAccountToken(string audience, string serviceAccount)
    {
        var tokenFile = Path.Combine(_home.Path, "token");
        var claims = new Dictionary<string, object>
        {
            ["iss"] = "https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX",
            ["sub"] = $"system:serviceaccount:{HelmChart.Namespace}:{serviceAccount}",
            ["aud"] = new[] { audience },
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
            ["kubernetes.io"] = new Dictionary<string, object>
            {
                ["namespace"] = HelmChart.Namespace,
                ["pod"] = new Dictionary<string, string> { ["name"] = "awsmcp-5f8d7c9b6-x2x4q" },
                ["serviceaccount"] = new Dictionary<string, string> { ["name"] = serviceAccount },
            },
        };
        File.WriteAllText(tokenFile, Jwt(JsonSerializer.Serialize(claims)));
        return tokenFile;
    }

    /// <summary>Serves, then calls whoami (the IAM pack) and list_s3_buckets (the Storage pack); returns whoami's ARN and the banner.</summary>
    private async Task<(string WhoAmI, string Banner)> ServeAndCallAsync(Dictionary<string, string?> environment)
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, environment);
        return await CallBothPacksAsync(host, apiKey: null);
    }

    private static async Task<(string WhoAmI, string Banner)> CallBothPacksAsync(HostProcess host, string? apiKey)
    {
        var url = new Uri(host.BaseAddress, "/mcp").ToString();

        var whoami = await CallAsync("whoami", url, apiKey);
        var buckets = await CallAsync("list_s3_buckets", url, apiKey);

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

    private static async Task<(int Exit, string Output, string Error)> CallAsync(string tool, string url, string? apiKey)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] key = apiKey is null ? [] : ["--api-key", apiKey];
        var exit = await CliApplication.RunAsync(["call", tool, "--url", url, "--output", "json", .. key], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _plugins.Dispose();
        _home.Dispose();
    }
}
