using AwsMcp.Abstractions;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Host.Callers;
using AwsMcp.Host.ToolCalls;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AwsMcp.Bench.Benchmarks;

/// <summary>
/// What one <c>tools/call</c> of a tool that does no AWS work (the Echo test plugin) costs through the full pipeline
/// (audit, policy, schema validation, output guard, execution): on its own, behind the MCP SDK over the in-memory
/// TestServer, and over loopback HTTP; and the pipeline once more without the audit file, whose fsync per record is
/// its largest cost.
/// </summary>
[MemoryDiagnoser]
public class ToolCallOverheadBenchmarks
{
    private PluginFolder _plugins = null!;
    private RunningServer _inProcess = null!;
    private RunningServer _loopback = null!;
    private RunningServer _withoutAuditFile = null!;
    private McpClient _inProcessClient = null!;
    private McpClient _loopbackClient = null!;
    private (ToolCallPipeline Pipeline, ToolCallFactory Calls) _pipeline;
    private (ToolCallPipeline Pipeline, ToolCallFactory Calls) _pipelineWithoutAuditFile;
    private CallerIdentity _caller = null!;

    [GlobalSetup]
    public async Task StartServersAsync()
    {
        // Created here, not in a field initializer: BenchmarkDotNet also makes instances it never sets up or cleans.
        _plugins = new PluginFolder().WithEcho();
        _inProcess = await RunningServer.StartAwsMcpAsync(_plugins.ServeSettings(), BenchTransport.InProcess);
        _loopback = await RunningServer.StartAwsMcpAsync(_plugins.ServeSettings(), BenchTransport.Loopback);
        var withoutAuditFile = _plugins.ServeSettings();
        withoutAuditFile["AwsMcp:Audit:Enabled"] = "false";
        _withoutAuditFile = await RunningServer.StartAwsMcpAsync(withoutAuditFile, BenchTransport.InProcess);
        _inProcessClient = await _inProcess.ConnectAsync();
        _loopbackClient = await _loopback.ConnectAsync();
        _pipeline = (_inProcess.Services.GetRequiredService<ToolCallPipeline>(), _inProcess.Services.GetRequiredService<ToolCallFactory>());
        _pipelineWithoutAuditFile = (_withoutAuditFile.Services.GetRequiredService<ToolCallPipeline>(), _withoutAuditFile.Services.GetRequiredService<ToolCallFactory>());
        _caller = _inProcess.Services.GetRequiredService<ICallerIdentityResolver>().Resolve(null);
        await EchoCalls.CallAsync(_inProcessClient);
        await EchoCalls.CallAsync(_loopbackClient);
    }

    [GlobalCleanup]
    public async Task StopServersAsync()
    {
        await _inProcessClient.DisposeAsync();
        await _loopbackClient.DisposeAsync();
        await _inProcess.DisposeAsync();
        await _loopback.DisposeAsync();
        await _withoutAuditFile.DisposeAsync();
        _plugins.Dispose();
    }

    [Benchmark(Baseline = true, Description = "pipeline only (no MCP, no HTTP)")]
    public Task PipelineOnly() => InvokeEchoAsync(_pipeline);

    [Benchmark(Description = "pipeline only, audit file off (AwsMcp:Audit:Enabled=false)")]
    public Task PipelineOnlyWithoutAuditFile() => InvokeEchoAsync(_pipelineWithoutAuditFile);

    [Benchmark(Description = "tools/call in process (McpClient over TestServer)")]
    public Task InProcess() => EchoCalls.CallAsync(_inProcessClient);

    [Benchmark(Description = "tools/call over loopback HTTP (Kestrel on 127.0.0.1)")]
    public Task LoopbackHttp() => EchoCalls.CallAsync(_loopbackClient);

    private async Task InvokeEchoAsync((ToolCallPipeline Pipeline, ToolCallFactory Calls) server)
    {
        using var call = server.Calls.Create(EchoArguments.Tool, EchoArguments.Utf8, _caller, ToolCallChannel.Mcp, CancellationToken.None);
        var result = await server.Pipeline.InvokeAsync(call);
        if (result.IsError)
        {
            throw new InvalidOperationException("echo failed in the pipeline");
        }
    }
}
