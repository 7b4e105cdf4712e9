using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SSO;
using Amazon.SSO.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Services.Sso;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

/// <summary>The IAM Identity Center portal as the SDK's SSO credential provider calls it: unsigned, with the cached access token.</summary>
public sealed class SsoPortalTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => fixture.Server.Faults.Clear();

    private AmazonSSOClient Sso() =>
        new(new AnonymousAWSCredentials(), new AmazonSSOConfig { ServiceURL = fixture.Server.Endpoint.ToString(), MaxErrorRetry = 0 });

    [Theory]
    [InlineData(SandboxIdentities.DefaultAccount, "AdministratorAccess")]
    [InlineData(SandboxIdentities.SecondAccount, "ReadOnlyAccess")]
    public async Task GetRoleCredentials_answers_a_session_of_the_permission_sets_role(string account, string permissionSet)
    {
        using var sso = Sso();
        var answer = await sso.GetRoleCredentialsAsync(new GetRoleCredentialsRequest { AccessToken = SsoSeed.AccessToken, AccountId = account, RoleName = permissionSet });
        var logged = fixture.Server.RequestLog[^1];
        var credentials = answer.RoleCredentials;

        Assert.StartsWith("ASIA", credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(credentials.Expiration!.Value), DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        Assert.Equal(("awsssoportal", "GetRoleCredentials", SignatureCheck.NotRequired), (logged.Service, logged.Operation, logged.SignatureCheck));

        using var sts = new AmazonSecurityTokenServiceClient(
            new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
            new AmazonSecurityTokenServiceConfig { ServiceURL = fixture.Server.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(account, identity.Account);
        Assert.Matches($"^arn:aws:sts::{account}:assumed-role/AWSReservedSSO_{permissionSet}_[0-9a-f]{{16}}/sandbox\\.user@example\\.com$", identity.Arn);
        Assert.Matches("^AROA[A-Z2-7]{17}:sandbox\\.user@example\\.com$", identity.UserId);
    }

    [Theory]
    [InlineData("expired-or-foreign-token", SandboxIdentities.DefaultAccount, "ReadOnlyAccess", "UnauthorizedException", HttpStatusCode.Unauthorized)]
    [InlineData(SsoSeed.AccessToken, SandboxIdentities.SecondAccount, "AdministratorAccess", "ForbiddenException", HttpStatusCode.Forbidden)]
    [InlineData(SsoSeed.AccessToken, "999988887777", "ReadOnlyAccess", "ForbiddenException", HttpStatusCode.Forbidden)]
    public async Task GetRoleCredentials_refusals(string token, string account, string permissionSet, string code, HttpStatusCode status)
    {
        using var sso = Sso();
        await AwsAssert.FailsWith<AmazonSSOException>(
            () => sso.GetRoleCredentialsAsync(new GetRoleCredentialsRequest { AccessToken = token, AccountId = account, RoleName = permissionSet }),
            code,
            status);
    }

    [Fact]
    public async Task Without_a_bearer_token_the_portal_answers_401_as_AWS_does()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.Endpoint };
        using var response = await http.GetAsync("/federation/credentials?role_name=ReadOnlyAccess&account_id=123456789012");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UnauthorizedException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("\"message\":\"Session token not found or invalid\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_throttling_is_the_portals_429()
    {
        fixture.Server.Faults.FailNext("awsssoportal", "GetRoleCredentials", SandboxFault.Throttling("awsssoportal"));
        using var sso = Sso();
        await AwsAssert.FailsWith<AmazonSSOException>(
            () => sso.GetRoleCredentialsAsync(new GetRoleCredentialsRequest { AccessToken = SsoSeed.AccessToken, AccountId = SandboxIdentities.DefaultAccount, RoleName = "ReadOnlyAccess" }),
            "TooManyRequestsException",
            (HttpStatusCode)429);
    }
}
