using AwsMcp.Aws.Clients;

namespace AwsMcp.Aws.Tests.Clients;

/// <summary>The warm-up that compiles the SDK's largest EC2 and S3 code sends nothing (<c>OfflineSdkWarmUp</c>).</summary>
public sealed class OfflineWarmUpTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public void S3_endpoint_rules_resolve_the_configured_endpoint_and_nothing_reaches_it()
    {
        // The factory's clients point at the sandbox: a request would be logged there.
        var endpoint = sandbox.Factory.WarmUpOffline();

        // Path-style on a local endpoint, as the factory's S3 client addresses it (no bucket: the endpoint itself).
        Assert.Equal(sandbox.Server.Endpoint.GetLeftPart(UriPartial.Authority), endpoint.GetLeftPart(UriPartial.Authority));
        Assert.Empty(sandbox.Server.RequestLog);
    }

    [Fact]
    public void The_largest_methods_it_compiles_are_still_in_the_sdk()
    {
        // An SDK update that renames one would leave its first call slow without a word.
        Assert.All(OfflineSdkWarmUp.Largest, largest =>
            Assert.NotEmpty(OfflineSdkWarmUp.Methods(largest.Type, largest.Method)));
    }
}
