namespace AwsMcp.Aws.Tests.Clients;

/// <summary>The warm-up that compiles the EC2 and S3 clients' paths sends nothing (<c>OfflineSdkWarmUp</c>).</summary>
public sealed class OfflineWarmUpTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Ec2_and_s3_requests_are_answered_in_memory_and_never_reach_the_endpoint()
    {
        // The factory's clients point at the sandbox: a request the canned answer did not take would be logged there.
        var items = await sandbox.Factory.WarmUpOfflineAsync();

        Assert.Equal(2, items); // one instance, one bucket: the answers went through the SDK's unmarshallers
        Assert.Empty(sandbox.Server.RequestLog);
    }
}
