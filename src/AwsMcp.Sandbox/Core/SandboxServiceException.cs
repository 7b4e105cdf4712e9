namespace AwsMcp.Sandbox.Core;

/// <summary>An AWS error the emulator answers with, rendered by the service's protocol (e.g. 400 <c>InvalidInstanceID.NotFound</c>).</summary>
public sealed class SandboxServiceException : Exception
{
    public SandboxServiceException(int statusCode, string code, string message, bool senderFault = true)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        SenderFault = senderFault;
    }

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>True for client errors (awsQuery <c>Type=Sender</c>), false for server faults.</summary>
    public bool SenderFault { get; }
}
