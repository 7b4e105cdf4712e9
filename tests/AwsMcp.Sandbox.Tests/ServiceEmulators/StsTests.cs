using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Services.Iam;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class StsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string OperatorRole = "arn:aws:iam::123456789012:role/AwsMcpOperator";
    private const string ReadOnlyRole = "arn:aws:iam::210987654321:role/AwsMcpReadOnly";

    private AmazonSecurityTokenServiceClient Sts(AWSCredentials? credentials = null, string region = "us-east-1") =>
        new(credentials ?? SandboxClients.Operator, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = fixture.Server.Endpoint.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    [Fact]
    public async Task GetCallerIdentity_names_the_operator()
    {
        using var sts = Sts();
        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(SandboxIdentities.DefaultAccount, identity.Account);
        Assert.Equal("arn:aws:iam::123456789012:user/sandbox-operator", identity.Arn);
        Assert.Equal("AIDASANDBOXOPERATOR1", identity.UserId);
    }

    [Fact]
    public async Task AssumeRole_into_the_second_account_then_calls_with_the_temporary_credentials()
    {
        using var sts = Sts();
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = ReadOnlyRole,
            RoleSessionName = "alice-session",
            SourceIdentity = "alice@example.com",
            DurationSeconds = 900,
        });
        Assert.Equal("arn:aws:sts::210987654321:assumed-role/AwsMcpReadOnly/alice-session", assumed.AssumedRoleUser.Arn);
        Assert.EndsWith(":alice-session", assumed.AssumedRoleUser.AssumedRoleId, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", assumed.SourceIdentity);
        Assert.StartsWith("ASIA", assumed.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.InRange(assumed.Credentials.Expiration!.Value, DateTime.UtcNow.AddSeconds(850), DateTime.UtcNow.AddSeconds(950));

        var c = assumed.Credentials;
        using var asRole = Sts(new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal(SandboxIdentities.SecondAccount, identity.Account);
        Assert.Equal(assumed.AssumedRoleUser.Arn, identity.Arn);

        using var withoutToken = Sts(new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey));
        var rejected = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => withoutToken.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
    }

    [Fact]
    public async Task AssumeRole_in_the_own_account_records_the_session_and_role_last_used()
    {
        using var sts = Sts(region: "eu-west-1");
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OperatorRole, RoleSessionName = "ops", SourceIdentity = "carol" });
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/AwsMcpOperator/ops", assumed.AssumedRoleUser.Arn);
        var role = IamDirectory.For(fixture.Server.Context).FindRoleByArn(OperatorRole)!;
        Assert.Equal("eu-west-1", role.LastUsed!.Region);

        // Chaining keeps the SourceIdentity and refuses to change it.
        var c = assumed.Credentials;
        using var chained = Sts(new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
        var again = await chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReadOnlyRole, RoleSessionName = "chained" });
        Assert.Equal("carol", again.SourceIdentity);
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => chained.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ReadOnlyRole, RoleSessionName = "chained", SourceIdentity = "mallory" }),
            "AccessDenied",
            HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/does-not-exist", "s1", null, "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("arn:aws:iam::123456789012:role/lambda-orders-exec", "s1", null, "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("arn:aws:iam::123456789012:role/admin-break-glass", "s1", null, "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("arn:aws:iam::123456789012:role/partner-audit", "s1", null, "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData("arn:aws:iam::123456789012:role/partner-audit", "s1", "wrong-id", "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData(OperatorRole, "bad name!", null, "ValidationError", HttpStatusCode.BadRequest)]
    [InlineData(OperatorRole, "x", null, "ValidationError", HttpStatusCode.BadRequest)]
    public async Task AssumeRole_refusals(string roleArn, string sessionName, string? externalId, string code, HttpStatusCode status)
    {
        using var sts = Sts();
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = sessionName, ExternalId = externalId }),
            code,
            status);
    }

    [Fact]
    public async Task ExternalId_role_opens_with_the_agreed_id_and_any_principal_role_is_assumable()
    {
        using var sts = Sts();
        var audited = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/partner-audit", RoleSessionName = "audit", ExternalId = IamSeed.PartnerExternalId });
        Assert.Contains("partner-audit", audited.AssumedRoleUser.Arn, StringComparison.Ordinal);
        var open = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/legacy-partner-access", RoleSessionName = "anyone" });
        Assert.NotNull(open.Credentials);
    }

    [Theory]
    [InlineData(899)]
    [InlineData(43201)]
    public async Task DurationSeconds_outside_900_to_43200_is_invalid(int seconds)
    {
        using var sts = Sts();
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OperatorRole, RoleSessionName = "s1", DurationSeconds = seconds }),
            "ValidationError",
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Duration_above_the_roles_maximum_is_invalid()
    {
        using var sts = Sts();
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::123456789012:role/legacy-partner-access", RoleSessionName = "s1", DurationSeconds = 7200 }),
            "ValidationError",
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AssumeRoleWithWebIdentity_needs_no_signature_and_its_credentials_work()
    {
        using var anonymous = Sts(new AnonymousAWSCredentials());
        var assumed = await anonymous.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = ReadOnlyRole,
            RoleSessionName = "ci-run-42",
            WebIdentityToken = WebIdentityTokens.Jwt(WebIdentityTokens.GitHubClaims),
            DurationSeconds = 900,
        });
        var logged = fixture.Server.RequestLog[^1];

        Assert.Equal("arn:aws:sts::210987654321:assumed-role/AwsMcpReadOnly/ci-run-42", assumed.AssumedRoleUser.Arn);
        Assert.EndsWith(":ci-run-42", assumed.AssumedRoleUser.AssumedRoleId, StringComparison.Ordinal);
        Assert.Equal("repo:acme/app:ref:refs/heads/main", assumed.SubjectFromWebIdentityToken);
        Assert.Equal("sts.amazonaws.com", assumed.Audience);
        Assert.Equal("arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com", assumed.Provider);
        Assert.InRange(assumed.Credentials.Expiration!.Value, DateTime.UtcNow.AddSeconds(850), DateTime.UtcNow.AddSeconds(950));
        Assert.Equal(("sts", "AssumeRoleWithWebIdentity", SignatureCheck.NotRequired), (logged.Service, logged.Operation, logged.SignatureCheck));
        Assert.Equal("us-east-1", IamDirectory.For(fixture.Server.Context).FindRoleByArn(ReadOnlyRole)!.LastUsed!.Region);

        var c = assumed.Credentials;
        using var asRole = Sts(new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken));
        var identity = await asRole.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal((SandboxIdentities.SecondAccount, assumed.AssumedRoleUser.Arn), (identity.Account, identity.Arn));
    }

    [Theory]
    [InlineData(OperatorRole, "ci", null, "InvalidIdentityToken", HttpStatusCode.BadRequest)]
    [InlineData(OperatorRole, "ci", """{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com"}""", "InvalidIdentityToken", HttpStatusCode.BadRequest)]
    [InlineData(OperatorRole, "ci", """{"iss":"https://oidc.eks.us-east-1.amazonaws.com/id/ABC","sub":"system:serviceaccount:ops:awsmcp","aud":"sts.amazonaws.com","exp":1000000000}""", "ExpiredTokenException", HttpStatusCode.BadRequest)]
    [InlineData("arn:aws:iam::123456789012:role/does-not-exist", "ci", WebIdentityTokens.GitHubClaims, "AccessDenied", HttpStatusCode.Forbidden)]
    [InlineData(OperatorRole, "bad name!", WebIdentityTokens.GitHubClaims, "ValidationError", HttpStatusCode.BadRequest)]
    public async Task AssumeRoleWithWebIdentity_refusals(string roleArn, string sessionName, string? claims, string code, HttpStatusCode status)
    {
        using var anonymous = Sts(new AnonymousAWSCredentials());
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => anonymous.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
            {
                RoleArn = roleArn,
                RoleSessionName = sessionName,
                WebIdentityToken = claims is null ? "an-opaque-access-token" : WebIdentityTokens.Jwt(claims),
            }),
            code,
            status);
    }

    [Fact]
    public async Task Other_operations_still_need_a_signature()
    {
        using var anonymous = Sts(new AnonymousAWSCredentials());
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => anonymous.GetCallerIdentityAsync(new GetCallerIdentityRequest()),
            "MissingAuthenticationToken",
            HttpStatusCode.Forbidden);
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(
            () => anonymous.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = OperatorRole, RoleSessionName = "s1" }),
            "MissingAuthenticationToken",
            HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Injected_throttling_reaches_the_sdk()
    {
        fixture.Server.Faults.FailNext("sts", "GetCallerIdentity", SandboxFault.Throttling("sts"));
        using var sts = Sts();
        await AwsAssert.FailsWith<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()), "Throttling", HttpStatusCode.BadRequest);
    }
}
