using System.CommandLine;
using AwsMcp.Host.Cli.Doctor;

namespace AwsMcp.Host.Cli;

/// <summary><c>awsmcp doctor</c>: checks configuration, plugins, AWS access, the audit folder and exposure, and says how to fix what is wrong.</summary>
public static class DoctorCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("doctor", $"Check configuration, plugins, AWS credentials and region, the audit folder and exposure; exits {ExitCodes.ProblemsFound} when something is wrong.")
        {
            common.Sandbox, common.Plugins,
        };
        command.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(
            parseResult,
            common,
            async (services, output, ct) =>
            {
                var findings = await DoctorChecks.RunAsync(services, ct);
                foreach (var finding in findings)
                {
                    var status = finding.Status switch { DoctorStatus.Ok => "ok  ", DoctorStatus.Warn => "warn", _ => "FAIL" };
                    output.WriteLine($"{status}  {finding.Area}: {finding.Found}");
                    if (finding.Fix is { } fix)
                    {
                        output.WriteLine($"      fix: {fix}");
                    }
                }

                var failed = findings.Count(f => f.Status == DoctorStatus.Fail);
                output.WriteLine(failed == 0 ? "No problems found." : $"{failed} problem(s) found.");
                return failed == 0 ? ExitCodes.Success : ExitCodes.ProblemsFound;
            },
            cancellationToken));
        return command;
    }
}
