using System.Globalization;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// <c>awsmcp sandbox --port N</c>: the AWS emulator as a process of its own, so that every replica works on one AWS
/// estate, as replicas of a real deployment share one AWS account.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private SandboxProcess(ChildProcess process, IReadOnlyDictionary<string, string?> environment)
    {
        _process = process;
        ClientEnvironment = environment;
    }

    /// <summary>What points an AWS client (a replica) at the sandbox: the variables it printed.</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment { get; }

    public static async Task<SandboxProcess> StartAsync(string hostAssembly)
    {
        var port = FreePort.Next();
        var process = await ChildProcess.StartAsync(
            "awsmcp sandbox", "dotnet", [hostAssembly, "sandbox", "--port", port.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string?>(), line => line.Contains("Ctrl+C stops it", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["AWS_SESSION_TOKEN"] = null };
        foreach (var line in process.Output.Split(Environment.NewLine).Select(line => line.Trim()).Where(line => line.StartsWith("export ", StringComparison.Ordinal)))
        {
            var (name, value) = (line["export ".Length..].Split('=', 2)[0], line["export ".Length..].Split('=', 2)[1]);
            environment[name] = value;
        }

        return new SandboxProcess(process, environment);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
