using System.Globalization;
using AwsMcp.Abstractions;

namespace AwsMcp.Billing.Shared;

/// <summary>The Billing plugin's own settings (<c>AwsMcp:Plugins:Settings:Billing:*</c>, seen as <c>Plugin:*</c>).</summary>
public static class BillingSettings
{
    public const string CostExplorerCacheSecondsKey = "Plugin:CostExplorerCacheSeconds";

    /// <summary>Five minutes: long enough for a conversation's repeated questions, short next to CE's own refresh (about daily).</summary>
    public const int DefaultCostExplorerCacheSeconds = 300;

    /// <summary>How long Cost Explorer answers are reused; zero turns the cache off.</summary>
    public static TimeSpan CostExplorerCacheLifetime(ToolPackContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.GetSetting(CostExplorerCacheSecondsKey);
        if (text is null)
        {
            return TimeSpan.FromSeconds(DefaultCostExplorerCacheSeconds);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new ToolException($"Invalid setting {CostExplorerCacheSecondsKey} '{text}': expected whole seconds from 0 to 86400.");
    }
}
