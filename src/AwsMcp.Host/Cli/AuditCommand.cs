using System.CommandLine;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp audit verify &lt;path&gt;</c>: checks the hash chain of an audit file or folder.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "An audit folder (AwsMcp:Audit:Path) or one of its .jsonl files." };
        var verify = new Command("verify", "Check that no audit record was edited, removed or reordered; exits 3 at the first broken line.") { path };
        verify.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            AuditVerification result;
            try
            {
                result = AuditChainVerifier.Verify(Path.GetFullPath(parseResult.GetValue(path)!));
            }
            catch (FileNotFoundException ex)
            {
                error.WriteLine(ex.Message);
                return ExitCodes.InvalidConfiguration;
            }

            if (!result.Intact)
            {
                error.WriteLine($"BROKEN after {result.Records} intact record(s): {result.Problem}");
                return ExitCodes.AuditBroken;
            }

            output.WriteLine($"OK: {result.Records} record(s) in {result.Files} file(s), chain intact.");
            return ExitCodes.Success;
        });
        return new Command("audit", "Work with the audit log.") { verify };
    }
}
