namespace AwsMcp.Generators.Model;

/// <summary>The tool's declared AWS target (<c>[AwsTarget]</c>): which target arguments the generator adds.</summary>
/// <param name="Region">Adds the <c>region</c> argument.</param>
/// <param name="Account">Adds the <c>account</c> argument.</param>
/// <param name="Locator">The method that finds the real region, if declared (then there is no <c>region</c> argument).</param>
internal sealed record TargetSpec(bool Region, bool Account, LocatorSpec? Locator)
{
    public static readonly TargetSpec None = new(false, false, null);
}
