namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>One region and account a fan-out call asks; <see cref="Account"/> null is the server's own.</summary>
public sealed record FanOutTarget(string? Region, string? Account)
{
    /// <summary>As audit records name targets: <c>region</c> or <c>region (account)</c>.</summary>
    public override string ToString() => Account is null ? Region ?? "(default region)" : $"{Region ?? "(default region)"} ({Account})";
}
