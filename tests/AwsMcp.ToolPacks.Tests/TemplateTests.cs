using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AwsMcp.Host.Plugins.Install;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.ToolPacks.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AwsMcp.ToolPacks.Tests;

/// <summary>`dotnet new awsmcp-toolpack` from the packed template: the new project builds, its tests pass against the sandbox, and it packs as an installable tool pack.</summary>
[Collection(DotnetChildProcesses.Name)]
public sealed class TemplateTests(ITestOutputHelper output) : IDisposable
{
    private const string ProjectName = "Contoso.Tags";

    private readonly ScratchFolder _work = new("awsmcp-template-tests");

    [Fact(Timeout = 600_000)]
    [Trait("Category", "ToolPackEndToEnd")]
    public async Task The_template_makes_a_tool_pack_that_builds_passes_its_sandbox_tests_and_installs()
    {
        var clock = Stopwatch.StartNew();
        var feed = await LocalFeed.GetAsync();
        var defaultVersion = TemplateDefaultVersion();
        Assert.True(defaultVersion == feed.Version, $"the template's default awsmcpVersion ({defaultVersion}) must be the packed version ({feed.Version}): update {TemplateJson}");

        // Template installs are per user: keep this one in a home of its own.
        var templateHome = new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = _work.Combine("home") };
        await DotnetCli.RunAsync(_work.Path, templateHome, "new", "install", Path.Combine(feed.Path, $"AwsMcp.Templates.{feed.Version}.nupkg"));
        await DotnetCli.RunAsync(_work.Path, templateHome, "new", "awsmcp-toolpack", "-n", ProjectName, "--feed", feed.Path);
        var project = _work.Combine(ProjectName);

        await DotnetCli.RunAsync(project, feed.RestoreEnvironment, "test", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        await DotnetCli.RunAsync(project, feed.RestoreEnvironment, "pack", $"src/{ProjectName}", "-c", "Release", "-o", "out", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        output.WriteLine($"created, tested and packed in {clock.Elapsed.TotalSeconds:F1}s");

        var package = Directory.EnumerateFiles(Path.Combine(project, "out"), "*.nupkg").Single();
        using (var archive = ZipFile.OpenRead(package))
        {
            Assert.Contains(archive.Entries, e => e.FullName == $"plugin/{ProjectName}/{ProjectName}.dll");
            Assert.DoesNotContain(archive.Entries, e => e.Name == "AwsMcp.Abstractions.dll");
        }

        var receipt = new ToolPackInstaller(_work.Combine("plugins"), new TrustedPackages([])).Install(package, "tests");
        Assert.Equal((ProjectName, ProjectName, "0.1.0"), (receipt.Plugin, receipt.Id, receipt.Version));
    }

    private static string TemplateJson => Path.Combine(LocalFeed.RepoRoot, "templates", "AwsMcp.Templates", "content", "AwsMcp.ToolPack", ".template.config", "template.json");

    private static string? TemplateDefaultVersion()
    {
        using var template = JsonDocument.Parse(File.ReadAllText(TemplateJson));
        return template.RootElement.GetProperty("symbols").GetProperty("awsmcpVersion").GetProperty("defaultValue").GetString();
    }

    public void Dispose() => _work.Dispose();
}
