using System.Xml.Linq;
using AwsMcp.Iam.Shared;

namespace AwsMcp.Iam.Roles;

/// <summary>Reads IAM's <c>Role</c> element (ListRoles members, GetRole's Role) into a <see cref="RoleSummary"/>.</summary>
public static class RoleReader
{
    public static RoleSummary Summarize(XElement role, bool detail)
    {
        var trust = PolicyJson.Decode(IamXml.Text(role, "AssumeRolePolicyDocument") ?? "{}");
        return new RoleSummary(
            IamXml.Text(role, "RoleName") ?? string.Empty,
            IamXml.Text(role, "Arn") ?? string.Empty,
            IamXml.Text(role, "Path") ?? "/",
            IamXml.Text(role, "Description"),
            IamXml.Date(role, "CreateDate"),
            PolicyJson.TrustedPrincipals(trust),
            PolicyJson.StatementsTrustingAnyone(trust).Count > 0,
            detail ? IamXml.Text(role, "RoleId") : null,
            detail ? IamXml.Int(role, "MaxSessionDuration") : null,
            detail ? trust : null);
    }
}
