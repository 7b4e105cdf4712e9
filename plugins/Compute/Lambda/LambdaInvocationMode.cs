namespace AwsMcp.Compute.Lambda;

/// <summary>How invoke_lambda_function calls the function.</summary>
public enum LambdaInvocationMode
{
    /// <summary>Wait for the result (RequestResponse).</summary>
    Sync,

    /// <summary>Queue the event and return at once (Event).</summary>
    Async,

    /// <summary>Only check that the caller may invoke the function (DryRun).</summary>
    DryRun,
}
