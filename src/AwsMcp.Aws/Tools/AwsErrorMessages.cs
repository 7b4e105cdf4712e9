using System.Net;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol.Errors;

namespace AwsMcp.Aws.Tools;

/// <summary>Turns AWS faults into plain sentences an operator (or a model) can act on, naming the call and its target.</summary>
public static class AwsErrorMessages
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch",
        "UnrecognizedClientException", "InvalidAccessKeyId", "AuthFailure", "MissingAuthenticationToken",
    };

    /// <summary>Describes a service error of <paramref name="call"/>.</summary>
    public static string Describe(AmazonServiceException error, AwsCallTarget call)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(call);
        var code = error.ErrorCode ?? error.StatusCode.ToString();
        var reference = error.RequestId is { Length: > 0 } id ? $" (AWS request id {id})" : string.Empty;
        var said = string.IsNullOrWhiteSpace(error.Message) ? string.Empty : $" AWS said: {error.Message}";

        if (AccessDeniedCodes.Contains(code) || (error.StatusCode == HttpStatusCode.Forbidden && !CredentialCodes.Contains(code)))
        {
            return $"Access denied: {call.Identity} may not call {call.Action} in {call.Where}.{said}{reference}";
        }

        if (AwsErrorCodes.IsThrottling(code) || error.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return $"AWS is throttling {call.Action} in {call.Where} ({code}); it was retried and is still throttled. Try again shortly or ask for less.{reference}";
        }

        if (CredentialCodes.Contains(code))
        {
            return $"AWS rejected the credentials of {call.Identity} ({code}) for {call.Action} in {call.Where}. Check the server's AWS credentials or the account's role.{reference}";
        }

        if ((int)error.StatusCode >= 500)
        {
            return $"AWS had an internal error in {call.Action} in {call.Where} ({code}); it was retried and still failed. Try again later.{reference}";
        }

        return $"{call.Action} failed in {call.Where}: {code}.{said}{reference}";
    }

    /// <summary>Describes a call that got no answer in time.</summary>
    public static string TimedOut(AwsCallTarget call) =>
        $"AWS did not answer {call.Action} in {call.Where} in time. Try again, or narrow the request.";

    /// <summary>Describes a call that could not reach AWS at all (or could not get credentials to try).</summary>
    public static string Unreachable(AwsCallTarget call, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(call);
        return error.Message.Contains("SSO", StringComparison.Ordinal) && error.Message.Contains("expired", StringComparison.OrdinalIgnoreCase)
            ? $"The server's IAM Identity Center (SSO) sign-in has expired, so {call.Action} in {call.Where} was not sent. " +
              "Run `aws sso login --profile <the profile in AWS_PROFILE>` where the server runs, then try again."
            : $"Could not reach AWS for {call.Action} in {call.Where}: {error.Message}";
    }
}
