namespace AwsMcp.Generators.Model;

/// <summary>The tool's declared AWS target (<c>[AwsTarget]</c>): which target arguments the generator adds.</summary>
/// <param name="Region">Adds the <c>region</c> argument (<c>regions</c> when the tool fans out).</param>
/// <param name="Account">Adds the <c>account</c> argument (<c>accounts</c> when the tool fans out).</param>
/// <param name="Locator">The method that finds the real region, if declared (then there is no <c>region</c> argument).</param>
/// <param name="FanOut">One call may ask several targets (<c>FanOut = true</c>); the lists replace the single arguments, which stay accepted.</param>
/// <param name="PageItems">For a fan-out tool: the JSON name of its result's list of items, which the host merges.</param>
internal sealed record TargetSpec(bool Region, bool Account, LocatorSpec? Locator, bool FanOut = false, string? PageItems = null)
{
    public static readonly TargetSpec None = new(false, false, null);
}
