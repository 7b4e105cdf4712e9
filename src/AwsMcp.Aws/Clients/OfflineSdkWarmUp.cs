using System.Reflection;
using System.Runtime.CompilerServices;
using Amazon.EC2;
using Amazon.EC2.Model.Internal.MarshallTransformations;
using Amazon.S3.Endpoints;
using Amazon.S3.Internal;

namespace AwsMcp.Aws.Clients;

/// <summary>
/// Compiles the largest pieces of AWS SDK code a first EC2 or S3 call meets, without building a client or sending
/// anything: S3's endpoint rules (one method of about 100 KB of machine code) and EC2's instance-type constants (a
/// static constructor of the same size, about 900 values) run; the next largest methods (<see cref="Largest"/>, 7–25
/// KB each) are compiled without running. Compiling them was most of what a cold first S3 or EC2 call spent beyond
/// what the STS warm-up had already paid. Sending whole requests through both clients to a canned answer
/// instead (the earlier warm-up) made those first calls 20–30 ms faster still, but kept 4–5 MiB more in every idle
/// server: the two clients' types, marshallers and unmarshallers stay loaded for good. Once per load of this assembly
/// (<see cref="OnceAsync"/>): the compiled code serves every pack that shares it.
/// </summary>
internal static class OfflineSdkWarmUp
{
    /// <summary>The next largest methods of a first S3 or EC2 call, by the JIT's log: compiled, not run.</summary>
    internal static readonly (Type Type, string Method)[] Largest =
    [
        (typeof(AmazonS3EndpointResolver), "MapEndpointsParameters"),
        (typeof(InstanceUnmarshaller), nameof(InstanceUnmarshaller.Unmarshall)),
    ];

    private static Task? _once;

    /// <summary>Starts <paramref name="run"/> the first time, and returns that same run to every later caller.</summary>
    public static Task OnceAsync(Action run) => LazyInitializer.EnsureInitialized(ref _once, () => Task.Run(run));

    /// <summary>
    /// Resolves the S3 endpoint for <paramref name="region"/> (or the <paramref name="endpoint"/> override) through the
    /// SDK's rules as an S3 client configured alike would, returns it, and runs EC2's instance-type constants.
    /// </summary>
    public static Uri Run(string region, Uri? endpoint, bool forcePathStyle)
    {
        RuntimeHelpers.RunClassConstructor(typeof(InstanceType).TypeHandle);
        foreach (var method in Largest.SelectMany(largest => Methods(largest.Type, largest.Method)))
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }

        var parameters = new S3EndpointParameters
        {
            Region = region,
            Endpoint = endpoint?.ToString(),
            ForcePathStyle = forcePathStyle,
            UseFIPS = false,
            UseDualStack = false,
            Accelerate = false,
            UseGlobalEndpoint = false,
            UseArnRegion = true,
            DisableMultiRegionAccessPoints = false,
        };
        return new Uri(new AmazonS3EndpointProvider().ResolveEndpoint(parameters).URL);
    }

    /// <summary>The non-generic methods named <paramref name="name"/> declared by <paramref name="type"/>.</summary>
    internal static IEnumerable<MethodInfo> Methods(Type type, string name) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(method => method.Name == name && !method.ContainsGenericParameters && !method.IsAbstract);
}
