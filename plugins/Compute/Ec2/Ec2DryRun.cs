using Amazon.Runtime;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>
/// EC2's dry run: with DryRun=true AWS checks permissions and parameters and answers with the error
/// <c>DryRunOperation</c> when the request would have succeeded; any other error is the real reason it would fail.
/// </summary>
internal static class Ec2DryRun
{
    public const string WouldSucceed = "DryRunOperation";

    /// <summary>Runs a dry-run request; returns when AWS says it would succeed and throws its reason otherwise.</summary>
    public static async Task CheckAsync<TResponse>(ToolContext ctx, AwsCallTarget target, Func<CancellationToken, Task<TResponse>> call)
        where TResponse : AmazonWebServiceResponse
    {
        try
        {
            await AwsCall.SdkAsync(ctx, target, call);
        }
        catch (ToolException error) when (error.AwsErrorCode() == WouldSucceed)
        {
            return;
        }

        // EC2 never carries out a DryRun request; an endpoint that did would have to be reported, not trusted.
        throw new ToolException($"{target.Action} answered a dry run as if it had run the request; check the state of the resources in {target.Where}.");
    }
}
