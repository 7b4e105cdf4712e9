using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Bench.Load;

/// <summary>
/// <c>AwsMcp.Bench serve-bare &lt;tools.json&gt;</c>: the bare MCP SDK reference server (<see cref="ReferenceServers"/>)
/// as a process of its own, listing the tools in the file (our <c>tools/list</c>), until it is killed; for the
/// figures that are about a whole process (start-up, resident memory).
/// </summary>
internal static class BareServerProcess
{
    public static async Task<int> RunAsync(string toolsFile)
    {
        var listed = JsonSerializer.Deserialize<List<Tool>>(await File.ReadAllTextAsync(toolsFile), McpJsonUtilities.DefaultOptions) ?? [];
        await using var app = await ReferenceServers.StartBareSdkAsync(listed);
        Console.WriteLine($"Now listening on: {ReferenceServers.Address(app).ToString().TrimEnd('/')}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
