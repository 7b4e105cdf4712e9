using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Services.PodIdentity;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

/// <summary>
/// The EKS Pod Identity Agent's endpoint as the SDKs' container credentials provider calls it: GET with the pod's
/// service-account token as the whole Authorization header (what AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE holds).
/// </summary>
public sealed class PodIdentityAgentTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private const string PodToken =
        """{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX","sub":"system:serviceaccount:awsmcp:awsmcp","aud":["pods.eks.amazonaws.com"],"exp":4102444800,"kubernetes.io":{"namespace":"awsmcp","pod":{"name":"awsmcp-7d9c-x2x4q"},"serviceaccount":{"name":"awsmcp"}}}""";

    public void Dispose() => fixture.Server.Faults.Clear();

    [Fact]
    public async Task The_pods_token_is_traded_for_a_session_of_the_associated_role()
    {
        using var response = await GetCredentialsAsync(WebIdentityTokens.Jwt(PodToken));
        var logged = fixture.Server.RequestLog[^1];
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var credentials = body.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SandboxIdentities.DefaultAccount, credentials.GetProperty("AccountId").GetString());
        Assert.InRange(credentials.GetProperty("Expiration").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(5.9), DateTimeOffset.UtcNow.AddHours(6.1));
        Assert.Equal(("eks-auth", "AssumeRoleForPodIdentity", SignatureCheck.NotRequired), (logged.Service, logged.Operation, logged.SignatureCheck));

        using var sts = new AmazonSecurityTokenServiceClient(
            new SessionAWSCredentials(credentials.GetProperty("AccessKeyId").GetString(), credentials.GetProperty("SecretAccessKey").GetString(), credentials.GetProperty("Token").GetString()),
            new AmazonSecurityTokenServiceConfig { ServiceURL = fixture.Server.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Matches("^arn:aws:sts::123456789012:assumed-role/AwsMcpOperator/eks-sandbox-awsmcp-7d9c-x2x4q-[0-9a-f]{8}$", identity.Arn);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.BadRequest, "InvalidRequestException")]
    [InlineData("an-opaque-token", HttpStatusCode.BadRequest, "InvalidTokenException")]
    [InlineData("""{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX","sub":"system:serviceaccount:awsmcp:awsmcp","aud":"sts.amazonaws.com"}""", HttpStatusCode.BadRequest, "InvalidTokenException")]
    [InlineData("""{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX","sub":"repo:acme/app","aud":"pods.eks.amazonaws.com"}""", HttpStatusCode.BadRequest, "InvalidTokenException")]
    [InlineData("""{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX","sub":"system:serviceaccount:other:awsmcp","aud":"pods.eks.amazonaws.com"}""", HttpStatusCode.NotFound, "ResourceNotFoundException")]
    [InlineData("""{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/SANDBOX","sub":"system:serviceaccount:awsmcp:awsmcp","aud":"pods.eks.amazonaws.com","exp":1000000000}""", HttpStatusCode.BadRequest, "ExpiredTokenException")]
    public async Task Refusals(string? claims, HttpStatusCode status, string code)
    {
        using var response = await GetCredentialsAsync(claims is null ? null : claims.StartsWith('{') ? WebIdentityTokens.Jwt(claims) : claims);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_sigv4_request_to_the_agent_is_not_taken_for_a_token()
    {
        using var response = await GetCredentialsAsync("AWS4-HMAC-SHA256 Credential=broken");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("eks-auth", fixture.Server.RequestLog[^1].Service);
    }

    [Fact]
    public async Task Injected_faults_name_eks_auth()
    {
        fixture.Server.Faults.FailNext("eks-auth", "AssumeRoleForPodIdentity", SandboxFault.ServiceUnavailable);
        using var response = await GetCredentialsAsync(WebIdentityTokens.Jwt(PodToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private async Task<HttpResponseMessage> GetCredentialsAsync(string? authorization)
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Endpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, PodIdentityAgentEmulator.Path);
        if (authorization is not null)
        {
            // As the SDK sends it: the token alone, no scheme.
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await http.SendAsync(request);
    }
}
