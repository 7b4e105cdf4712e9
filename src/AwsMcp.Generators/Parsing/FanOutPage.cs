namespace AwsMcp.Generators.Parsing;

/// <summary>
/// What a fan-out tool's merged page adds to the tool's own page (the host writes it, the output schema declares it):
/// each item's target, the report per target, and the <c>has_more</c> a page carries besides its items and token.
/// </summary>
internal static class FanOutPage
{
    public const string HasMore = "has_more";
    public const string Targets = "targets";
    public const string ItemRegion = "region";
    public const string ItemAccount = "account";
}
