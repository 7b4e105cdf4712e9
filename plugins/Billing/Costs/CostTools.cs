using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Billing.Shared;

namespace AwsMcp.Billing.Costs;

/// <summary>Cost Explorer tools: cost history, breakdown by service, forecast and period comparison.</summary>
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
            AwsClientFactory.For(context), new CostExplorerCache(BillingSettings.CostExplorerCacheLifetime(context), _time));

    /// <summary>
    /// Shows the AWS bill of the last months, month by month, including the current month so far (flagged as
    /// estimated). Use when asked what AWS costs, how the bill developed, or for a quick spend overview. Credits and
    /// refunds are left out unless asked for, so the figures show what resources cost.
    /// </summary>
    /// <param name="months">How many months, counting the current one.</param>
    /// <param name="metric">The cost metric.</param>
    /// <param name="includeCreditsAndRefunds">Net credits and refunds into the figures.</param>
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
    /// Breaks AWS cost down by service over a date range: the top services, the rest summed as "Other", optionally per
    /// day or month and limited to one linked account, region or tag value. Use when asked which services cost the
    /// most, or what a team, environment or account spends. Defaults to the current month so far.
    /// </summary>
    /// <param name="startDate">First day, YYYY-MM-DD; defaults to the first of the current month.</param>
    /// <param name="endDate">Last day included, YYYY-MM-DD; defaults to today.</param>
    /// <param name="granularity">One total per service, or per month or day (daily for at most 93 days).</param>
    /// <param name="top">How many services to list before summing the rest as Other.</param>
    /// <param name="metric">The cost metric.</param>
    /// <param name="linkedAccount">Only this linked (member) account, a 12-digit id.</param>
    /// <param name="usageRegion">Only costs incurred in this AWS region, e.g. eu-west-1.</param>
    /// <param name="tagKey">Only costs with this cost-allocation tag (with tag_value), e.g. Environment.</param>
    /// <param name="tagValue">The tag value to keep, e.g. prod.</param>
    /// <param name="includeCreditsAndRefunds">Net credits and refunds into the figures.</param>
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
    /// Forecasts AWS cost from today to the end of the month (or a given date) with a prediction interval, and for the
    /// current month also the cost so far and the projected month total. Use when asked what this month or the coming
    /// months will cost, or whether spend is on track.
    /// </summary>
    /// <param name="endDate">Last day to forecast, YYYY-MM-DD (at most 18 months ahead); defaults to the last day of the current month.</param>
    /// <param name="daily">Forecast per day (at most 3 months ahead) instead of per month.</param>
    /// <param name="predictionIntervalLevel">Confidence of the prediction interval, in percent.</param>
    /// <param name="metric">The cost metric.</param>
    /// <param name="includeCreditsAndRefunds">Net credits and refunds into the figures.</param>
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
    /// Compares AWS cost of two periods side by side and lists the services that moved most, by amount and by
    /// percentage. Use when asked why the bill changed, what grew or shrank, or month-over-month differences.
    /// Defaults to the last full month against the month before it; a base period left out is the one just before
    /// the compared period.
    /// </summary>
    /// <param name="compareStart">First day of the period to explain, YYYY-MM-DD; defaults to the first of last month.</param>
    /// <param name="compareEnd">Last day of the period to explain, YYYY-MM-DD; defaults to the last day of last month.</param>
    /// <param name="baseStart">First day of the reference period, YYYY-MM-DD.</param>
    /// <param name="baseEnd">Last day of the reference period, YYYY-MM-DD.</param>
    /// <param name="top">How many movers to list in each ranking.</param>
    /// <param name="metric">The cost metric.</param>
    /// <param name="linkedAccount">Only this linked (member) account, a 12-digit id.</param>
    /// <param name="usageRegion">Only costs incurred in this AWS region, e.g. eu-west-1.</param>
    /// <param name="includeCreditsAndRefunds">Net credits and refunds into the figures.</param>
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

        var baseAnswer = await _costExplorer.GetCostAndUsageAsync(ctx, reference.Start, reference.EndExclusive, "MONTHLY", metric, scope, "SERVICE");
        var compareAnswer = await _costExplorer.GetCostAndUsageAsync(ctx, compared.Start, compared.EndExclusive, "MONTHLY", metric, scope, "SERVICE");
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
