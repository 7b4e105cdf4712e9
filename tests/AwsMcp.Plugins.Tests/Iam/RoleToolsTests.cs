using AwsMcp.Plugins.Tests.Infrastructure;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>list_iam_roles and get_iam_role against the seeded roles.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RoleToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task PagesThroughEveryRoleAndFlagsTheOneTrustingAnyone()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_iam_roles", new Dictionary<string, object?> { ["limit"] = 3 });

        Assert.Equal(8, items.Count);
        Assert.Equal(3, pages);
        Assert.Equal(["legacy-partner-access"], items.Where(role => role.GetProperty("trusts_anyone").GetBoolean()).Strings("name"));
        var lambdaRole = items.Single(role => role.GetProperty("name").GetString() == "lambda-orders-exec");
        Assert.Equal("/service-role/", lambdaRole.GetProperty("path").GetString());
        Assert.Equal(["Service:lambda.amazonaws.com"], lambdaRole.GetProperty("trusted_principals").EnumerateArray().Select(p => p.GetString()));
        Assert.All(items, role => Assert.False(role.TryGetProperty("trust_policy", out _)));
    }

    [Fact]
    public async Task DetailAddsTheDecodedTrustPolicy()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_iam_roles", new { detail = true, path_prefix = "/service-role/" });

        var role = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("2012-10-17", role.GetProperty("trust_policy").GetProperty("Version").GetString());
        Assert.StartsWith("AROA", role.GetProperty("role_id").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANamedAccountListsItsOwnRoles()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_iam_roles", new { account = SandboxHostFixture.SharedAccount });

        Assert.Equal(["AwsMcpReadOnly"], page.GetProperty("items").EnumerateArray().Strings("name"));
    }

    [Fact]
    public async Task GetRoleShowsTrustPoliciesAndLastUse()
    {
        await using var client = await fixture.ConnectAsync();

        var role = await client.CallJsonAsync("get_iam_role", new { role_name = "legacy-partner-access" });

        Assert.True(role.GetProperty("trusts_anyone").GetBoolean());
        Assert.Equal("*", role.GetProperty("trust_policy").GetProperty("Statement")[0].GetProperty("Principal").GetString());
        Assert.Equal(["AmazonS3ReadOnlyAccess"], role.GetProperty("attached_policies").EnumerateArray().Strings("name"));
        Assert.Equal(0, role.GetProperty("inline_policies").GetArrayLength());
        Assert.False(role.TryGetProperty("last_used", out _));
    }

    [Fact]
    public async Task GetRoleByArnDecodesInlinePolicies()
    {
        await using var client = await fixture.ConnectAsync();

        var role = await client.CallJsonAsync("get_iam_role", new { role_name = "arn:aws:iam::123456789012:role/data-analyst" });

        var inline = Assert.Single(role.GetProperty("inline_policies").EnumerateArray());
        Assert.Equal("deny-finance-data", inline.GetProperty("name").GetString());
        Assert.Equal("Deny", inline.GetProperty("document").GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.False(role.GetProperty("trusts_anyone").GetBoolean());
    }

    [Fact]
    public async Task GetRoleReportsWhenARoleWasLastUsed()
    {
        await using var client = await fixture.ConnectAsync();

        var role = await client.CallJsonAsync("get_iam_role", new { role_name = "partner-audit" });

        var lastUsed = role.GetProperty("last_used");
        Assert.Equal("eu-west-1", lastUsed.GetProperty("region").GetString());
        Assert.InRange(lastUsed.GetProperty("days_ago").GetInt32(), 11, 13);
    }

    [Fact]
    public async Task AnUnknownRoleIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_iam_role", new { role_name = "no-such-role" });

        Assert.Contains("NoSuchEntity", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedRoleNameIsRejectedNamingTheArgument()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_iam_role", new { role_name = "not a role!" });

        Assert.Contains("'role_name'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedIamAccessIsAClearToolError()
    {
        await using var client = await fixture.ConnectAsync();
        using var fault = SandboxFaultScope.Start(fixture.Sandbox, "iam", "ListRoles", SandboxFault.AccessDenied("iam"));

        var error = await client.CallErrorAsync("list_iam_roles");

        Assert.Contains("Access denied", error, StringComparison.Ordinal);
        Assert.Contains("iam:ListRoles", error, StringComparison.Ordinal);
    }
}
