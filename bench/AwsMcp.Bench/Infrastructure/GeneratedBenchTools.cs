using System.Reflection;
using AwsMcp.Abstractions;
using AwsMcp.Bench.Tools;
using AwsMcp.Host.Plugins;
using AwsMcp.Host.Tools;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Bench.Infrastructure;

/// <summary>
/// This assembly's own generated tool pack (<see cref="BenchEchoTools"/> through the AwsMcp generator), validated the
/// way the host validates a plugin's descriptors, without a plugin folder or load context.
/// </summary>
internal static class GeneratedBenchTools
{
    public const string PluginName = "Bench";

    public static IReadOnlyList<ToolDescriptor> CreateDescriptors()
    {
        var registration = typeof(BenchEchoTools).Assembly.GetCustomAttribute<ToolPackAttribute>()!.RegistrationType;
        var pack = (IToolPack)Activator.CreateInstance(registration)!;
        return pack.CreateTools(new ToolPackContext(PluginName, new Dictionary<string, string?>(), NullLoggerFactory.Instance));
    }

    public static IReadOnlyList<ServedTool> CreateServed() =>
        DescriptorValidator.Validate(PluginName, CreateDescriptors(), new PluginCalls());
}
