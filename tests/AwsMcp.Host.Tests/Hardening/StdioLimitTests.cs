using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Hardening;

/// <summary>
/// The real process over stdio: a bare initialize is answered, and a line far over the message limit is answered
/// with an error carrying its id and is never held in memory, and the session goes on.
/// </summary>
public sealed class StdioLimitTests : IDisposable
{
    private const int HugeLineBytes = 64 * 1024 * 1024;

    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    [Fact(Timeout = 180_000)]
    public async Task A_huge_line_is_refused_with_its_id_without_being_buffered_and_the_session_goes_on()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { TestBuild.HostAssembly, "serve", "--transport", "stdio", "--plugins", _plugins.Path },
            Environment =
            {
                ["AWSMCP__Plugins__ShadowCopyPath"] = _plugins.ShadowPath,
                ["AWSMCP__Audit__Path"] = _plugins.AuditPath,
            },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            var stdin = process.StandardInput.BaseStream;
            // The prototype's bare handshake is answered with the newest version the server has.
            await SendAsync(stdin, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""");
            Assert.Equal("2025-11-25", (await ReadAsync(process)).GetProperty("result").GetProperty("protocolVersion").GetString());
            await SendAsync(stdin, """{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            var before = Memory(process, "VmRSS");

            // 64 MiB of one call's arguments, written in pieces as a client streaming it would.
            await stdin.WriteAsync(""""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":""""u8.ToArray());
            var filler = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var written = 0; written < HugeLineBytes; written += filler.Length)
            {
                await stdin.WriteAsync(filler);
            }

            await SendAsync(stdin, "\"}}}");
            var refused = await ReadAsync(process);
            Assert.Equal(7, refused.GetProperty("id").GetInt32());
            Assert.Equal(-32600, refused.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Contains("MaxMessageBytes", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);

            await SendAsync(stdin, """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"text":"after"}}}""");
            var after = await ReadAsync(process);
            Assert.Equal(8, after.GetProperty("id").GetInt32());
            Assert.Equal("after", after.GetProperty("result").GetProperty("structuredContent").GetProperty("echo").GetString());

            // The result's JSON text reaches the client without the SDK's HTML-safe escapes (\u0022 for every quote).
            Assert.DoesNotContain("\\u0022", _lastLine, StringComparison.Ordinal);
            Assert.Contains("\\\"echo\\\"", _lastLine, StringComparison.Ordinal);

            // The peak grew by far less than the line: it was dropped as it came, not buffered (as text it would be 128 MiB).
            var peakGrowth = Memory(process, "VmHWM") - before;
            Assert.True(peakGrowth < 32L * 1024 * 1024, $"peak memory grew by {peakGrowth / 1024 / 1024} MiB for a {HugeLineBytes / 1024 / 1024} MiB line");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose() => _plugins.Dispose();

    private static async Task SendAsync(Stream stdin, string line)
    {
        await stdin.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        await stdin.FlushAsync();
    }

    private string _lastLine = string.Empty;

    private async Task<JsonElement> ReadAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the server closed stdout");
            _lastLine = line;
            using var message = JsonDocument.Parse(line);
            if (message.RootElement.TryGetProperty("id", out _))
            {
                return message.RootElement.Clone();
            }
        }
    }

    /// <summary>A figure from /proc/PID/status, in bytes.</summary>
    private static long Memory(Process process, string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
