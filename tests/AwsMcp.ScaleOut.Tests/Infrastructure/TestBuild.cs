using System.Reflection;

namespace AwsMcp.ScaleOut.Tests.Infrastructure;

/// <summary>Where the build put the host the replicas run (recorded at build time).</summary>
internal static class TestBuild
{
    public static string HostAssembly => Path.GetFullPath(typeof(TestBuild).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostAssembly").Value!);
}
