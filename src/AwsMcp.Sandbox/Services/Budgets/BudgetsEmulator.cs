using System.Globalization;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsJson;

namespace AwsMcp.Sandbox.Services.Budgets;

/// <summary>
/// AWS Budgets (awsJson1_1, target prefix <c>AWSBudgetServiceGateway</c>; global, signed for us-east-1):
/// DescribeBudgets and DescribeBudget over <see cref="BudgetsSeed"/>. <c>AccountId</c> must be the caller's account.
/// </summary>
public sealed class BudgetsEmulator : JsonServiceEmulator
{
    private readonly SandboxContext _context;

    public BudgetsEmulator(SandboxContext context)
        : base("budgets", "AWSBudgetServiceGateway", "InvalidParameterException")
    {
        _context = context;
        Register("DescribeBudgets", DescribeBudgets);
        Register("DescribeBudget", DescribeBudget);
    }

    private JsonNode DescribeBudgets(SandboxRequest request, JsonInput input)
    {
        var account = CallerAccount(request, input);
        var budgets = BudgetsSeed.Budgets.Where(budget => budget.Account == account).ToList();
        var page = OffsetPaging.Take(
            budgets,
            input.OptionalString("NextToken"),
            input.OptionalInt("MaxResults", 1, 100) ?? 100,
            $"budgets|{account}",
            () => new SandboxServiceException(400, "InvalidNextTokenException", "The NextToken is invalid."));
        return new JsonObject
        {
            ["Budgets"] = new JsonArray([.. page.Items.Select(budget => (JsonNode)ToJson(budget))]),
            ["NextToken"] = page.NextToken,
        }.WithoutNulls();
    }

    private JsonNode DescribeBudget(SandboxRequest request, JsonInput input)
    {
        var account = CallerAccount(request, input);
        var name = input.RequiredString("BudgetName");
        var budget = BudgetsSeed.Budgets.FirstOrDefault(b => b.Account == account && b.Name == name)
            ?? throw new SandboxServiceException(400, "NotFoundException", $"Unable to get budget: {name} - the budget doesn't exist.");
        return new JsonObject { ["Budget"] = ToJson(budget) };
    }

    private static string CallerAccount(SandboxRequest request, JsonInput input)
    {
        var account = input.RequiredString("AccountId");
        if (account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            throw input.Invalid($"1 validation error detected: Value '{account}' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: \\d{{12}}");
        }

        return account == request.Principal.Account
            ? account
            : throw new SandboxServiceException(400, "AccessDeniedException", $"User: {request.Principal.Arn} is not authorized to perform: budgets:ViewBudget on resource: arn:aws:budgets::{account}:budget/*");
    }

    /// <summary>A <c>Budget</c>; its <c>TimePeriod</c> is the current period of its time unit, timestamps in epoch seconds as awsJson sends them.</summary>
    private JsonObject ToJson(SeededBudget budget)
    {
        var now = _context.Time.GetUtcNow().UtcDateTime;
        var start = budget.TimeUnit == "ANNUALLY" ? new DateTime(now.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return new JsonObject
        {
            ["BudgetName"] = budget.Name,
            ["BudgetLimit"] = Spend(budget.Limit, budget.Unit),
            ["CostFilters"] = new JsonObject(),
            ["CostTypes"] = new JsonObject
            {
                ["IncludeTax"] = true,
                ["IncludeSubscription"] = true,
                ["UseBlended"] = false,
                ["IncludeRefund"] = false,
                ["IncludeCredit"] = false,
                ["IncludeUpfront"] = true,
                ["IncludeRecurring"] = true,
                ["IncludeOtherSubscription"] = true,
                ["IncludeSupport"] = true,
                ["IncludeDiscount"] = true,
                ["UseAmortized"] = false,
            },
            ["TimeUnit"] = budget.TimeUnit,
            ["TimePeriod"] = new JsonObject
            {
                ["Start"] = new DateTimeOffset(start).ToUnixTimeSeconds(),
                ["End"] = 3706473600L,
            },
            ["CalculatedSpend"] = new JsonObject
            {
                ["ActualSpend"] = Spend(budget.Actual, budget.Unit),
                ["ForecastedSpend"] = Spend(budget.Forecast, budget.Unit),
            },
            ["BudgetType"] = budget.BudgetType,
            ["LastUpdatedTime"] = _context.SeedTime.AddDays(-10).ToUnixTimeSeconds(),
        };
    }

    private static JsonObject Spend(decimal amount, string unit) =>
        new() { ["Amount"] = amount.ToString("0.0#", CultureInfo.InvariantCulture), ["Unit"] = unit };
}
