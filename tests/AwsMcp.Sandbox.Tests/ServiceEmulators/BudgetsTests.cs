using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class BudgetsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AwsProtocolClient _budgets = ThinClients.For(fixture.Server, AwsServiceModels.Budgets);

    [Fact]
    public async Task DescribeBudgets_pages_to_the_last_page_with_spend_figures()
    {
        var budgets = new List<JsonElement>();
        string? token = null;
        do
        {
            var body = new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount, ["MaxResults"] = 2 };
            if (token is not null)
            {
                body["NextToken"] = token;
            }

            using var page = await Call("DescribeBudgets", body);
            budgets.AddRange(page.RootElement.GetProperty("Budgets").EnumerateArray().Select(b => b.Clone()));
            token = page.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(["annual-total", "data-lake-monthly", "dev-sandbox-monthly", "ec2-usage-hours", "team-platform-monthly"], budgets.Select(b => b.GetProperty("BudgetName").GetString()));
        var over = budgets.Single(b => b.GetProperty("BudgetName").GetString() == "team-platform-monthly");
        Assert.Equal("1200.0", over.GetProperty("BudgetLimit").GetProperty("Amount").GetString());
        Assert.Equal("1384.17", over.GetProperty("CalculatedSpend").GetProperty("ActualSpend").GetProperty("Amount").GetString());
        Assert.Equal("USAGE", budgets.Single(b => b.GetProperty("BudgetName").GetString() == "ec2-usage-hours").GetProperty("BudgetType").GetString());
        Assert.Equal(JsonValueKind.Number, over.GetProperty("TimePeriod").GetProperty("Start").ValueKind);
    }

    [Fact]
    public async Task DescribeBudget_returns_one_budget()
    {
        using var response = await Call("DescribeBudget", new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount, ["BudgetName"] = "data-lake-monthly" });
        Assert.Equal("915.8", response.RootElement.GetProperty("Budget").GetProperty("CalculatedSpend").GetProperty("ForecastedSpend").GetProperty("Amount").GetString());
    }

    [Theory]
    [InlineData("DescribeBudgets", """{"AccountId":"210987654321"}""", "AccessDeniedException")]
    [InlineData("DescribeBudgets", """{"AccountId":"12345"}""", "InvalidParameterException")]
    [InlineData("DescribeBudgets", """{"AccountId":"123456789012","MaxResults":0}""", "InvalidParameterException")]
    [InlineData("DescribeBudgets", """{"AccountId":"123456789012","NextToken":"bogus"}""", "InvalidNextTokenException")]
    [InlineData("DescribeBudget", """{"AccountId":"123456789012","BudgetName":"nope"}""", "NotFoundException")]
    public async Task Errors_map_to_codes(string operation, string body, string code) =>
        await AwsAssert.FailsWith<AmazonServiceException>(() => Call(operation, JsonNode.Parse(body)!.AsObject()), code, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Second_account_sees_its_own_budget_and_injected_access_denied()
    {
        var principal = fixture.Server.Identities.IssueTemporary(
            SandboxIdentities.SecondAccount, "arn:aws:sts::210987654321:assumed-role/AwsMcpReadOnly/s", "AROA:s", DateTimeOffset.UtcNow.AddHours(1));
        using var second = ThinClients.For(fixture.Server, AwsServiceModels.Budgets, credentials: new SessionAWSCredentials(principal.AccessKeyId, principal.SecretAccessKey, principal.SessionToken));
        using var response = await second.InvokeJsonAsync("DescribeBudgets", new JsonObject { ["AccountId"] = SandboxIdentities.SecondAccount }, CancellationToken.None);
        Assert.Equal("shared-services-monthly", response.RootElement.GetProperty("Budgets")[0].GetProperty("BudgetName").GetString());

        fixture.Server.Faults.FailNext("budgets", "DescribeBudgets", SandboxFault.AccessDenied("budgets"));
        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => Call("DescribeBudgets", new JsonObject { ["AccountId"] = SandboxIdentities.DefaultAccount }));
        Assert.Equal(SandboxFault.AccessDenied("budgets").Code, error.ErrorCode);
    }

    private Task<JsonDocument> Call(string operation, JsonObject body) => _budgets.InvokeJsonAsync(operation, body, CancellationToken.None);
}
