using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Budgets;

/// <summary>
/// The seeded budgets. Account 123456789012 (in name order): <c>annual-total</c> (healthy), <c>data-lake-monthly</c>
/// (forecast over: forecast 915.80 &gt; limit 800 &gt; actual 512.40), <c>dev-sandbox-monthly</c> (healthy),
/// <c>ec2-usage-hours</c> (USAGE budget in Hrs, healthy), <c>team-platform-monthly</c> (over budget: actual 1384.17 &gt;
/// limit 1200). Account 210987654321: <c>shared-services-monthly</c>.
/// </summary>
public static class BudgetsSeed
{
    public static IReadOnlyList<SeededBudget> Budgets { get; } =
    [
        new(SandboxIdentities.DefaultAccount, "annual-total", "COST", "ANNUALLY", 20000m, "USD", 16122.08m, 18950.00m),
        new(SandboxIdentities.DefaultAccount, "data-lake-monthly", "COST", "MONTHLY", 800m, "USD", 512.40m, 915.80m),
        new(SandboxIdentities.DefaultAccount, "dev-sandbox-monthly", "COST", "MONTHLY", 300m, "USD", 84.25m, 161.90m),
        new(SandboxIdentities.DefaultAccount, "ec2-usage-hours", "USAGE", "MONTHLY", 5000m, "Hrs", 2140m, 4350m),
        new(SandboxIdentities.DefaultAccount, "team-platform-monthly", "COST", "MONTHLY", 1200m, "USD", 1384.17m, 2210.55m),
        new(SandboxIdentities.SecondAccount, "shared-services-monthly", "COST", "MONTHLY", 200m, "USD", 61.30m, 118.90m),
    ];
}
