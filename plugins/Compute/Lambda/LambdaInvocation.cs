namespace AwsMcp.Compute.Lambda;

/// <summary>The outcome of invoke_lambda_function.</summary>
/// <param name="FunctionName">The function invoked.</param>
/// <param name="Mode">sync (waited for the result), async (queued) or dry_run (only checked).</param>
/// <param name="StatusCode">HTTP status of the invocation: 200 sync, 202 queued, 204 dry run.</param>
/// <param name="FunctionError">Unhandled or Handled when the function failed (its error is in the payload).</param>
/// <param name="ExecutedVersion">The version that ran.</param>
/// <param name="Payload">What the function returned (sync only), capped and with credential-shaped values redacted.</param>
/// <param name="PayloadBytes">The full size of the returned payload.</param>
/// <param name="PayloadTruncated">True when the payload was cut to fit.</param>
/// <param name="LogTail">The end of the invocation's log (sync only), with credential-shaped values redacted.</param>
/// <param name="Message">What happened, in a sentence.</param>
public sealed record LambdaInvocation(
    string FunctionName,
    string Mode,
    int StatusCode,
    string? FunctionError,
    string? ExecutedVersion,
    string? Payload,
    int PayloadBytes,
    bool PayloadTruncated,
    string? LogTail,
    string Message);
