using System.CommandLine;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp audit verify &lt;path&gt;</c>: checks the chain of an audit file or folder, under its key.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "An audit folder (AwsMcp:Audit:Path) or one of its .jsonl files." };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = "A file holding the chain key (base64). Default: AwsMcp:Audit:ChainKey from the environment or appsettings.json. " +
                "Not taken on the command line, where other users could read it.",
        };
        var keyId = new Option<string?>("--key-id") { Description = "The key's id as the records name it. Default: AwsMcp:Audit:ChainKeyId, else 'default'." };
        var verify = new Command("verify", "Check that no audit record was edited, removed or reordered; exits 3 at the first broken line.") { path, keyFile, keyId };
        verify.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var configured = Configured();
            var key = parseResult.GetValue(keyFile) is { } file ? ReadKey(file, error) : configured.ChainKeyBytes();
            if (key is null && (parseResult.GetValue(keyFile) is not null || !string.IsNullOrEmpty(configured.ChainKey)))
            {
                error.WriteLine("The chain key is not base64 of at least 32 bytes.");
                return ExitCodes.InvalidConfiguration;
            }

            var id = parseResult.GetValue(keyId) ?? configured.ChainKeyId;
            AuditVerification result;
            try
            {
                result = AuditChainVerifier.Verify(Path.GetFullPath(parseResult.GetValue(path)!), key, id);
            }
            catch (FileNotFoundException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidConfiguration;
            }

            foreach (var torn in result.TornLines)
            {
                error.WriteLine($"warning: {torn}");
            }

            if (result.OpenIntents.Count > 0)
            {
                error.WriteLine($"warning: {result.OpenIntents.Count} call(s) started and have no outcome (their process stopped while they ran): " +
                    string.Join(", ", result.OpenIntents));
            }

            if (!result.Intact)
            {
                error.WriteLine($"BROKEN after {result.Records} intact record(s): {result.Problem}");
                return ExitCodes.AuditBroken;
            }

            output.WriteLine(key is null
                ? $"OK: {result.Records} record(s) in {result.Files} file(s), chain intact, but unkeyed (SHA-256): whoever can edit the files " +
                    "could have recomputed it. Set AwsMcp:Audit:ChainKey on the server to make it an HMAC chain."
                : $"OK: {result.Records} record(s) in {result.Files} file(s), chain intact under key '{id}'.");
            return ExitCodes.Success;
        });
        return new Command("audit", "Work with the audit log.") { verify };
    }

    /// <summary><c>AwsMcp:Audit</c> as the server would read it here (appsettings.json next to the binary, then the environment).</summary>
    private static AuditOptions Configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
    }

    private static byte[]? ReadKey(string file, TextWriter error)
    {
        try
        {
            return new AuditOptions { ChainKey = File.ReadAllText(file).Trim() }.ChainKeyBytes() is { Length: >= 32 } bytes ? bytes : null;
        }
        catch (IOException ex)
        {
            error.WriteLine(ex.Message);
            return null;
        }
    }
}
