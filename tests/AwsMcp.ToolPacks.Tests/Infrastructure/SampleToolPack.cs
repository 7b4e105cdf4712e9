namespace AwsMcp.ToolPacks.Tests.Infrastructure;

/// <summary>samples/TagCompliance packed the way an ops team would: restored, built and packed from the local feed alone.</summary>
internal static class SampleToolPack
{
    public const string Name = "TagCompliance";

    public static async Task<string> PackAsync(string outputFolder)
    {
        var feed = await LocalFeed.GetAsync();
        await DotnetCli.RunAsync(
            Path.Combine(LocalFeed.RepoRoot, "samples", Name),
            feed.RestoreEnvironment,
            "pack", "-c", "Release", "-o", outputFolder, $"-p:AwsMcpVersion={feed.Version}", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        return Directory.EnumerateFiles(outputFolder, $"{Name}.*.nupkg").Single();
    }
}
