namespace AwsMcp.Sandbox.Core.ManagementEvents;

/// <summary>
/// Implemented by an emulator whose service has operations CloudTrail records as write management events: it declares
/// which of its operations change the account's resources and what each request named. An emulator without it has
/// none (reads only, or data events such as S3 object calls and Lambda Invoke, which CloudTrail does not record as
/// management events). The pipeline records every such call once, whether it succeeded or failed.
/// </summary>
public interface IManagementWrites
{
    /// <summary>What a request of <paramref name="operation"/> wrote; null when the operation is not a write management event.</summary>
    /// <param name="answer">The successful answer (e.g. the ids RunInstances created); null when the call failed.</param>
    ManagementWrite? DescribeWrite(SandboxRequest request, string operation, SandboxResponse? answer);
}
