namespace AwsMcp.Billing.Costs;

/// <summary>A Cost Explorer answer and whether it came from <see cref="CostExplorerCache"/> (and how old it is).</summary>
public sealed record CachedAnswer<T>(T Value, bool FromCache, TimeSpan Age)
{
    /// <summary>The age as tools report it, in whole seconds.</summary>
    public int AgeSeconds => (int)Age.TotalSeconds;
}
