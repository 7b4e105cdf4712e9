using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

public sealed class IamTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AwsProtocolClient _iam = ThinClients.For(fixture.Server, AwsServiceModels.Iam);

    [Theory]
    [InlineData("ListRoles", "Roles", 8)]
    [InlineData("ListUsers", "Users", 7)]
    [InlineData("ListPolicies", "Policies", 7)]
    public async Task Lists_page_with_MaxItems_and_Marker_to_the_last_page(string action, string list, int expected)
    {
        var names = new List<string>();
        var pages = 0;
        string? marker = null;
        do
        {
            var parameters = new Dictionary<string, string> { ["MaxItems"] = "3" };
            if (marker is not null)
            {
                parameters["Marker"] = marker;
            }

            var result = await _iam.InvokeQueryAsync(action, parameters, CancellationToken.None);
            names.AddRange(Members(result, list).Select(m => Value(m, "Arn")));
            marker = Value(result, "IsTruncated") == "true" ? Value(result, "Marker") : null;
            pages++;
        }
        while (marker is not null);
        Assert.Equal(expected, names.Distinct().Count());
        Assert.Equal((expected + 2) / 3, pages);
    }

    [Fact]
    public async Task GetRole_returns_the_url_encoded_trust_policy_and_last_use()
    {
        var role = (await Query("GetRole", ("RoleName", "legacy-partner-access"))).Elements().Single();
        var trust = Uri.UnescapeDataString(Value(role, "AssumeRolePolicyDocument"));
        Assert.Contains("\"Principal\":\"*\"", trust, StringComparison.Ordinal);
        Assert.StartsWith("%7B", Value(role, "AssumeRolePolicyDocument"), StringComparison.Ordinal);
        Assert.Empty(role.Elements().Single(e => e.Name.LocalName == "RoleLastUsed").Elements());

        var used = (await Query("GetRole", ("RoleName", "partner-audit"))).Elements().Single();
        Assert.Equal("eu-west-1", Value(used.Elements().Single(e => e.Name.LocalName == "RoleLastUsed"), "Region"));
    }

    [Fact]
    public async Task Role_policies_attached_and_inline()
    {
        var attached = await Query("ListAttachedRolePolicies", ("RoleName", "admin-break-glass"));
        Assert.Equal(["arn:aws:iam::123456789012:policy/legacy-full-access"], Members(attached, "AttachedPolicies").Select(m => Value(m, "PolicyArn")));
        var inline = await Query("ListRolePolicies", ("RoleName", "data-analyst"));
        Assert.Equal(["deny-finance-data"], Members(inline, "PolicyNames").Select(m => m.Value));
        var document = await Query("GetRolePolicy", ("RoleName", "data-analyst"), ("PolicyName", "deny-finance-data"));
        Assert.Contains("\"Effect\":\"Deny\"", Uri.UnescapeDataString(Value(document, "PolicyDocument")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_mfa_keys_and_login_profiles_show_the_seeded_risks()
    {
        Assert.Empty(Members(await Query("ListMFADevices", ("UserName", "bob.dev")), "MFADevices"));
        Assert.Equal(2, Members(await Query("ListMFADevices", ("UserName", "carol.ops")), "MFADevices").Count);
        Assert.NotEmpty(Value((await Query("GetLoginProfile", ("UserName", "bob.dev"))).Elements().Single(), "CreateDate"));

        var ciKeys = Members(await Query("ListAccessKeys", ("UserName", "ci-bot")), "AccessKeyMetadata");
        var created = DateTimeOffset.Parse(Value(ciKeys.Single(), "CreateDate"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((DateTimeOffset.UtcNow - created).TotalDays, 411, 413);
        Assert.DoesNotContain(ciKeys.Single().Elements(), e => e.Name.LocalName == "SecretAccessKey");

        var carolKeys = Members(await Query("ListAccessKeys", ("UserName", "carol.ops")), "AccessKeyMetadata");
        Assert.Equal(["Active", "Inactive"], carolKeys.Select(k => Value(k, "Status")));

        var own = Members(await Query("ListAccessKeys"), "AccessKeyMetadata");
        Assert.Equal(SandboxIdentities.OperatorAccessKeyId, Value(own.Single(), "AccessKeyId"));

        var neverUsedKey = Value(Members(await Query("ListAccessKeys", ("UserName", "reporting-svc")), "AccessKeyMetadata").Single(), "AccessKeyId");
        var lastUsed = (await Query("GetAccessKeyLastUsed", ("AccessKeyId", neverUsedKey))).Elements().Single(e => e.Name.LocalName == "AccessKeyLastUsed");
        Assert.Equal("N/A", Value(lastUsed, "ServiceName"));

        var users = Members(await Query("ListUsers"), "Users");
        var dave = users.Single(u => Value(u, "UserName") == "dave.contractor");
        Assert.InRange((DateTimeOffset.UtcNow - DateTimeOffset.Parse(Value(dave, "PasswordLastUsed"), System.Globalization.CultureInfo.InvariantCulture)).TotalDays, 119, 121);
    }

    [Theory]
    [InlineData("AWS", false, 3)]
    [InlineData("Local", false, 4)]
    [InlineData("Local", true, 3)]
    [InlineData("All", true, 6)]
    public async Task ListPolicies_scope_and_only_attached(string scope, bool onlyAttached, int expected)
    {
        var result = await Query("ListPolicies", ("Scope", scope), ("OnlyAttached", onlyAttached ? "true" : "false"));
        Assert.Equal(expected, Members(result, "Policies").Count);
    }

    [Fact]
    public async Task Policy_versions_and_entities()
    {
        var policy = (await Query("GetPolicy", ("PolicyArn", "arn:aws:iam::123456789012:policy/ci-deploy-policy"))).Elements().Single();
        Assert.Equal("v3", Value(policy, "DefaultVersionId"));
        Assert.Equal("2", Value(policy, "AttachmentCount"));
        var version = (await Query("GetPolicyVersion", ("PolicyArn", "arn:aws:iam::123456789012:policy/ci-deploy-policy"), ("VersionId", "v3"))).Elements().Single();
        Assert.Equal("true", Value(version, "IsDefaultVersion"));
        Assert.Contains("\"Sid\":\"NoIam\"", Uri.UnescapeDataString(Value(version, "Document")), StringComparison.Ordinal);
        var entities = await Query("ListEntitiesForPolicy", ("PolicyArn", "arn:aws:iam::123456789012:policy/ci-deploy-policy"));
        Assert.Equal(["carol.ops"], Members(entities, "PolicyUsers").Select(m => Value(m, "UserName")));
        Assert.Equal(["ci-deploy"], Members(entities, "PolicyRoles").Select(m => Value(m, "RoleName")));
    }

    [Fact]
    public async Task SimulatePrincipalPolicy_evaluates_allow_explicit_and_implicit_deny()
    {
        var result = await Query(
            "SimulatePrincipalPolicy",
            ("PolicySourceArn", "arn:aws:iam::123456789012:role/data-analyst"),
            ("ActionNames.member.1", "s3:GetObject"),
            ("ActionNames.member.2", "ec2:TerminateInstances"),
            ("ResourceArns.member.1", "arn:aws:s3:::finance-reports/q3.csv"),
            ("ResourceArns.member.2", "arn:aws:s3:::public-site/index.html"));
        var decisions = Members(result, "EvaluationResults").ToDictionary(r => $"{Value(r, "EvalActionName")} {Value(r, "EvalResourceName")}", r => Value(r, "EvalDecision"));
        Assert.Equal("explicitDeny", decisions["s3:GetObject arn:aws:s3:::finance-reports/q3.csv"]);
        Assert.Equal("allowed", decisions["s3:GetObject arn:aws:s3:::public-site/index.html"]);
        Assert.Equal("implicitDeny", decisions["ec2:TerminateInstances arn:aws:s3:::public-site/index.html"]);

        var deploy = await Query("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::123456789012:role/ci-deploy"), ("ActionNames.member.1", "iam:CreateUser"), ("MaxItems", "1"));
        Assert.Equal("explicitDeny", Value(Members(deploy, "EvaluationResults").Single(), "EvalDecision"));
        Assert.Equal("false", Value(deploy, "IsTruncated"));
    }

    [Theory]
    [InlineData("GetRole", "RoleName", "nope", "NoSuchEntity", HttpStatusCode.NotFound)]
    [InlineData("GetLoginProfile", "UserName", "ci-bot", "NoSuchEntity", HttpStatusCode.NotFound)]
    [InlineData("GetPolicy", "PolicyArn", "arn:aws:iam::123456789012:policy/nope", "NoSuchEntity", HttpStatusCode.NotFound)]
    [InlineData("GetPolicy", "PolicyArn", "not-an-arn", "InvalidInput", HttpStatusCode.BadRequest)]
    [InlineData("ListRoles", "Marker", "bogus", "InvalidInput", HttpStatusCode.BadRequest)]
    [InlineData("ListRoles", "MaxItems", "0", "ValidationError", HttpStatusCode.BadRequest)]
    [InlineData("ListPolicies", "Scope", "Mine", "ValidationError", HttpStatusCode.BadRequest)]
    [InlineData("SimulatePrincipalPolicy", "PolicySourceArn", "arn:aws:iam::123456789012:role/data-analyst", "InvalidInput", HttpStatusCode.BadRequest)]
    public async Task Errors_map_to_codes(string action, string name, string value, string code, HttpStatusCode status) =>
        await AwsAssert.FailsWith<AmazonServiceException>(() => Query(action, (name, value)), code, status);

    [Fact]
    public async Task A_role_without_iam_permissions_is_denied_and_faults_are_injected()
    {
        var principal = fixture.Server.Identities.IssueTemporary(
            SandboxIdentities.DefaultAccount, "arn:aws:sts::123456789012:assumed-role/data-analyst/s", "AROA:s", DateTimeOffset.UtcNow.AddHours(1));
        using var analyst = ThinClients.For(fixture.Server, AwsServiceModels.Iam, credentials: new SessionAWSCredentials(principal.AccessKeyId, principal.SecretAccessKey, principal.SessionToken));
        await AwsAssert.FailsWith<AmazonServiceException>(() => analyst.InvokeQueryAsync("ListRoles", new Dictionary<string, string>(), CancellationToken.None), "AccessDenied", HttpStatusCode.Forbidden);

        fixture.Server.Faults.FailNext("iam", "ListUsers", SandboxFault.Throttling("iam"));
        await AwsAssert.FailsWith<AmazonServiceException>(() => Query("ListUsers"), "Throttling", HttpStatusCode.BadRequest);
    }

    private Task<XElement> Query(string action, params (string Name, string Value)[] parameters) =>
        _iam.InvokeQueryAsync(action, parameters.ToDictionary(p => p.Name, p => p.Value), CancellationToken.None);

    private static List<XElement> Members(XElement result, string list) =>
        [.. result.Elements().Single(e => e.Name.LocalName == list).Elements()];

    private static string Value(XElement element, string name) =>
        element.Elements().Single(e => e.Name.LocalName == name).Value;
}
