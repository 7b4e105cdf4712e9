using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Tools;
using AwsMcp.Billing.Shared;

namespace AwsMcp.Billing.Costs;

/// <summary>Cost Explorer tools: cost history, breakdown by service, forecast and period comparison.</summary>
[Toolset("cost")]
[AwsTarget(Region = false)]
public sealed class CostTools
{
    /// <summary>Cost Explorer keeps 13 months of history plus the current month.</summary>
    private const int MaxMonths = 14;

    /// <summary>A daily breakdown longer than this does not fit a model's context usefully.</summary>
    private const int MaxDailyDays = 93;

    /// <summary>Services under this amount in both periods are left out of the percentage movers: +900% on 0.02 is noise.</summary>
    private const decimal MinPercentMoverAmount = 1m;

    private const string OtherServices = "Other";

    private readonly TimeProvider _time = TimeProvider.System;
    private readonly CostExplorerClient _costExplorer;

    public CostTools(ToolPackContext context) =>
        _costExplorer = new CostExplorerClient(
            AwsClientFactory.For(context), new CostExplorerCache(context.Cache, BillingSettings.CostExplorerCacheLifetime(context), _time));

    /// <summary>
    /// Shows the monthly AWS bill. Use for what AWS costs or how the bill developed.
    /// </summary>
    /// <param name="months">Months, counting the current one.</param>
    /// <param name="metric"></param>
    /// <param name="includeCreditsAndRefunds"></param>
    [Tool("get_estimated_cost", Title = "Monthly AWS cost", ReadOnly = true, Idempotent = true)]
    public async Task<EstimatedCostReport> GetEstimatedCostAsync(
        ToolContext ctx,
        [Narrows, Range(1, MaxMonths)] int months = 6,
        CostMetric metric = CostMetric.UnblendedCost,
        bool includeCreditsAndRefunds = false)
    {
        var today = BillingDates.Today(_time);
        var currentMonth = DateRange.Month(today);
        // Through today: the prototype ended on the month's last day, which CE's exclusive End silently dropped.
        var range = new DateRange(currentMonth.Start.AddMonths(1 - months), today);
        var scope = new CostScope(IncludeCreditsAndRefunds: includeCreditsAndRefunds);
        var answer = await _costExplorer.GetCostAndUsageAsync(ctx, range.Start, range.EndExclusive, "MONTHLY", metric, scope);
        var monthly = answer.Value
            .Select(period => new MonthlyCost(
                period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                BillingAmounts.Money(period.Total),
                period.Estimated || period.End > currentMonth.Start))
            .ToList();
        return new EstimatedCostReport(
            metric,
            UnitOf(answer.Value),
            BillingDates.ToText(range.Start),
            BillingDates.ToText(range.End),
            monthly,
            BillingAmounts.Money(answer.Value.Sum(period => period.Total)),
            includeCreditsAndRefunds,
            answer.FromCache,
            answer.AgeSeconds);
    }

    /// <summary>
    /// Cost by service (default: this month). Use for which services, accounts or tags cost most.
    /// </summary>
    /// <param name="startDate">YYYY-MM-DD; default: first of this month.</param>
    /// <param name="endDate">YYYY-MM-DD, included; default: today.</param>
    /// <param name="granularity">daily: ≤ 93 days.</param>
    /// <param name="top">Services listed before Other.</param>
    /// <param name="metric"></param>
    /// <param name="linkedAccount">Member account id.</param>
    /// <param name="usageRegion"></param>
    /// <param name="tagKey">Cost-allocation tag key.</param>
    /// <param name="tagValue"></param>
    /// <param name="includeCreditsAndRefunds"></param>
    [Tool("get_cost_by_service", Title = "AWS cost by service", ReadOnly = true, Idempotent = true)]
    public async Task<ServiceCostReport> GetCostByServiceAsync(
        ToolContext ctx,
        [Narrows] string? startDate = null,
        [Narrows] string? endDate = null,
        CostGranularity granularity = CostGranularity.Total,
        [Narrows, Range(1, 50)] int top = 10,
        CostMetric metric = CostMetric.UnblendedCost,
        [Narrows] string? linkedAccount = null,
        [Narrows] string? usageRegion = null,
        [Narrows] string? tagKey = null,
        [Narrows] string? tagValue = null,
        bool includeCreditsAndRefunds = false)
    {
        var today = BillingDates.Today(_time);
        var range = DateRange.Parse(startDate, "start_date", endDate, "end_date", new DateRange(BillingDates.FirstOfMonth(today), today));
        if (granularity == CostGranularity.Daily && range.Days > MaxDailyDays)
        {
            throw new ToolArgumentException("granularity", $"daily covers at most {MaxDailyDays} days; the range has {range.Days}. Use monthly or a shorter range.");
        }

        var scope = new CostScope(linkedAccount, usageRegion, tagKey, tagValue, includeCreditsAndRefunds).Validated();
        var answer = await _costExplorer.GetCostAndUsageAsync(
            ctx, range.Start, range.EndExclusive, granularity == CostGranularity.Daily ? "DAILY" : "MONTHLY", metric, scope, "SERVICE");
        var periods = answer.Value;
        var ranked = periods.SelectMany(period => period.Groups.Keys).Distinct(StringComparer.Ordinal)
            .Select(service => (Service: service, Amount: periods.Sum(period => period.Groups.GetValueOrDefault(service))))
            .OrderByDescending(entry => entry.Amount)
            .ThenBy(entry => entry.Service, StringComparer.Ordinal)
            .ToList();
        var total = ranked.Sum(entry => entry.Amount);
        var listed = ranked.Take(top).ToList();
        var others = ranked.Skip(top).Select(entry => entry.Service).ToHashSet(StringComparer.Ordinal);

        IReadOnlyList<PeriodAmount>? Breakdown(Func<CostPeriodResult, decimal> amountIn) =>
            granularity == CostGranularity.Total
                ? null
                : [.. periods.Select(period => new PeriodAmount(BillingDates.ToText(period.Start), BillingAmounts.Money(amountIn(period))))];

        var services = listed
            .Select(entry => new ServiceCost(
                entry.Service,
                BillingAmounts.Money(entry.Amount),
                BillingAmounts.Percent(entry.Amount, total),
                Breakdown(period => period.Groups.GetValueOrDefault(entry.Service))))
            .ToList();
        if (others.Count > 0)
        {
            var otherAmount = total - listed.Sum(entry => entry.Amount);
            services.Add(new ServiceCost(
                OtherServices,
                BillingAmounts.Money(otherAmount),
                BillingAmounts.Percent(otherAmount, total),
                Breakdown(period => period.Groups.Where(group => others.Contains(group.Key)).Sum(group => group.Value))));
        }

        return new ServiceCostReport(
            BillingDates.ToText(range.Start),
            BillingDates.ToText(range.End),
            granularity,
            metric,
            UnitOf(periods),
            BillingAmounts.Money(total),
            services,
            others.Count,
            includeCreditsAndRefunds,
            answer.FromCache,
            answer.AgeSeconds);
    }

    /// <summary>
    /// Forecasts cost to month end or end_date. Use for what coming months will cost.
    /// </summary>
    /// <param name="endDate">YYYY-MM-DD (≤ 18 months); default: month end.</param>
    /// <param name="daily">Per day (≤ 3 months) instead of per month.</param>
    /// <param name="predictionIntervalLevel">Interval confidence, percent.</param>
    /// <param name="metric"></param>
    /// <param name="includeCreditsAndRefunds"></param>
    [Tool("get_cost_forecast", Title = "AWS cost forecast", ReadOnly = true, Idempotent = true)]
    public async Task<CostForecastReport> GetCostForecastAsync(
        ToolContext ctx,
        [Narrows] string? endDate = null,
        bool daily = false,
        [Range(51, 99)] int predictionIntervalLevel = 80,
        CostMetric metric = CostMetric.UnblendedCost,
        bool includeCreditsAndRefunds = false)
    {
        var today = BillingDates.Today(_time);
        var month = DateRange.Month(today);
        var end = BillingDates.Parse(endDate, "end_date") ?? month.End;
        if (end < today)
        {
            throw new ToolArgumentException("end_date", $"a forecast ends today ({BillingDates.ToText(today)}) or later.");
        }

        var scope = new CostScope(IncludeCreditsAndRefunds: includeCreditsAndRefunds);
        var forecast = await _costExplorer.GetCostForecastAsync(
            ctx, today, end.AddDays(1), daily ? "DAILY" : "MONTHLY", metric, predictionIntervalLevel, scope);
        var answers = new List<(bool FromCache, int AgeSeconds)> { (forecast.FromCache, forecast.AgeSeconds) };

        decimal? monthToDate = null;
        if (end <= month.End)
        {
            monthToDate = 0m;
            if (today > month.Start)
            {
                var actual = await _costExplorer.GetCostAndUsageAsync(ctx, month.Start, today, "MONTHLY", metric, scope);
                monthToDate = BillingAmounts.Money(actual.Value.Sum(period => period.Total));
                answers.Add((actual.FromCache, actual.AgeSeconds));
            }
        }

        var periods = forecast.Value.Periods;
        return new CostForecastReport(
            BillingDates.ToText(today),
            BillingDates.ToText(end),
            metric,
            forecast.Value.Unit,
            predictionIntervalLevel,
            forecast.Value.Total,
            periods.Sum(period => period.Lower),
            periods.Sum(period => period.Upper),
            periods,
            monthToDate,
            end == month.End ? monthToDate + forecast.Value.Total : null,
            includeCreditsAndRefunds,
            answers.All(answer => answer.FromCache),
            answers.Max(answer => answer.AgeSeconds));
    }

    /// <summary>
    /// Compares two periods' cost by service (default: last two months). Use for why the bill changed.
    /// </summary>
    /// <param name="compareStart">YYYY-MM-DD; default: first of last month.</param>
    /// <param name="compareEnd">YYYY-MM-DD; default: end of last month.</param>
    /// <param name="baseStart">YYYY-MM-DD; default: the period before.</param>
    /// <param name="baseEnd">YYYY-MM-DD.</param>
    /// <param name="top">Movers per ranking.</param>
    /// <param name="metric"></param>
    /// <param name="linkedAccount">Member account id.</param>
    /// <param name="usageRegion"></param>
    /// <param name="includeCreditsAndRefunds"></param>
    [Tool("compare_costs", Title = "Compare AWS cost of two periods", ReadOnly = true, Idempotent = true)]
    public async Task<CostComparisonReport> CompareCostsAsync(
        ToolContext ctx,
        [Narrows] string? compareStart = null,
        [Narrows] string? compareEnd = null,
        [Narrows] string? baseStart = null,
        [Narrows] string? baseEnd = null,
        [Narrows, Range(1, 20)] int top = 5,
        CostMetric metric = CostMetric.UnblendedCost,
        [Narrows] string? linkedAccount = null,
        [Narrows] string? usageRegion = null,
        bool includeCreditsAndRefunds = false)
    {
        var compared = DateRange.Parse(
            compareStart, "compare_start", compareEnd, "compare_end", DateRange.Month(BillingDates.Today(_time).AddMonths(-1)));
        var reference = DateRange.Parse(baseStart, "base_start", baseEnd, "base_end", compared.Preceding());
        var scope = new CostScope(linkedAccount, usageRegion, IncludeCreditsAndRefunds: includeCreditsAndRefunds).Validated();

        var progress = new CallProgress(ctx);
        var baseAnswer = await _costExplorer.GetCostAndUsageAsync(ctx, reference.Start, reference.EndExclusive, "MONTHLY", metric, scope, "SERVICE", progress);
        var compareAnswer = await _costExplorer.GetCostAndUsageAsync(ctx, compared.Start, compared.EndExclusive, "MONTHLY", metric, scope, "SERVICE", progress);
        var baseByService = SumByService(baseAnswer.Value);
        var compareByService = SumByService(compareAnswer.Value);
        var movers = baseByService.Keys.Union(compareByService.Keys, StringComparer.Ordinal)
            .Select(service =>
            {
                var before = baseByService.GetValueOrDefault(service);
                var after = compareByService.GetValueOrDefault(service);
                return new CostMover(
                    service,
                    BillingAmounts.Money(before),
                    BillingAmounts.Money(after),
                    BillingAmounts.Money(after - before),
                    BillingAmounts.Percent(after - before, before));
            })
            .Where(mover => mover.Change != 0)
            .ToList();
        var baseTotal = baseByService.Values.Sum();
        var compareTotal = compareByService.Values.Sum();
        return new CostComparisonReport(
            metric,
            UnitOf([.. baseAnswer.Value, .. compareAnswer.Value]),
            new PeriodTotal(BillingDates.ToText(reference.Start), BillingDates.ToText(reference.End), BillingAmounts.Money(baseTotal)),
            new PeriodTotal(BillingDates.ToText(compared.Start), BillingDates.ToText(compared.End), BillingAmounts.Money(compareTotal)),
            BillingAmounts.Money(compareTotal - baseTotal),
            BillingAmounts.Percent(compareTotal - baseTotal, baseTotal),
            [.. movers.OrderByDescending(mover => Math.Abs(mover.Change)).ThenBy(mover => mover.Service, StringComparer.Ordinal).Take(top)],
            [.. movers
                .Where(mover => mover.ChangePercent is not null && Math.Max(Math.Abs(mover.BaseAmount), Math.Abs(mover.CompareAmount)) >= MinPercentMoverAmount)
                .OrderByDescending(mover => Math.Abs(mover.ChangePercent!.Value))
                .ThenBy(mover => mover.Service, StringComparer.Ordinal)
                .Take(top)],
            includeCreditsAndRefunds,
            baseAnswer.FromCache && compareAnswer.FromCache,
            Math.Max(baseAnswer.AgeSeconds, compareAnswer.AgeSeconds));
    }

    private static Dictionary<string, decimal> SumByService(IReadOnlyList<CostPeriodResult> periods) =>
        periods.SelectMany(period => period.Groups)
            .GroupBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(entry => entry.Value), StringComparer.Ordinal);

    // CE reports USD for cost metrics; the unit is read from the answer anyway, in case an account bills in another currency.
    private static string UnitOf(IReadOnlyList<CostPeriodResult> periods) => periods.FirstOrDefault()?.Unit ?? "USD";
}
