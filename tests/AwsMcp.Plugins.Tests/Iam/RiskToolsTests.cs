using System.Text.Json;
using AwsMcp.Plugins.Tests.Infrastructure;

namespace AwsMcp.Plugins.Tests.Iam;

/// <summary>find_iam_risks over the whole seeded IAM estate.</summary>
[Collection(SandboxCollection.Name)]
public sealed class RiskToolsTests(SandboxHostFixture fixture)
{
    [Fact]
    public async Task FindsEverySeededRiskMostSevereFirst()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("find_iam_risks");

        var findings = report.GetProperty("findings").EnumerateArray().Select(Describe).ToList();
        Assert.Equal(
            [
                "critical role_trusts_anyone legacy-partner-access",
                "high console_user_without_mfa bob.dev",
                "high old_access_key ci-bot",
                "high policy_allows_everything legacy-full-access",
                "medium old_access_key dave.contractor",
            ],
            findings);
        Assert.Equal(1, report.GetProperty("critical_count").GetInt32());
        Assert.Equal(3, report.GetProperty("high_count").GetInt32());
        Assert.Equal(1, report.GetProperty("medium_count").GetInt32());
        Assert.Equal(7, report.GetProperty("users_scanned").GetInt32());
        Assert.Equal(8, report.GetProperty("roles_scanned").GetInt32());
        Assert.Equal(4, report.GetProperty("policies_scanned").GetInt32());
        Assert.All(report.GetProperty("findings").EnumerateArray(), finding =>
        {
            Assert.StartsWith("arn:aws:iam::123456789012:", finding.GetProperty("resource").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(finding.GetProperty("reason").GetString()!);
            Assert.NotEmpty(finding.GetProperty("suggested_fix").GetString()!);
        });
    }

    [Fact]
    public async Task AShorterKeyAgeFlagsMoreKeysButNeverInactiveOnes()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("find_iam_risks", new { max_key_age_days = 40 });

        var oldKeyOwners = report.GetProperty("findings").EnumerateArray()
            .Where(finding => finding.GetProperty("kind").GetString() == "old_access_key")
            .Strings("name");
        // bob.dev (45 days) and reporting-svc (60) join; carol.ops's 95-day key is inactive, alice's and the operator's are 30 days old.
        Assert.Equal(["bob.dev", "ci-bot", "dave.contractor", "reporting-svc"], oldKeyOwners.Order());
        Assert.Equal(40, report.GetProperty("max_key_age_days").GetInt32());
    }

    [Fact]
    public async Task TheLimitCutsTheListButNotTheCounts()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("find_iam_risks", new { limit = 2 });

        Assert.Equal(2, report.GetProperty("findings").GetArrayLength());
        Assert.True(report.GetProperty("truncated").GetBoolean());
        Assert.Equal(5, report.GetProperty("total_findings").GetInt32());
    }

    [Fact]
    public async Task TheSharedAccountHasNoRisks()
    {
        await using var client = await fixture.ConnectAsync();

        var report = await client.CallJsonAsync("find_iam_risks", new { account = SandboxHostFixture.SharedAccount });

        Assert.Equal(0, report.GetProperty("total_findings").GetInt32());
        Assert.Equal(1, report.GetProperty("roles_scanned").GetInt32());
        Assert.Equal(0, report.GetProperty("users_scanned").GetInt32());
    }

    private static string Describe(JsonElement finding) =>
        $"{finding.GetProperty("severity").GetString()} {finding.GetProperty("kind").GetString()} {finding.GetProperty("name").GetString()}";
}
