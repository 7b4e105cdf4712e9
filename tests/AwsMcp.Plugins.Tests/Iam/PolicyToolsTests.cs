using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>list_iam_policies, get_iam_policy_document and simulate_iam_permissions against the seeded policies.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PolicyToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task ListsOnlyAttachedCustomerPoliciesByDefault()
    {
        await using var client = await fixture.ConnectAsync();

        var page = await client.CallJsonAsync("list_iam_policies");

        var policies = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["ci-deploy-policy", "legacy-full-access", "orders-lambda-logs"], policies.Strings("name").Order());
        Assert.All(policies, policy => Assert.False(policy.GetProperty("aws_managed").GetBoolean()));
        Assert.Equal(2, policies.Single(p => p.GetProperty("name").GetString() == "ci-deploy-policy").GetProperty("attachment_count").GetInt32());
    }

    [Fact]
    public async Task PagesThroughEveryPolicyOfEveryScope()
    {
        await using var client = await fixture.ConnectAsync();

        var (items, pages) = await client.CallAllPagesAsync("list_iam_policies", new Dictionary<string, object?> { ["scope"] = "all", ["only_attached"] = false, ["limit"] = 2 });

        Assert.Equal(7, items.Count);
        Assert.Equal(4, pages);
        Assert.Contains("unused-s3-writer", items.Strings("name"));
        Assert.Equal(3, items.Count(policy => policy.GetProperty("aws_managed").GetBoolean()));
    }

    [Fact]
    public async Task ThePolicyDocumentIsTheDefaultVersionDecoded()
    {
        await using var client = await fixture.ConnectAsync();

        var policy = await client.CallJsonAsync("get_iam_policy_document", new { policy_arn = "arn:aws:iam::123456789012:policy/ci-deploy-policy" });

        Assert.Equal("v3", policy.GetProperty("version_id").GetString());
        Assert.True(policy.GetProperty("is_default_version").GetBoolean());
        Assert.Equal(3, policy.GetProperty("document").GetProperty("Statement").GetArrayLength());
        Assert.False(policy.GetProperty("allows_everything").GetBoolean());
    }

    [Fact]
    public async Task AnOlderVersionCanBeShown()
    {
        await using var client = await fixture.ConnectAsync();

        var policy = await client.CallJsonAsync("get_iam_policy_document", new { policy_arn = "arn:aws:iam::123456789012:policy/ci-deploy-policy", version_id = "v1" });

        Assert.False(policy.GetProperty("is_default_version").GetBoolean());
        Assert.Equal("v3", policy.GetProperty("default_version_id").GetString());
        Assert.Equal("lambda:*", policy.GetProperty("document").GetProperty("Statement")[0].GetProperty("Action").GetString());
    }

    [Fact]
    public async Task AFullAccessPolicyIsFlagged()
    {
        await using var client = await fixture.ConnectAsync();

        var policy = await client.CallJsonAsync("get_iam_policy_document", new { policy_arn = "arn:aws:iam::123456789012:policy/legacy-full-access" });

        Assert.True(policy.GetProperty("allows_everything").GetBoolean());
        Assert.Equal(1, policy.GetProperty("attachment_count").GetInt32());
    }

    [Fact]
    public async Task AMalformedPolicyArnIsRejectedNamingTheArgument()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("get_iam_policy_document", new { policy_arn = "legacy-full-access" });

        Assert.Contains("policy_arn", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SimulationAnswersEachActionAndResourcePair()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("simulate_iam_permissions", new
        {
            principal_arn = "arn:aws:iam::123456789012:role/data-analyst",
            actions = new[] { "s3:GetObject", "iam:CreateUser" },
            resources = new[] { "arn:aws:s3:::finance-reports/q3.csv", "arn:aws:s3:::public-assets/logo.png" },
        });

        var results = report.GetProperty("results").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("action").GetString(), r.GetProperty("resource").GetString()), r => r.GetProperty("decision").GetString());
        Assert.Equal(4, results.Count);
        Assert.Equal("explicit_deny", results[("s3:GetObject", "arn:aws:s3:::finance-reports/q3.csv")]);
        Assert.Equal("allowed", results[("s3:GetObject", "arn:aws:s3:::public-assets/logo.png")]);
        Assert.Equal("implicit_deny", results[("iam:CreateUser", "arn:aws:s3:::public-assets/logo.png")]);
        Assert.Equal(1, report.GetProperty("allowed_count").GetInt32());
        Assert.Equal(3, report.GetProperty("denied_count").GetInt32());
    }

    [Fact]
    public async Task AnAssumedRoleSessionIsSimulatedAsItsRole()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("simulate_iam_permissions", new
        {
            principal_arn = "arn:aws:sts::123456789012:assumed-role/lambda-orders-exec/orders-fn",
            actions = new[] { "dynamodb:PutItem" },
            resources = new[] { "arn:aws:dynamodb:us-east-1:123456789012:table/orders" },
        });

        Assert.Equal("arn:aws:iam::123456789012:role/service-role/lambda-orders-exec", report.GetProperty("principal_arn").GetString());
        Assert.True(report.GetProperty("results")[0].GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task AMalformedActionIsRejectedNamingItsPosition()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("simulate_iam_permissions", new { principal_arn = "arn:aws:iam::123456789012:user/bob.dev", actions = new[] { "s3:GetObject", "GetObject" } });

        Assert.Contains("'actions[1]'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPrincipalIsAClearError()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await client.CallErrorAsync("simulate_iam_permissions", new { principal_arn = "arn:aws:iam::123456789012:user/nobody", actions = new[] { "s3:ListBucket" } });

        Assert.Contains("iam:SimulatePrincipalPolicy", error, StringComparison.Ordinal);
        Assert.Contains("NoSuchEntity", error, StringComparison.Ordinal);
    }
}
