using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.CostExplorer;

/// <summary>
/// Seven months of daily costs (six full months plus the current month up to yesterday), deterministic (no randomness).
/// Per day, each of seven services is billed in three regions and two linked accounts, split 70/20/10 between the
/// <c>Environment</c> tag values <c>prod</c>, <c>staging</c> and untagged. Shape of the data:
/// <list type="bullet">
/// <item>base daily cost in us-east-1 of account 123456789012: EC2 Compute 38, RDS 22, S3 9, EC2 - Other 6, Data
/// Transfer 4, CloudWatch 3, Lambda 1.5 USD; eu-west-1 costs 45% of that, ap-southeast-2 20%; account 210987654321 30%;
/// weekends 15% cheaper for EC2 and Lambda, with a small deterministic wobble.</item>
/// <item>movers: AWS Lambda grows linearly (+50% of its base every 30 days); Amazon RDS jumps ×1.8 for the last 60 days;
/// Amazon S3 drifts down 0.1% a day.</item>
/// <item>a <c>Credit</c> of -150 USD on the 1st of every month (EC2 Compute, us-east-1, 123456789012) and one
/// <c>Refund</c> of -42.50 USD on the 15th two months ago (S3, us-east-1, 123456789012): excluding RECORD_TYPE Credit and
/// Refund raises the totals.</item>
/// <item>AmortizedCost is 8% below UnblendedCost for EC2 Compute (savings plan); NetUnblendedCost is 3% below for all
/// usage (discount); BlendedCost equals UnblendedCost; UsageQuantity is 10 units per dollar of usage.</item>
/// </list>
/// </summary>
public static class CostSeed
{
    public const string Ec2Compute = "Amazon Elastic Compute Cloud - Compute";
    public const string S3 = "Amazon Simple Storage Service";
    public const decimal MonthlyCredit = -150m;
    public const decimal Refund = -42.50m;

    public static readonly IReadOnlyList<(string Name, decimal Base)> Services =
    [
        (Ec2Compute, 38m),
        ("Amazon Relational Database Service", 22m),
        (S3, 9m),
        ("EC2 - Other", 6m),
        ("AWS Data Transfer", 4m),
        ("AmazonCloudWatch", 3m),
        ("AWS Lambda", 1.5m),
    ];

    public static readonly IReadOnlyDictionary<string, string> AccountNames = new Dictionary<string, string>
    {
        [SandboxIdentities.DefaultAccount] = "Operations (payer)",
        [SandboxIdentities.SecondAccount] = "Shared services",
    };

    private static readonly (string Region, decimal Weight)[] Regions = [("us-east-1", 1m), ("eu-west-1", 0.45m), ("ap-southeast-2", 0.2m)];
    private static readonly (string Account, decimal Weight)[] Accounts = [(SandboxIdentities.DefaultAccount, 1m), (SandboxIdentities.SecondAccount, 0.3m)];
    private static readonly (string? Environment, decimal Share)[] Environments = [("prod", 0.7m), ("staging", 0.2m), (null, 0.1m)];

    /// <summary>The first day with data.</summary>
    public static DateOnly FirstDay(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-6);

    public static IReadOnlyList<CostRecord> Build(DateOnly today)
    {
        var first = FirstDay(today);
        var records = new List<CostRecord>();
        for (var day = first; day < today; day = day.AddDays(1))
        {
            var index = day.DayNumber - first.DayNumber;
            var toEnd = today.DayNumber - day.DayNumber;
            for (var s = 0; s < Services.Count; s++)
            {
                var (service, baseCost) = Services[s];
                var daily = baseCost * Trend(service, index, toEnd) * Weekday(service, day) * (1m + (0.05m * (decimal)Math.Sin((index * 1.3) + s)));
                foreach (var (region, regionWeight) in Regions)
                {
                    foreach (var (account, accountWeight) in Accounts)
                    {
                        foreach (var (environment, share) in Environments)
                        {
                            var cost = Math.Round(daily * regionWeight * accountWeight * share, 6);
                            var amortized = service == Ec2Compute ? Math.Round(cost * 0.92m, 6) : cost;
                            records.Add(new CostRecord(day, service, region, account, "Usage", environment, cost, amortized, Math.Round(cost * 0.97m, 6), cost * 10m));
                        }
                    }
                }
            }

            if (day.Day == 1)
            {
                records.Add(Adjustment(day, Ec2Compute, "Credit", MonthlyCredit));
            }

            if (day.Day == 15 && day.Month == today.AddMonths(-2).Month && day.Year == today.AddMonths(-2).Year)
            {
                records.Add(Adjustment(day, S3, "Refund", Refund));
            }
        }

        return records;
    }

    private static CostRecord Adjustment(DateOnly day, string service, string type, decimal amount) =>
        new(day, service, "us-east-1", SandboxIdentities.DefaultAccount, type, null, amount, amount, amount, 0m);

    private static decimal Trend(string service, int index, int daysBeforeToday) =>
        service switch
        {
            "AWS Lambda" => 1m + (0.5m * index / 30m),
            "Amazon Relational Database Service" => daysBeforeToday <= 60 ? 1.8m : 1m,
            S3 => 1m - (0.001m * index),
            _ => 1m,
        };

    private static decimal Weekday(string service, DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && service is Ec2Compute or "AWS Lambda" ? 0.85m : 1m;
}
