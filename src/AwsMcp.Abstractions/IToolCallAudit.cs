namespace AwsMcp.Abstractions;

/// <summary>
/// The audit record of the current call, for plugins to enrich: which AWS requests were made and which resources
/// were touched. The host writes the record after the call, whatever its outcome.
/// </summary>
public interface IToolCallAudit
{
    /// <summary>Records one AWS request (service such as <c>ec2</c>, operation, the AWS request id when known).</summary>
    void AwsRequest(string service, string operation, string? requestId);

    /// <summary>Records a resource the call read or changed (an ARN or id).</summary>
    void Resource(string resource);

    /// <summary>Records a further region (and account) the call reached, authorised through <see cref="ToolContext.Retarget"/>.</summary>
    void Target(string region, string? account)
    {
    }
}
