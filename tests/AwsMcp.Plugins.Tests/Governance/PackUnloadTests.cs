using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Amazon.Runtime;
using AwsMcp.Aws.Clients;
using AwsMcp.Host.Plugins;
using AwsMcp.Plugins.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AwsMcp.Plugins.Tests.Governance;

/// <summary>
/// A real AWS pack loaded while the server runs (its folder watched) unloads completely after it made AWS calls: its
/// shared services (AWS clients, their connection pools, cached credentials) are disposed with it and nothing keeps its
/// load context alive, although the AWS SDK and AwsMcp.Aws it ran on are the host's (<see cref="SharedDependencies"/>).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class PackUnloadTests(SandboxHostFixture fixture)
{
    [Theory]
    [InlineData("AwsMcp.Iam", "whoami")]
    [InlineData("AwsMcp.Storage", "list_s3_buckets")]
    [InlineData("AwsMcp.Compute", "list_ec2_instances")]
    public async Task A_pack_that_called_aws_is_collected_after_it_is_removed(string pack, string tool)
    {
        var (host, plugins) = await fixture.StartOwnHostAsync("unload-" + pack, new Dictionary<string, string?>
        {
            ["AwsMcp:Plugins:Watch"] = "true",
            // The test refreshes the folder itself; a watcher refresh in the middle of the folder's deletion would
            // load a half-deleted folder first and add an unload.
            ["AwsMcp:Plugins:ReloadDelayMilliseconds"] = "60000",
        });
        await using (host)
        using (plugins)
        {
            // The version loaded at start stays loaded for good; a version loaded later is the collectible one.
            var catalog = host.Services.GetRequiredService<PluginCatalog>();
            await File.WriteAllTextAsync(Path.Combine(plugins.Path, pack, "version.txt"), "2");
            await catalog.RefreshAsync(pack, CancellationToken.None);
            AssertTheSdkIsTheHosts(catalog, pack);

            await using (var client = await host.ConnectAsync("2025-06-18"))
            {
                await client.CallJsonAsync(tool);
                await client.CallJsonAsync(tool, new { account = SandboxHostFixture.SharedAccount });
            }

            // Held across the unload: had the pack's services (created by its AWS calls) not been disposed and
            // released, this context would keep plugin objects, and so the load context, alive.
            var context = catalog.Loaded.Single(p => p.Name == pack).Context;
            Directory.Delete(Path.Combine(plugins.Path, pack), recursive: true);
            await catalog.RefreshAsync(pack, CancellationToken.None);

            Assert.Equal(2, catalog.Unloads.Count);
            var unload = catalog.Unloads.Last();
            Assert.Equal(pack, unload.Name);
            Assert.True(await unload.Collected.WaitAsync(TimeSpan.FromSeconds(60)), $"the load context of {pack} is still alive after it was removed");
            Assert.Throws<ObjectDisposedException>(() => context.GetOrCreate(_ => new object()));
        }
    }

    // The pack's context is collectible and holds its own code, not the AWS SDK or AwsMcp.Aws: those load once, from the
    // host. Not inlined, so that nothing of the pack stays referenced from the test's frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AssertTheSdkIsTheHosts(PluginCatalog catalog, string pack)
    {
        var shadow = catalog.Loaded.Single(p => p.Name == pack).ShadowFolder;
        var context = Assert.Single(AssemblyLoadContext.All, c => c.Assemblies.Any(a => a.Location.StartsWith(shadow, StringComparison.Ordinal)));
        Assert.True(context.IsCollectible);
        var names = context.Assemblies.Select(a => a.GetName().Name!).ToList();
        Assert.Contains(pack, names);
        Assert.DoesNotContain(names, name => name.StartsWith("AWSSDK.", StringComparison.Ordinal) || name == "AwsMcp.Aws");
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(AWSCredentials).Assembly));
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(typeof(AwsClientFactory).Assembly));
    }
}
