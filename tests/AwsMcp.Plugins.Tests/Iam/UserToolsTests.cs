using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>list_iam_users against the seeded users.</summary>
[Collection(SandboxCollection.Name)]
public sealed class UserToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task PagesThroughEveryUserWithConsoleMfaAndKeyFacts()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_iam_users", new Dictionary<string, object?> { ["limit"] = 3 });

        Assert.Equal(7, items.Count);
        Assert.Equal(3, pages);
        var users = items.ToDictionary(user => user.GetProperty("name").GetString()!);

        var bob = users["bob.dev"];
        Assert.True(bob.GetProperty("console_access").GetBoolean());
        Assert.False(bob.GetProperty("mfa_enabled").GetBoolean());

        var ciKey = Assert.Single(users["ci-bot"].GetProperty("keys").EnumerateArray());
        Assert.InRange(ciKey.GetProperty("age_days").GetInt32(), 411, 413);
        Assert.False(users["ci-bot"].GetProperty("console_access").GetBoolean());

        var carolKeys = users["carol.ops"].GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal(["Active", "Inactive"], carolKeys.Strings("status"));
        Assert.True(users["carol.ops"].GetProperty("mfa_enabled").GetBoolean());

        Assert.InRange(users["dave.contractor"].GetProperty("days_since_activity").GetInt32(), 119, 121);

        var neverUsed = Assert.Single(users["reporting-svc"].GetProperty("keys").EnumerateArray());
        Assert.False(neverUsed.TryGetProperty("last_used", out _));
        Assert.False(users["reporting-svc"].TryGetProperty("last_activity", out _));
    }

    [Fact]
    public async Task AccessKeyIdsAreMaskedAndNoSecretIsReturned()
    {
        await using var client = await fixture.ConnectAsync();

        var result = await client.CallAsync("list_iam_users", new { detail = true, path_prefix = "/automation/" });

        var text = ToolCallExtensions.TextOf(result);
        var ciBotKey = SeedIds.Of("AKIA", "ci-bot/1", 20);
        Assert.DoesNotContain(ciBotKey, text, StringComparison.Ordinal);
        Assert.Contains(ciBotKey[..4] + new string('*', 12) + ciBotKey[^4..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        using var page = JsonDocument.Parse(text);
        var ciBot = page.RootElement.GetProperty("items").EnumerateArray().Single(user => user.GetProperty("name").GetString() == "ci-bot");
        Assert.Equal("s3", ciBot.GetProperty("keys")[0].GetProperty("last_used_service").GetString());
        Assert.StartsWith("AIDA", ciBot.GetProperty("user_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrottledIamIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "iam", "ListMFADevices", SandboxFault.Throttling("iam"));

        var error = await client.CallErrorAsync("list_iam_users", new { limit = 1 });

        Assert.Contains("throttling iam:ListMFADevices", error, StringComparison.Ordinal);
    }
}
