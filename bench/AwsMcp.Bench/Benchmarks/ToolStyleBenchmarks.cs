using System.Reflection;
using AwsMcp.Bench.Infrastructure;
using AwsMcp.Bench.Tools;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.Tools;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AwsMcp.Bench.Benchmarks;

/// <summary>
/// The same tool (<see cref="BenchEchoTools"/>) built the MCP SDK's way (<c>[McpServerTool]</c>, reflection and
/// AIFunction binding at startup) and our way (a descriptor the generator wrote at build time), side by side:
/// creating the tool as a server does at startup, and one call through each server in process. Our call includes
/// the whole pipeline (audit, policy, schema validation, output guard); the SDK's has none of it.
/// </summary>
[MemoryDiagnoser]
public class ToolStyleBenchmarks
{
    private static readonly MethodInfo EchoMethod = typeof(BenchEchoTools).GetMethod(nameof(BenchEchoTools.EchoAsync))!;

    private PluginFolder _emptyPlugins = null!;
    private RunningServer _sdkServer = null!;
    private RunningServer _ourServer = null!;
    private McpClient _sdkClient = null!;
    private McpClient _ourClient = null!;
    private DescriptorToolFactory _tools = null!;

    [GlobalSetup]
    public async Task StartServersAsync()
    {
        // Created here, not in a field initializer: BenchmarkDotNet also makes instances it never sets up or cleans.
        _emptyPlugins = new PluginFolder();
        _sdkServer = await RunningServer.StartSdkReflectionAsync(BenchTransport.InProcess);
        _ourServer = await RunningServer.StartAwsMcpAsync(_emptyPlugins.ServeSettings(), BenchTransport.InProcess);
        _ourServer.Services.GetRequiredService<ToolRegistry>().Replace([], GeneratedBenchTools.CreateServed());
        _tools = _ourServer.Services.GetRequiredService<DescriptorToolFactory>();
        _sdkClient = await _sdkServer.ConnectAsync();
        _ourClient = await _ourServer.ConnectAsync();
        await EchoCalls.CallAsync(_sdkClient);
        await EchoCalls.CallAsync(_ourClient);
    }

    [GlobalCleanup]
    public async Task StopServersAsync()
    {
        await _sdkClient.DisposeAsync();
        await _ourClient.DisposeAsync();
        await _sdkServer.DisposeAsync();
        await _ourServer.DisposeAsync();
        _emptyPlugins.Dispose();
    }

    [Benchmark(Description = "create tool: SDK reflection (McpServerTool.Create)")]
    [BenchmarkCategory("startup")]
    public Tool CreateBySdkReflection() => McpServerTool.Create(EchoMethod).ProtocolTool;

    [Benchmark(Description = "create tool: generated descriptor (validate + DescriptorTool)")]
    [BenchmarkCategory("startup")]
    public void CreateFromGeneratedDescriptor()
    {
        var served = GeneratedBenchTools.CreateServed();
        // Kept alive so that the creation cannot be optimised away.
        GC.KeepAlive(_tools.Create(served[0], confirmDestructive: true).ProtocolTool);
    }

    [Benchmark(Description = "call: SDK reflection tool, no pipeline (in process)")]
    [BenchmarkCategory("call")]
    public Task CallSdkReflectionTool() => EchoCalls.CallAsync(_sdkClient);

    [Benchmark(Description = "call: generated descriptor, full pipeline (in process)")]
    [BenchmarkCategory("call")]
    public Task CallGeneratedTool() => EchoCalls.CallAsync(_ourClient);
}
