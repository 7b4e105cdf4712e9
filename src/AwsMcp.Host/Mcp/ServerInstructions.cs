namespace AwsMcp.Host.Mcp;

/// <summary>The <c>instructions</c> every client receives at initialisation: how to use these tools well.</summary>
public static class ServerInstructions
{
    public const string Text =
        """
        AwsMcp gives read access (and, when an operator enables it, write access) to AWS accounts through tools.
        - Pick a tool by its description; its annotations say whether it is read-only, destructive or idempotent.
        - Region and account: most tools accept `region` (e.g. eu-west-1) and `account` (a configured account name).
          Without them the server's default region and its own account are used; say which you used in your answer.
          List tools with `regions` and `accounts` ask many at once: a list, or ["all"] (every region) and ["*"] (every
          configured account); each item names its region and account, and `targets` says what each target answered.
        - Paging: list tools return a bounded page. When a result contains `next_token`, call the tool again with it
          to get the next page; narrow with filters or `limit` instead of paging through everything.
        - Large results are refused with a message naming the arguments that narrow them; do not retry unchanged.
        - Writes are off by default: tools that change resources are hidden unless the operator enabled writes.
          Destructive tools ask for confirmation: the first call returns a plan and a confirmation token, and only a
          second call with that token makes the change. Show the plan to the user before confirming.
        - Errors come back as tool results with isError=true and say which argument to fix; an unexpected error gives
          a correlation id for the operator.
        """;
}
