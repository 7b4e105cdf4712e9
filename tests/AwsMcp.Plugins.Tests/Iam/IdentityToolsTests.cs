using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>whoami for the server's own identity and for a configured account.</summary>
[Collection(SandboxCollection.Name)]
public sealed class IdentityToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ShowsTheServersOwnUserWithoutSecrets()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallAsync("whoami");
        var identity = await client.CallJsonAsync("whoami");

        Assert.Equal("123456789012", identity.GetProperty("account").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/sandbox-operator", identity.GetProperty("arn").GetString());
        Assert.Equal("user", identity.GetProperty("principal_type").GetString());
        Assert.Equal("sandbox-operator", identity.GetProperty("principal_name").GetString());
        Assert.False(identity.TryGetProperty("selected_account", out _));
        var text = ToolCallExtensions.TextOf(result);
        Assert.DoesNotContain(SandboxIdentities.OperatorAccessKeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxIdentities.OperatorSecretAccessKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedAccountShowsTheAssumedRoleThere()
    {
        await using var client = await fixture.ConnectAsync();

        var identity = await client.CallJsonAsync("whoami", new { account = SandboxHostFixture.SharedAccount });

        Assert.Equal("210987654321", identity.GetProperty("account").GetString());
        Assert.Equal("assumed-role", identity.GetProperty("principal_type").GetString());
        Assert.Equal("AwsMcpReadOnly", identity.GetProperty("principal_name").GetString());
        Assert.StartsWith("awsmcp-", identity.GetProperty("session_name").GetString(), StringComparison.Ordinal);
        Assert.Equal(SandboxHostFixture.SharedAccount, identity.GetProperty("selected_account").GetString());
        Assert.Equal("arn:aws:iam::210987654321:role/AwsMcpReadOnly", identity.GetProperty("assumed_role_arn").GetString());
    }

    [Fact]
    public async Task AnUnknownAccountIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("whoami", new { account = "nope" });

        Assert.Contains("Unknown account 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnStsOutageIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "sts", "GetCallerIdentity", SandboxFault.InternalError);

        var error = await client.CallErrorAsync("whoami");

        Assert.Contains("internal error in sts:GetCallerIdentity", error, StringComparison.Ordinal);
    }
}
