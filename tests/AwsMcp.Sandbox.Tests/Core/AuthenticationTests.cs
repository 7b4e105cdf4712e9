using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.Core;

public sealed class AuthenticationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly BasicAWSCredentials WrongSecret = new(SandboxIdentities.OperatorAccessKeyId, "not-the-secret");
    private static readonly BasicAWSCredentials UnknownKey = new("AKIAUNKNOWNKEY000000", "whatever");

    [Fact]
    public async Task Requests_signed_by_the_SDK_are_verified_in_full()
    {
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        using var s3 = SandboxClients.S3(fixture.Server);
        var before = fixture.Server.RequestLog.Count;
        await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());
        await s3.ListBucketsAsync(new ListBucketsRequest());

        var entries = fixture.Server.RequestLog.Skip(before).Where(e => e.Operation is "DescribeRegions" or "ListBuckets").ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((SignatureCheck.Verified, SandboxIdentities.OperatorAccessKeyId), (e.SignatureCheck, e.AccessKeyId)));
    }

    [Theory]
    [InlineData(true, "AuthFailure", HttpStatusCode.Unauthorized, "SignatureDoesNotMatch", SignatureCheck.Mismatch)]
    [InlineData(false, "AuthFailure", HttpStatusCode.Unauthorized, "InvalidAccessKeyId", SignatureCheck.UnknownKey)]
    public async Task Bad_credentials_fail_as_each_service_answers_them(bool knownKey, string ec2Code, HttpStatusCode ec2Status, string s3Code, SignatureCheck check)
    {
        var credentials = knownKey ? WrongSecret : UnknownKey;
        using var ec2 = SandboxClients.Ec2(fixture.Server, credentials: credentials);
        using var s3 = SandboxClients.S3(fixture.Server, credentials: credentials);
        await AwsAssert.FailsWith<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest()), ec2Code, ec2Status);
        await AwsAssert.FailsWith<AmazonS3Exception>(() => s3.ListBucketsAsync(new ListBucketsRequest()), s3Code, HttpStatusCode.Forbidden);
        Assert.Equal(check, fixture.Server.RequestLog[^1].SignatureCheck);
    }

    [Fact]
    public async Task Temporary_credentials_work_with_their_token_only_and_expire()
    {
        var arn = $"arn:aws:sts::{SandboxIdentities.DefaultAccount}:assumed-role/AwsMcpOperator/test";
        var valid = SandboxClients.Temporary(fixture.Server, SandboxIdentities.DefaultAccount, arn, TimeSpan.FromHours(1));
        using (var ec2 = SandboxClients.Ec2(fixture.Server, credentials: valid))
        {
            await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());
        }

        var immutable = valid.GetCredentials();
        using (var withoutToken = SandboxClients.Ec2(fixture.Server, credentials: new BasicAWSCredentials(immutable.AccessKey, immutable.SecretKey)))
        {
            await AwsAssert.FailsWith<AmazonEC2Exception>(
                () => withoutToken.DescribeRegionsAsync(new DescribeRegionsRequest()), "InvalidClientTokenId", HttpStatusCode.Forbidden);
        }

        var expired = SandboxClients.Temporary(fixture.Server, SandboxIdentities.DefaultAccount, arn, TimeSpan.FromMinutes(-1));
        using var late = SandboxClients.Ec2(fixture.Server, credentials: expired);
        await AwsAssert.FailsWith<AmazonEC2Exception>(() => late.DescribeRegionsAsync(new DescribeRegionsRequest()), "ExpiredToken", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_request_without_authorization_is_refused_with_a_request_id()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(fixture.Server.Endpoint);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_authorization_header_is_refused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.Endpoint);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIASANDBOXOPERATOR1/20260101/us-east-1/ec2/aws4_request, Signature=abc");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>IncompleteSignature</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_service_is_named_in_the_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Server.Endpoint) { Content = new StringContent("Action=List") };
        using var response = await RawSigned.SendAsync(fixture.Server, request, "kinesis", "us-east-1");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>UnknownService</Code>", body, StringComparison.Ordinal);
        Assert.Contains("'kinesis'", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_does_not_match_its_declared_hash_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(fixture.Server.Endpoint, "acme-data-lake/tampered.txt")) { Content = new StringContent("changed") };
        using var response = await RawSigned.SendAsync(fixture.Server, request, "s3", "us-east-1", declaredPayloadHash: SigV4Signer.Sha256Hex("original"u8));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<Code>XAmzContentSHA256Mismatch</Code>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SignatureCheck.BadPayload, fixture.Server.RequestLog[^1].SignatureCheck);
    }

    [Fact]
    public async Task An_unsupported_operation_is_refused_in_the_services_protocol()
    {
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        await AwsAssert.FailsWith<AmazonEC2Exception>(() => ec2.DescribeVpcsAsync(new DescribeVpcsRequest()), "InvalidAction", HttpStatusCode.BadRequest);
    }

    [Fact]
    public void The_request_log_never_holds_a_secret() =>
        Assert.All(fixture.Server.RequestLog, e => Assert.DoesNotContain(SandboxIdentities.OperatorSecretAccessKey, e.ToString(), StringComparison.Ordinal));

    [Fact]
    public async Task With_verification_off_a_wrong_secret_passes_but_an_unknown_key_does_not()
    {
        await using var lenient = await SandboxServer.StartAsync(new SandboxOptions { VerifySignatures = false });
        using var ec2 = SandboxClients.Ec2(lenient, credentials: WrongSecret);
        await ec2.DescribeRegionsAsync(new DescribeRegionsRequest());
        Assert.Equal(SignatureCheck.NotChecked, lenient.RequestLog[^1].SignatureCheck);

        using var unknown = SandboxClients.Ec2(lenient, credentials: UnknownKey);
        await AwsAssert.FailsWith<AmazonEC2Exception>(() => unknown.DescribeRegionsAsync(new DescribeRegionsRequest()), "AuthFailure", HttpStatusCode.Unauthorized);
    }
}
