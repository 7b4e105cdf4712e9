using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.FirstHour;

/// <summary>
/// What a new user does in the first hour, on the built product: serve the sandbox, call it from a terminal, mistype,
/// ask the doctor, talk plain JSON. Real processes, the four product packs.
/// </summary>
public sealed class FirstHourTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder()
        .WithProductPack("AwsMcp.Billing").WithProductPack("AwsMcp.Compute").WithProductPack("AwsMcp.Iam").WithProductPack("AwsMcp.Storage");

    [Fact(Timeout = 240_000)]
    public async Task Serve_sandbox_then_call_it_from_a_terminal()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        var url = new Uri(host.BaseAddress, "/mcp").ToString();

        var whoami = await RunAsync("call", "whoami", "--url", url, "--output", "json");
        var tools = await RunAsync("tools", "list", "--url", url);
        var typo = await RunAsync("call", "list_ec2_instance", "--url", url);

        Assert.Equal(ExitCodes.Success, whoami.Exit);
        Assert.Equal("arn:aws:iam::123456789012:user/sandbox-operator", JsonDocument.Parse(whoami.Output).RootElement.GetProperty("arn").GetString());
        Assert.Equal(ExitCodes.Success, tools.Exit);
        Assert.Equal(33, JsonDocument.Parse(tools.Output).RootElement.GetArrayLength());
        Assert.Equal(ExitCodes.ToolError, typo.Exit);
        Assert.Contains("Did you mean 'list_ec2_instances'?", typo.Error, StringComparison.Ordinal);

        // The banner said where and what next, and who the server is in AWS.
        await WaitForAsync(() => host.Output.Any(line => line.Contains("AWS identity:", StringComparison.Ordinal)));
        Assert.Contains(host.Output, line => line.Contains($"MCP:   {url}", StringComparison.Ordinal));
        Assert.Contains(host.Output, line => line.Contains("33 served, 8 hidden because they change AWS", StringComparison.Ordinal));
        Assert.Contains(host.Output, line => line.Contains("awsmcp call whoami --url", StringComparison.Ordinal));
        Assert.Contains(host.Output, line => line.Contains("AWS identity: arn:aws:iam::123456789012:user/sandbox-operator", StringComparison.Ordinal));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_json_only_client_gets_json_and_a_browser_style_get_gets_a_hint()
    {
        await using var host = await HostProcess.StartHttpAsync(_plugins, "--sandbox");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var initialize = await PostJsonOnlyAsync(http, "/", """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}""");
        using var ping = await PostJsonOnlyAsync(http, "/mcp", """{"jsonrpc":"2.0","id":"p","method":"ping"}""");
        using var get = await http.GetAsync("/mcp");

        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        Assert.Equal("application/json", initialize.Content.Headers.ContentType?.MediaType);
        using var initialized = JsonDocument.Parse(await initialize.Content.ReadAsStringAsync());
        Assert.Equal("2025-11-25", initialized.RootElement.GetProperty("result").GetProperty("protocolVersion").GetString());
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("p", JsonDocument.Parse(await ping.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Contains("This is an MCP endpoint", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Call_and_tools_list_run_against_the_sandbox_in_one_command()
    {
        var call = await CliProcess.RunAsync(AwsVariables.Cleared(), "call", "list_ec2_instances", "--sandbox", "--plugins", _plugins.Path, "--args", """{"limit":2}""", "--output", "table");
        var misspelt = await CliProcess.RunAsync(AwsVariables.Cleared(), "call", "list_ec2_instances", "--sandbox", "--plugins", _plugins.Path, "--args", """{"limt":2}""");

        Assert.Equal(ExitCodes.Success, call.Exit);
        var lines = call.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("INSTANCE_ID", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Count(line => line.StartsWith("i-", StringComparison.Ordinal)));
        Assert.DoesNotContain("AwsMcp.Audit", call.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_plugins.AuditPath), "a sandbox call wrote to the operator's audit folder");
        Assert.Equal(ExitCodes.ToolError, misspelt.Exit);
        Assert.Contains("limt: unknown property (did you mean 'limit'?)", misspelt.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Doctor_passes_on_the_sandbox_and_says_what_to_set_without_aws()
    {
        var healthy = await CliProcess.RunAsync(AwsVariables.Cleared(), "doctor", "--sandbox", "--plugins", _plugins.Path);
        var home = Directory.CreateTempSubdirectory("awsmcp-doctor-home-");
        try
        {
            var bare = AwsVariables.Cleared();
            bare["HOME"] = home.FullName;
            bare["AWS_CONFIG_FILE"] = Path.Combine(home.FullName, "none");
            bare["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home.FullName, "none");
            var broken = await CliProcess.RunAsync(bare, "doctor", "--plugins", _plugins.Path);

            Assert.Equal(ExitCodes.Success, healthy.Exit);
            Assert.Contains("ok    credentials: sts:GetCallerIdentity says arn:aws:iam::123456789012:user/sandbox-operator", healthy.Output, StringComparison.Ordinal);
            Assert.Contains("No problems found.", healthy.Output, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.ProblemsFound, broken.Exit);
            Assert.Contains("FAIL  region: none configured", broken.Output, StringComparison.Ordinal);
            Assert.Contains("AWSMCP__Aws__Region", broken.Output, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task The_sandbox_alone_serves_a_server_started_with_the_environment_it_prints()
    {
        using var sandbox = CliProcess.Start(new Dictionary<string, string?>(), "sandbox", "--port", "0");
        try
        {
            // The printed exports, as an operator would paste them.
            var environment = AwsVariables.Cleared();
            environment["AWSMCP__Audit__Path"] = _plugins.AuditPath;
            string? line;
            while ((line = await sandbox.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null && !line.Contains("awsmcp serve", StringComparison.Ordinal))
            {
                if (line.Trim().StartsWith("export ", StringComparison.Ordinal) && line.Trim()["export ".Length..].Split('=', 2) is [var name, var value])
                {
                    environment[name] = value;
                }
            }

            var whoami = await CliProcess.RunAsync(environment, "call", "whoami", "--plugins", _plugins.Path, "--output", "json");

            Assert.StartsWith("http://127.0.0.1:", environment["AWS_ENDPOINT_URL"], StringComparison.Ordinal);
            Assert.Equal(ExitCodes.Success, whoami.Exit);
            Assert.Equal("arn:aws:iam::123456789012:user/sandbox-operator", JsonDocument.Parse(whoami.Output).RootElement.GetProperty("arn").GetString());
        }
        finally
        {
            sandbox.Kill(entireProcessTree: true);
            await sandbox.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_mistyped_command_exits_2_with_a_suggestion_and_no_full_help()
    {
        var (exit, output, error) = await RunAsync("tols", "list");

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Contains("Did you mean 'tools'?", error, StringComparison.Ordinal);
        Assert.Contains("Run 'awsmcp --help' for usage.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_that_ignore_plugins_do_not_offer_it()
    {
        var keys = await RunAsync("keys", "generate", "--plugins", "x");

        Assert.Equal(ExitCodes.InvalidConfiguration, keys.Exit);
        Assert.Contains("--plugins", keys.Error, StringComparison.Ordinal);
    }


    private static async Task<HttpResponseMessage> PostJsonOnlyAsync(HttpClient http, string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await http.SendAsync(request);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApplication.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => _plugins.Dispose();
}
