namespace AwsMcp.Generators.Parsing;

/// <summary>
/// The arguments <c>[AwsTarget]</c> adds to a tool: names, one short shared wording (every client puts it in a
/// model's context for every tool), and the patterns both the schema and the binder enforce.
/// </summary>
internal static class TargetArguments
{
    public const string Region = "region";
    public const string Account = "account";

    // A fan-out tool's lists, and the words that mean every target (as the host expands them).
    public const string Regions = "regions";
    public const string Accounts = "accounts";
    public const string AllRegions = "all";
    public const string AllAccounts = "*";

    // Left to the server's instructions, which say it once for every tool (and what the default is; the lists' ["all"]
    // and ["*"] too).
    public const string RegionDescription = "";
    public const string AccountDescription = "A configured account; default: the server's.";
    public const string RegionsDescription = "";
    public const string AccountsDescription = "";

    public const string RegionPattern = "^[a-z]{2}(-[a-z]+){1,3}-[0-9]{1,2}$";
    public const string AccountPattern = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";
}
