using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>The real <c>awsmcp serve</c> process on a free loopback port.</summary>
internal sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the process wrote, stdout and stderr.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>The SDK's stdio transport to <c>awsmcp serve --transport stdio</c> on <paramref name="plugins"/>, with the folder's shadow and audit paths.</summary>
    public static StdioClientTransport Stdio(PluginFolder plugins, Action<string>? standardErrorLines = null) => new(new StdioClientTransportOptions
    {
        Command = "dotnet",
        Arguments = [TestBuild.HostAssembly, "serve", "--transport", "stdio", "--plugins", plugins.Path],
        EnvironmentVariables = new Dictionary<string, string?>
        {
            ["AWSMCP__Plugins__ShadowCopyPath"] = plugins.ShadowPath,
            ["AWSMCP__Audit__Path"] = plugins.AuditPath,
        },
        StandardErrorLines = standardErrorLines,
    });

    public static Task<HostProcess> StartHttpAsync(PluginFolder plugins, params string[] extraArgs) =>
        StartHttpAsync(plugins, new Dictionary<string, string?>(), extraArgs);

    /// <param name="environment">Variables to set; a null value removes one the test process has (e.g. AWS credentials another test set).</param>
    public static async Task<HostProcess> StartHttpAsync(PluginFolder plugins, IReadOnlyDictionary<string, string?> environment, params string[] extraArgs)
    {
        // The folder's own shadow and audit paths, unless the test says otherwise.
        var variables = new Dictionary<string, string?>
        {
            ["AWSMCP__Plugins__ShadowCopyPath"] = plugins.ShadowPath,
            ["AWSMCP__Audit__Path"] = plugins.AuditPath,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return await StartAsync(variables, ["serve", "--urls", "http://127.0.0.1:0", "--plugins", plugins.Path, .. extraArgs]);
    }

    /// <summary>
    /// <c>awsmcp serve</c> configured by <paramref name="environment"/> alone, as a container runs it (listen URL and
    /// folders included; a wildcard listen address is reached over 127.0.0.1).
    /// </summary>
    public static Task<HostProcess> StartConfiguredAsync(IReadOnlyDictionary<string, string?> environment) => StartAsync(environment, ["serve"]);

    private static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string?> variables, string[] args)
    {
        var host = new HostProcess(CliProcess.Start(variables, args));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            host._output.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri($"http://127.0.0.1:{match.Groups[1].Value}"));
            }
        };
        host._process.OutputDataReceived += collect;
        host._process.ErrorDataReceived += collect;
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            host.BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            Assert.Fail($"awsmcp did not start listening:{Environment.NewLine}{string.Join(Environment.NewLine, host.Output)}");
        }

        return host;
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no flushing, like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://(?:127\.0\.0\.1|0\.0\.0\.0):(\d+)")]
    private static partial Regex ListeningOn();
}
