namespace AwsMcp.Sandbox.Services.Lambda;

/// <summary>The canned, deterministic response of a seeded function.</summary>
public enum InvokeBehavior
{
    /// <summary>Returns <c>{"statusCode":200,"body":"ok"}</c>.</summary>
    Ok,

    /// <summary>Returns the request payload unchanged.</summary>
    Echo,

    /// <summary>Fails with <c>X-Amz-Function-Error: Unhandled</c> and an <c>errorMessage</c> payload.</summary>
    Fail,

    /// <summary>Takes <see cref="LambdaSeed.SlowInvocation"/> before answering, so timeouts and cancellation can be exercised.</summary>
    Slow,
}
