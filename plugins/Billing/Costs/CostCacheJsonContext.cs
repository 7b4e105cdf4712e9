using System.Text.Json.Serialization;

namespace AwsMcp.Billing.Costs;

/// <summary>The shapes <see cref="CostExplorerCache"/> stores, serialised without reflection.</summary>
[JsonSerializable(typeof(CostCacheEntry<IReadOnlyList<CostPeriodResult>>))]
[JsonSerializable(typeof(CostCacheEntry<CostForecastResult>))]
internal sealed partial class CostCacheJsonContext : JsonSerializerContext;
