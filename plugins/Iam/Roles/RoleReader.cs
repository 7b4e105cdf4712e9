using System.Xml.Linq;
using AwsMcp.Aws.Protocol;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Roles;

/// <summary>Reads IAM's <c>Role</c> element (ListRoles members, GetRole's Role) into a <see cref="RoleSummary"/>.</summary>
public static class RoleReader
{
    public static RoleSummary Summarize(XElement role, bool detail)
    {
        var trust = PolicyJson.Decode(AwsQueryXml.Text(role, "AssumeRolePolicyDocument") ?? "{}");
        return new RoleSummary(
            AwsQueryXml.Text(role, "RoleName") ?? string.Empty,
            AwsQueryXml.Text(role, "Arn") ?? string.Empty,
            AwsQueryXml.Text(role, "Path") ?? "/",
            AwsQueryXml.Text(role, "Description"),
            AwsQueryXml.Date(role, "CreateDate"),
            PolicyJson.TrustedPrincipals(trust),
            PolicyJson.StatementsTrustingAnyone(trust).Count > 0,
            detail ? AwsQueryXml.Text(role, "RoleId") : null,
            detail ? AwsQueryXml.Int(role, "MaxSessionDuration") : null,
            detail ? trust : null);
    }
}
