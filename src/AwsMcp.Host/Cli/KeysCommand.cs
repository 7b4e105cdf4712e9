using System.CommandLine;
using AwsMcp.Host.Security.Authentication;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp keys generate</c> and <c>awsmcp keys hash</c>: API keys for <c>AwsMcp:Security:ApiKeys</c>, which holds
/// only their SHA-256. The key is read from standard input, never from the command line (shell history, ps).
/// </summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var generate = new Command("generate", "Print a new random API key and the hash to configure for it.");
        generate.SetAction(parseResult =>
        {
            var key = ApiKeyHash.NewKey();
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine($"key:  {key}");
            output.WriteLine($"hash: {ApiKeyHash.Compute(key)}");
            output.WriteLine("Give the key to the caller once; configure only the hash (AwsMcp:Security:ApiKeys:<n>:Hash).");
            return ExitCodes.Success;
        });

        var hash = new Command("hash", "Read an API key from standard input and print the hash to configure for it.");
        hash.SetAction(parseResult =>
        {
            var key = Console.In.ReadLine()?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                parseResult.InvocationConfiguration.Error.WriteLine("Pipe the key on standard input, e.g. `printf %s \"$KEY\" | awsmcp keys hash`.");
                return ExitCodes.InvalidConfiguration;
            }

            parseResult.InvocationConfiguration.Output.WriteLine(ApiKeyHash.Compute(key));
            return ExitCodes.Success;
        });

        return new Command("keys", "Make API keys for HTTP callers.") { generate, hash };
    }
}
