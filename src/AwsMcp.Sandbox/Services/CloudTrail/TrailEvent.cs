using System.Globalization;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core.ManagementEvents;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>One management event in the sandbox's CloudTrail event history.</summary>
/// <param name="EventSource">e.g. <c>ec2.amazonaws.com</c>.</param>
/// <param name="RequestParameters">As the call sent them; may hold secrets, as in AWS.</param>
/// <param name="ResponseElements">Null for most calls, as in AWS; CreateAccessKey's names the new key.</param>
/// <param name="ErrorCode">Set when the call failed.</param>
public sealed record TrailEvent(
    string EventId,
    DateTimeOffset Time,
    string Region,
    string EventSource,
    string EventName,
    bool ReadOnly,
    TrailIdentity Identity,
    string SourceIpAddress,
    string UserAgent,
    IReadOnlyList<TrailResource> Resources,
    JsonObject? RequestParameters,
    JsonObject? ResponseElements,
    string? ErrorCode,
    string? ErrorMessage)
{
    public string Account => Identity.AccountId;

    /// <summary>The <c>CloudTrailEvent</c> string LookupEvents answers: the whole record as CloudTrail writes it.</summary>
    public string ToCloudTrailEvent()
    {
        var identity = new JsonObject
        {
            ["type"] = Identity.Type,
            ["principalId"] = Identity.PrincipalId,
            ["arn"] = Identity.Arn,
            ["accountId"] = Identity.AccountId,
            ["accessKeyId"] = Identity.AccessKeyId,
        };
        if (Identity.IssuerArn is null)
        {
            identity["userName"] = Identity.UserName;
        }
        else
        {
            identity["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = Identity.PrincipalId.Split(':')[0],
                    ["arn"] = Identity.IssuerArn,
                    ["accountId"] = Identity.AccountId,
                    ["userName"] = Identity.IssuerArn[(Identity.IssuerArn.LastIndexOf('/') + 1)..],
                },
                ["attributes"] = new JsonObject { ["creationDate"] = Iso(Time.AddMinutes(-5)), ["mfaAuthenticated"] = "false" },
            };
        }

        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = identity,
            ["eventTime"] = Iso(Time),
            ["eventSource"] = EventSource,
            ["eventName"] = EventName,
            ["awsRegion"] = Region,
            ["sourceIPAddress"] = SourceIpAddress,
            ["userAgent"] = UserAgent,
            ["errorCode"] = ErrorCode,
            ["errorMessage"] = ErrorMessage,
            ["requestParameters"] = RequestParameters?.DeepClone(),
            ["responseElements"] = ResponseElements?.DeepClone(),
            ["requestID"] = EventId.Replace("-", "", StringComparison.Ordinal)[..20].ToUpperInvariant(),
            ["eventID"] = EventId,
            ["readOnly"] = ReadOnly,
            ["eventType"] = "AwsApiCall",
            ["managementEvent"] = true,
            ["recipientAccountId"] = Account,
            ["eventCategory"] = "Management",
        };
        if (ErrorCode is null)
        {
            record.Remove("errorCode");
            record.Remove("errorMessage");
        }

        return record.ToJsonString();
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
