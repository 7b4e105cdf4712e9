using System.Collections.Concurrent;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// All EC2 state: per (account, region), created with its seed on first use; AMIs per region. Shared with the
/// CloudWatch emulator, which publishes metrics for the instances it holds.
/// </summary>
internal sealed class Ec2Estate(SandboxContext context)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Ec2Image>> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string Region), Lazy<Ec2RegionState>> _regions = new();

    public static Ec2Estate For(SandboxContext context) => context.Shared(static c => new Ec2Estate(c));

    public Ec2RegionState Region(string account, string region) =>
        _regions.GetOrAdd((account, region), key => new Lazy<Ec2RegionState>(() =>
        {
            var state = new Ec2RegionState(key.Account, key.Region);
            Ec2SeedInstances.Populate(state, Images(key.Region), context.SeedTime);
            return state;
        })).Value;

    /// <summary>The AMIs <paramref name="account"/> can see in <paramref name="region"/>: public ones and its own.</summary>
    public IEnumerable<Ec2Image> ImagesVisibleTo(string account, string region) =>
        Images(region).Where(image => image.IsPublic || image.OwnerId == account);

    private IReadOnlyList<Ec2Image> Images(string region) =>
        _images.GetOrAdd(region, r => Ec2SeedImages.For(r, context.SeedTime));
}
