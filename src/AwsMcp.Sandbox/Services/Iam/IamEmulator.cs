using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols;
using AwsMcp.Sandbox.Protocols.AwsQuery;
using AwsMcp.Sandbox.Services.Shared;
using static AwsMcp.Sandbox.Protocols.AwsQuery.QueryXml;

namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>
/// IAM (awsQuery, version 2010-05-08; global, signed for us-east-1): the read operations the Iam tool pack calls, plus
/// SimulatePrincipalPolicy over <see cref="PolicyEvaluator"/>. Each call is authorised against the caller's own IAM
/// policies (the operator user is an administrator; a role assumed from it gets only what its policies grant).
/// </summary>
public sealed class IamEmulator : QueryServiceEmulator
{
    private const int DefaultMaxItems = 100;
    private readonly IamDirectory _directory;

    public IamEmulator(SandboxContext context)
        : base("iam", "2010-05-08", "https://iam.amazonaws.com/doc/2010-05-08/")
    {
        _directory = IamDirectory.For(context);
        Register("ListRoles", ListRoles);
        Register("GetRole", GetRole);
        Register("ListAttachedRolePolicies", ListAttachedRolePolicies);
        Register("ListRolePolicies", ListRolePolicies);
        Register("GetRolePolicy", GetRolePolicy);
        Register("ListUsers", ListUsers);
        Register("ListMFADevices", ListMfaDevices);
        Register("ListAccessKeys", ListAccessKeys);
        Register("GetAccessKeyLastUsed", GetAccessKeyLastUsed);
        Register("GetLoginProfile", GetLoginProfile);
        Register("ListPolicies", ListPolicies);
        Register("GetPolicy", GetPolicy);
        Register("GetPolicyVersion", GetPolicyVersion);
        Register("ListEntitiesForPolicy", ListEntitiesForPolicy);
        Register("SimulatePrincipalPolicy", SimulatePrincipalPolicy);
    }

    private IEnumerable<XElement?> ListRoles(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "ListRoles");
        var prefix = parameters.Optional("PathPrefix") ?? "/";
        var page = PageOf(parameters, account.Roles.Where(role => role.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList(), $"roles|{prefix}");
        return [Members("Roles", page.Items.Select(role => RoleContent(role, includeLastUsed: false))), .. Paging(page.NextToken)];
    }

    private IEnumerable<XElement?> GetRole(SandboxRequest request, QueryParameters parameters)
    {
        var role = FindRole(Authorize(request, "GetRole"), parameters);
        return [new XElement("Role", RoleContent(role, includeLastUsed: true))];
    }

    private IEnumerable<XElement?> ListAttachedRolePolicies(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "ListAttachedRolePolicies");
        var role = FindRole(account, parameters);
        var page = PageOf(parameters, role.AttachedPolicyArns.Select(account.FindPolicy).OfType<ManagedPolicy>().ToList(), $"attached|{role.Arn}");
        return
        [
            Members("AttachedPolicies", page.Items.Select(policy => new object[] { Element("PolicyName", policy.Name), Element("PolicyArn", policy.Arn) })),
            .. Paging(page.NextToken),
        ];
    }

    private IEnumerable<XElement?> ListRolePolicies(SandboxRequest request, QueryParameters parameters)
    {
        var role = FindRole(Authorize(request, "ListRolePolicies"), parameters);
        var page = PageOf(parameters, role.InlinePolicies.Keys.Order(StringComparer.Ordinal).ToList(), $"inline|{role.Arn}");
        return [Members("PolicyNames", page.Items), .. Paging(page.NextToken)];
    }

    private IEnumerable<XElement?> GetRolePolicy(SandboxRequest request, QueryParameters parameters)
    {
        var role = FindRole(Authorize(request, "GetRolePolicy"), parameters);
        var name = parameters.Required("PolicyName");
        var document = role.InlinePolicies.GetValueOrDefault(name)
            ?? throw NoSuchEntity($"The role policy with name {name} cannot be found.");
        return [Element("RoleName", role.Name), Element("PolicyName", name), Element("PolicyDocument", document.UrlEncoded)];
    }

    private IEnumerable<XElement?> ListUsers(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "ListUsers");
        var prefix = parameters.Optional("PathPrefix") ?? "/";
        var page = PageOf(parameters, account.Users.Where(user => user.Path.StartsWith(prefix, StringComparison.Ordinal)).ToList(), $"users|{prefix}");
        return
        [
            Members("Users", page.Items.Select(user => new object?[]
            {
                Element("Path", user.Path),
                Element("UserName", user.Name),
                Element("UserId", user.UserId),
                Element("Arn", user.Arn),
                Element("CreateDate", user.CreateDate),
                Optional("PasswordLastUsed", user.PasswordLastUsed),
            })),
            .. Paging(page.NextToken),
        ];
    }

    private IEnumerable<XElement?> ListMfaDevices(SandboxRequest request, QueryParameters parameters)
    {
        var user = UserOrCaller(request, Authorize(request, "ListMFADevices"), parameters);
        var page = PageOf(parameters, user.MfaEnabledDates, $"mfa|{user.Arn}");
        return
        [
            Members("MFADevices", page.Items.Select((enabled, index) => new object[]
            {
                Element("UserName", user.Name),
                Element("SerialNumber", user.MfaSerial(index)),
                Element("EnableDate", enabled),
            })),
            .. Paging(page.NextToken),
        ];
    }

    private IEnumerable<XElement?> ListAccessKeys(SandboxRequest request, QueryParameters parameters)
    {
        var user = UserOrCaller(request, Authorize(request, "ListAccessKeys"), parameters);
        var page = PageOf(parameters, user.AccessKeys, $"keys|{user.Arn}");
        return
        [
            Element("UserName", user.Name),
            Members("AccessKeyMetadata", page.Items.Select(key => new object[]
            {
                Element("UserName", user.Name),
                Element("AccessKeyId", key.AccessKeyId),
                Element("Status", key.Active ? "Active" : "Inactive"),
                Element("CreateDate", key.CreateDate),
            })),
            .. Paging(page.NextToken),
        ];
    }

    private IEnumerable<XElement?> GetAccessKeyLastUsed(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "GetAccessKeyLastUsed");
        var keyId = parameters.Required("AccessKeyId");
        var (user, key) = account.Users.SelectMany(u => u.AccessKeys.Select(k => (User: u, Key: k))).FirstOrDefault(pair => pair.Key.AccessKeyId == keyId);
        if (user is null || key is null)
        {
            throw new SandboxServiceException(403, "AccessDenied", $"The access key {keyId} does not belong to account {account.AccountId}.");
        }

        return
        [
            Element("UserName", user.Name),
            new XElement(
                "AccessKeyLastUsed",
                Optional("LastUsedDate", key.LastUsedDate),
                Element("ServiceName", key.LastUsedService ?? "N/A"),
                Element("Region", key.LastUsedRegion ?? "N/A")),
        ];
    }

    private IEnumerable<XElement?> GetLoginProfile(SandboxRequest request, QueryParameters parameters)
    {
        var user = UserOrCaller(request, Authorize(request, "GetLoginProfile"), parameters);
        var created = user.LoginProfileCreated ?? throw NoSuchEntity($"Login Profile for User {user.Name} cannot be found.");
        return [new XElement("LoginProfile", Element("UserName", user.Name), Element("CreateDate", created), Element("PasswordResetRequired", false))];
    }

    private IEnumerable<XElement?> ListPolicies(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "ListPolicies");
        var scope = parameters.Optional("Scope") ?? "All";
        if (scope is not ("All" or "AWS" or "Local"))
        {
            throw QueryParameters.Invalid("Scope", scope, "Member must satisfy enum value set: [All, AWS, Local]");
        }

        var onlyAttached = parameters.Bool("OnlyAttached") ?? false;
        var prefix = parameters.Optional("PathPrefix") ?? "/";
        var policies = account.Policies
            .Where(policy => scope == "All" || policy.IsAwsManaged == (scope == "AWS"))
            .Where(policy => !onlyAttached || account.AttachmentCount(policy) > 0)
            .Where(policy => policy.Path.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var page = PageOf(parameters, policies, $"policies|{scope}|{onlyAttached}|{prefix}");
        return [Members("Policies", page.Items.Select(policy => PolicyContent(account, policy, includeDescription: false))), .. Paging(page.NextToken)];
    }

    private IEnumerable<XElement?> GetPolicy(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "GetPolicy");
        return [new XElement("Policy", PolicyContent(account, FindPolicy(account, parameters), includeDescription: true))];
    }

    private IEnumerable<XElement?> GetPolicyVersion(SandboxRequest request, QueryParameters parameters)
    {
        var policy = FindPolicy(Authorize(request, "GetPolicyVersion"), parameters);
        var versionId = parameters.Required("VersionId");
        var version = policy.Versions.FirstOrDefault(v => v.VersionId == versionId)
            ?? throw NoSuchEntity($"Policy {policy.Arn} version {versionId} does not exist or is not attachable.");
        return
        [
            new XElement(
                "PolicyVersion",
                Element("Document", version.Document.UrlEncoded),
                Element("VersionId", version.VersionId),
                Element("IsDefaultVersion", version.VersionId == policy.DefaultVersionId),
                Element("CreateDate", version.CreateDate)),
        ];
    }

    private IEnumerable<XElement?> ListEntitiesForPolicy(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "ListEntitiesForPolicy");
        var policy = FindPolicy(account, parameters);
        var entities = account.Users.Where(user => user.AttachedPolicyArns.Contains(policy.Arn))
            .Select(user => (Kind: "PolicyUsers", Content: new object[] { Element("UserName", user.Name), Element("UserId", user.UserId) }))
            .Concat(account.Roles.Where(role => role.AttachedPolicyArns.Contains(policy.Arn))
                .Select(role => (Kind: "PolicyRoles", Content: new object[] { Element("RoleName", role.Name), Element("RoleId", role.RoleId) })))
            .ToList();
        var page = PageOf(parameters, entities, $"entities|{policy.Arn}");
        return
        [
            Members("PolicyGroups", []),
            Members("PolicyUsers", page.Items.Where(entity => entity.Kind == "PolicyUsers").Select(entity => entity.Content)),
            Members("PolicyRoles", page.Items.Where(entity => entity.Kind == "PolicyRoles").Select(entity => entity.Content)),
            .. Paging(page.NextToken),
        ];
    }

    private IEnumerable<XElement?> SimulatePrincipalPolicy(SandboxRequest request, QueryParameters parameters)
    {
        var account = Authorize(request, "SimulatePrincipalPolicy");
        var source = parameters.Required("PolicySourceArn");
        var policies = PoliciesOf(account, source)
            ?? throw new SandboxServiceException(400, "NoSuchEntity", $"The principal {source} does not exist in account {account.AccountId}.");
        var actions = parameters.Members("ActionNames");
        if (actions.Count == 0)
        {
            throw new SandboxServiceException(400, "InvalidInput", "ActionNames must contain at least one action.");
        }

        var resources = parameters.Members("ResourceArns") is { Count: > 0 } given ? given : ["*"];
        var pairs = actions.SelectMany(action => resources.Select(resource => (Action: action, Resource: resource))).ToList();
        var page = PageOf(parameters, pairs, $"simulate|{source}|{string.Join(',', actions)}|{string.Join(',', resources)}");
        return
        [
            Members("EvaluationResults", page.Items.Select(pair =>
            {
                var evaluation = PolicyEvaluator.Evaluate(policies, pair.Action, pair.Resource);
                return new object[]
                {
                    Element("EvalActionName", pair.Action),
                    Element("EvalResourceName", pair.Resource),
                    Element("EvalDecision", DecisionName(evaluation.Decision)),
                    Members("MatchedStatements", evaluation.MatchedPolicies.Select(policy => new object[]
                    {
                        Element("SourcePolicyId", policy.SourceId),
                        Element("SourcePolicyType", policy.SourceType),
                    })),
                    Members("MissingContextValues", []),
                };
            })),
            .. Paging(page.NextToken),
        ];
    }

    /// <summary>Checks <c>iam:&lt;action&gt;</c> against the caller's own policies and returns the caller's account.</summary>
    private IamAccount Authorize(SandboxRequest request, string action)
    {
        var account = _directory.Account(request.Principal.Account);
        var policies = PoliciesOf(account, PrincipalArns.IamIdentity(request.Principal));
        if (policies is not null && PolicyEvaluator.Evaluate(policies, $"iam:{action}", "*").Decision != EvalDecision.Allowed)
        {
            throw new SandboxServiceException(403, "AccessDenied", $"User: {request.Principal.Arn} is not authorized to perform: iam:{action} on resource: *");
        }

        return account;
    }


    private static IReadOnlyList<AttachedPolicy>? PoliciesOf(IamAccount account, string arn)
    {
        if (account.Users.FirstOrDefault(user => user.Arn == arn) is { } user)
        {
            return account.EffectivePolicies(user.AttachedPolicyArns, user.InlinePolicies, "user");
        }

        // Role ARNs are matched ignoring the path, as callers usually know only the role name.
        var roleName = arn.Split('/')[^1];
        return account.Roles.FirstOrDefault(role => role.Arn == arn || arn == $"arn:aws:iam::{account.AccountId}:role/{roleName}" && role.Name == roleName) is { } role
            ? account.EffectivePolicies(role.AttachedPolicyArns, role.InlinePolicies, "role")
            : null;
    }

    private static IamRole FindRole(IamAccount account, QueryParameters parameters)
    {
        var name = parameters.Required("RoleName");
        return account.FindRole(name) ?? throw NoSuchEntity($"The role with name {name} cannot be found.");
    }

    private static IamUser UserOrCaller(SandboxRequest request, IamAccount account, QueryParameters parameters)
    {
        var name = parameters.Optional("UserName");
        if (name is null)
        {
            var marker = $"arn:aws:iam::{account.AccountId}:user/";
            name = request.Principal.Arn.StartsWith(marker, StringComparison.Ordinal)
                ? request.Principal.Arn.Split('/')[^1]
                : throw new SandboxServiceException(400, "ValidationError", "Must specify userName when calling with non-User credentials");
        }

        return account.FindUser(name) ?? throw NoSuchEntity($"The user with name {name} cannot be found.");
    }

    private static ManagedPolicy FindPolicy(IamAccount account, QueryParameters parameters)
    {
        var arn = parameters.Required("PolicyArn");
        if (!arn.StartsWith("arn:aws:iam::", StringComparison.Ordinal))
        {
            throw new SandboxServiceException(400, "InvalidInput", $"ARN {arn} is not valid.");
        }

        return account.FindPolicy(arn) ?? throw NoSuchEntity($"Policy {arn} does not exist or is not attachable.");
    }

    private static object?[] RoleContent(IamRole role, bool includeLastUsed) =>
    [
        Element("Path", role.Path),
        Element("RoleName", role.Name),
        Element("RoleId", role.RoleId),
        Element("Arn", role.Arn),
        Element("CreateDate", role.CreateDate),
        Element("AssumeRolePolicyDocument", role.TrustPolicy.UrlEncoded),
        Element("Description", role.Description),
        Element("MaxSessionDuration", role.MaxSessionDuration),
        includeLastUsed
            ? new XElement("RoleLastUsed", Optional("LastUsedDate", role.LastUsed?.Date), Optional("Region", role.LastUsed?.Region))
            : null,
    ];

    private static object?[] PolicyContent(IamAccount account, ManagedPolicy policy, bool includeDescription) =>
    [
        Element("PolicyName", policy.Name),
        Element("PolicyId", policy.PolicyId),
        Element("Arn", policy.Arn),
        Element("Path", policy.Path),
        Element("DefaultVersionId", policy.DefaultVersionId),
        Element("AttachmentCount", account.AttachmentCount(policy)),
        Element("PermissionsBoundaryUsageCount", 0),
        Element("IsAttachable", true),
        includeDescription ? Element("Description", policy.Description) : null,
        Element("CreateDate", policy.CreateDate),
        Element("UpdateDate", policy.UpdateDate),
    ];

    private static string DecisionName(EvalDecision decision) =>
        decision switch
        {
            EvalDecision.Allowed => "allowed",
            EvalDecision.ExplicitDeny => "explicitDeny",
            _ => "implicitDeny",
        };

    private static Page<T> PageOf<T>(QueryParameters parameters, IReadOnlyList<T> items, string scope) =>
        OffsetPaging.Take(
            items,
            parameters.Optional("Marker"),
            parameters.Int("MaxItems", 1, 1000) ?? DefaultMaxItems,
            scope,
            () => new SandboxServiceException(400, "InvalidInput", "Invalid Marker."));

    private static SandboxServiceException NoSuchEntity(string message) => new(404, "NoSuchEntity", message);
}
