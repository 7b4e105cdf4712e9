using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>
/// One metric of one resource as a deterministic function of time: the value published at a time depends only on the
/// resource id, the metric and that time (a daily cycle, a per-resource level, hashed noise), so the same query always
/// gets the same answer. Null where nothing is published (a throttled function runs no invocations).
/// </summary>
internal sealed class MetricSeries
{
    private const double SecondsPerDay = 86_400;
    private readonly MetricResource _resource;
    private readonly string _metric;
    private readonly ulong _seed;
    private readonly ulong _invocationSeed;

    public MetricSeries(MetricResource resource, string metric)
    {
        _resource = resource;
        _metric = metric;
        _seed = Seed(resource.Id, metric);
        _invocationSeed = Seed(resource.Id, "Invocations");
    }

    /// <summary>The value published for the interval starting at <paramref name="time"/>.</summary>
    public double? At(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        var profile = time >= _resource.ProfileSince ? _resource.Profile : MetricProfile.Normal;
        var noise = Unit(_seed, seconds);
        return _metric switch
        {
            "CPUUtilization" when profile == MetricProfile.PeggedCpu => Round(93 + (5 * noise)),
            "CPUUtilization" => Round(Math.Clamp(8 + (30 * Level(_seed)) + (8 * Daily(_seed, seconds)) + (6 * noise), 0, 100)),
            "NetworkIn" or "NetworkOut" => Math.Round((2e6 + (4e7 * Level(_seed))) * (1 + (0.4 * Daily(_seed, seconds))) * (0.8 + (0.4 * noise))),
            "StatusCheckFailed" => 0,
            "Throttles" => profile == MetricProfile.Throttled ? Invocations(seconds) : 0,
            _ when profile == MetricProfile.Throttled => null,
            "Invocations" => Invocations(seconds),
            "Errors" when profile == MetricProfile.ErrorProne => Math.Round(Invocations(seconds) * (0.3 + (0.15 * noise))),
            "Errors" => noise < 0.05 ? 1 : 0,
            "Duration" when profile == MetricProfile.Slow => Round(700 + (150 * noise)),
            "Duration" => Round(20 + (300 * Level(_seed)) + (30 * noise)),
            _ => null,
        };
    }

    // Invocations drive the other Lambda metrics, so Errors never exceed them.
    private double Invocations(long seconds) =>
        Math.Max(1, Math.Round((3 + (40 * Level(_invocationSeed))) * (1 + (0.5 * Daily(_invocationSeed, seconds))) * (0.7 + (0.6 * Unit(_invocationSeed, seconds)))));

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>A resource's own level of a metric, in [0, 1).</summary>
    private static double Level(ulong seed) => Unit(seed, -1);

    /// <summary>The daily cycle, in [-1, 1], with a per-resource phase.</summary>
    private static double Daily(ulong seed, long seconds) =>
        Math.Sin((2 * Math.PI * (seconds % SecondsPerDay) / SecondsPerDay) + (2 * Math.PI * Level(seed)));

    private static ulong Seed(string id, string metric) =>
        BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(id + "/" + metric)));

    /// <summary>Hashed noise in [0, 1): SplitMix64 of the seed and the time.</summary>
    private static double Unit(ulong seed, long salt)
    {
        var x = seed ^ unchecked((ulong)salt * 0x9E3779B97F4A7C15UL);
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
