using System.CommandLine;
using System.Globalization;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Cli;

/// <summary>
/// <c>awsmcp audit verify &lt;path&gt; [--replica ID]</c>: checks every chain of an audit folder (however many replicas
/// share it), a set synced down from S3, or one file, under its key; one line per chain, exit code 3 if any is broken.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path")
        {
            Description = "An audit folder (AwsMcp:Audit:Path), a folder synced from the audit bucket (aws s3 sync s3://BUCKET/awsmcp-audit/ DIR), " +
                "or one .jsonl file.",
        };
        var keyFile = new Option<string?>("--key-file")
        {
            Description = "A file holding the chain key (base64). Default: AwsMcp:Audit:ChainKey from the environment or appsettings.json. " +
                "Not taken on the command line, where other users could read it.",
        };
        var keyId = new Option<string?>("--key-id") { Description = "The key's id as the records name it. Default: AwsMcp:Audit:ChainKeyId, else 'default'." };
        var replica = new Option<string?>("--replica")
        {
            Description = "Check only this replica's chains (AwsMcp:Audit:ReplicaId), or one chain by its name (<replica>.<start>, e.g. the chains " +
                "before a key rotation, with their own key). Default: every chain found.",
        };
        var verify = new Command(
            "verify", "Check that no audit record was edited, removed, moved or reordered, in every replica's chain; exits 3 if any chain is broken.")
        {
            path, keyFile, keyId, replica,
        };
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
            var folder = Path.GetFullPath(parseResult.GetValue(path)!);
            var only = parseResult.GetValue(replica);
            AuditVerification result;
            try
            {
                result = AuditChainVerifier.Verify(folder, key, id, only);
            }
            catch (FileNotFoundException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidConfiguration;
            }

            if (only is not null && result.Chains.Count == 0)
            {
                var found = AuditSegment.ListAll(folder).Select(s => s.Replica).OfType<string>().Distinct().ToList();
                error.WriteLine($"No chain of replica '{only}' in '{folder}'" + (found.Count == 0 ? "." : $"; it holds: {string.Join(", ", found)}."));
                return ExitCodes.InvalidConfiguration;
            }

            return Report(result, key is null ? null : id, output, error);
        });
        return new Command("audit", "Work with the audit log.") { verify };
    }

    /// <summary>One line per chain (stdout when intact, stderr at its first broken position), warnings, then the verdict.</summary>
    private static int Report(AuditVerification result, string? keyId, TextWriter output, TextWriter error)
    {
        foreach (var chain in result.Chains)
        {
            var name = chain.Replica is null ? $"chain {chain.Chain}" : $"replica {chain.Replica} (chain {chain.Chain})";
            var span = chain.First is { } first ? $", {Time(first)} to {Time(chain.Last!.Value)}" : string.Empty;
            if (chain.Intact)
            {
                output.WriteLine($"{name}: OK, {chain.Records} record(s) in {chain.Files} file(s){span}");
            }
            else
            {
                error.WriteLine($"{name}: BROKEN after {chain.Records} intact record(s){span}: {chain.Problem}");
            }

            foreach (var torn in chain.TornLines)
            {
                error.WriteLine($"warning: {torn}");
            }

            if (chain.OpenIntents.Count > 0)
            {
                error.WriteLine($"warning: {name}: {chain.OpenIntents.Count} call(s) started and have no outcome (their process stopped while they ran): " +
                    string.Join(", ", chain.OpenIntents));
            }
        }

        var broken = result.Chains.Where(c => !c.Intact).ToList();
        if (broken.Count > 0)
        {
            error.WriteLine($"BROKEN: {broken.Count} of {result.Chains.Count} chain(s): " + string.Join(", ", broken.Select(c => c.Replica ?? c.Chain)));
            return ExitCodes.AuditBroken;
        }

        var summary = $"{result.Chains.Count} chain(s) of {result.Chains.Select(c => c.Replica ?? c.Chain).Distinct().Count()} replica(s), " +
            $"{result.Records} record(s) in {result.Files} file(s)";
        output.WriteLine(keyId is null
            ? $"OK: {summary}, intact, but unkeyed (SHA-256): whoever can edit the files could have recomputed them. " +
                "Set AwsMcp:Audit:ChainKey on the server to make them HMAC chains."
            : $"OK: {summary}, intact under key '{keyId}'.");
        return ExitCodes.Success;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

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
