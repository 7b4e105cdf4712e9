using System.ComponentModel;
using System.Numerics;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>Helpers generated <see cref="BoundToolCall"/>s use to report their resources and counts. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BoundArguments
{
    /// <summary>Adds a resource named by a scalar argument, when given.</summary>
    public static void Add(List<string> resources, string? resource)
    {
        if (!string.IsNullOrEmpty(resource))
        {
            resources.Add(resource);
        }
    }

    /// <summary>Adds every resource named by a collection argument, when given.</summary>
    public static void AddAll(List<string> resources, IEnumerable<string?>? items)
    {
        foreach (string? item in items ?? [])
        {
            Add(resources, item);
        }
    }

    /// <summary>A declared count as a non-negative <see cref="int"/> (saturating, so a huge count still exceeds any cap).</summary>
    public static int Count<T>(T? value)
        where T : struct, IBinaryInteger<T> =>
        value is { } count ? int.CreateSaturating(T.Max(count, T.Zero)) : 0;
}
