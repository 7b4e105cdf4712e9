namespace AwsMcp.Sandbox.Services.CloudWatch;

/// <summary>How a seeded resource's series behave, so that a model looking at the estate has something to find.</summary>
internal enum MetricProfile
{
    /// <summary>Daily-cycle load with noise.</summary>
    Normal,

    /// <summary>An instance whose CPU sits at 93–98 % (from <see cref="MetricResource.ProfileSince"/>).</summary>
    PeggedCpu,

    /// <summary>A function where about a third of the invocations fail.</summary>
    ErrorProne,

    /// <summary>A function whose invocations take 700–850 ms.</summary>
    Slow,

    /// <summary>A function with reserved concurrency 0: every invocation is throttled, none runs.</summary>
    Throttled,
}
