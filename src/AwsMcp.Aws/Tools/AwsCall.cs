using Amazon.Runtime;
using AwsMcp.Abstractions;

namespace AwsMcp.Aws.Tools;

/// <summary>
/// Runs one AWS request for a tool: records it in the call's audit record (with the AWS request id) and turns AWS
/// faults into <see cref="ToolException"/>s with plain messages. Retries already happened inside the client
/// (standard retry mode for SDK clients, backoff in <c>AwsProtocolClient</c>); cancellation by the caller propagates.
/// </summary>
public static class AwsCall
{
    /// <summary>Calls an AWS SDK client operation.</summary>
    public static Task<TResponse> SdkAsync<TResponse>(
        ToolContext ctx, AwsCallTarget target, Func<CancellationToken, Task<TResponse>> call)
        where TResponse : AmazonWebServiceResponse =>
        RunAsync(ctx, target, call, response => response.ResponseMetadata?.RequestId);

    /// <summary>Calls an <c>AwsProtocolClient</c> operation (its responses carry no request id on success).</summary>
    public static Task<TResult> ProtocolAsync<TResult>(
        ToolContext ctx, AwsCallTarget target, Func<CancellationToken, Task<TResult>> call) =>
        RunAsync(ctx, target, call, _ => null);

    private static async Task<TResult> RunAsync<TResult>(
        ToolContext ctx, AwsCallTarget target, Func<CancellationToken, Task<TResult>> call, Func<TResult, string?> requestId)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(call);
        var cancellationToken = ctx.CancellationToken;
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            ctx.Audit.AwsRequest(target.Service, target.Operation, requestId(result));
            return result;
        }
        catch (AmazonServiceException error)
        {
            ctx.Audit.AwsRequest(target.Service, target.Operation, error.RequestId);
            throw new ToolException(AwsErrorMessages.Describe(error, target), error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout, not the caller's cancellation.
            ctx.Audit.AwsRequest(target.Service, target.Operation, requestId: null);
            throw new ToolException(AwsErrorMessages.TimedOut(target), error);
        }
        catch (Exception error) when (error is HttpRequestException or AmazonClientException)
        {
            ctx.Audit.AwsRequest(target.Service, target.Operation, requestId: null);
            throw new ToolException(AwsErrorMessages.Unreachable(target, error), error);
        }
    }
}
