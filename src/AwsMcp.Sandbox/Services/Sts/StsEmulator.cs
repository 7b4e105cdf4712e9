using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.AwsQuery;
using AwsMcp.Sandbox.Services.Iam;
using AwsMcp.Sandbox.Services.Shared;
using static AwsMcp.Sandbox.Protocols.AwsQuery.QueryXml;

namespace AwsMcp.Sandbox.Services.Sts;

/// <summary>
/// STS (awsQuery, version 2011-06-15; regional): GetCallerIdentity, AssumeRole and AssumeRoleWithWebIdentity over the
/// seeded IAM roles (<c>arn:aws:iam::123456789012:role/AwsMcpOperator</c>, <c>arn:aws:iam::210987654321:role/AwsMcpReadOnly</c>, …).
/// Temporary credentials come from <see cref="SandboxIdentities.IssueTemporary"/>, so every emulator accepts them.
/// AssumeRoleWithWebIdentity is served unsigned, as AWS serves it: the caller's OIDC token is its proof.
/// </summary>
public sealed partial class StsEmulator : QueryServiceEmulator, IUnsignedOperations
{
    private const string WebIdentityOperation = "AssumeRoleWithWebIdentity";

    private readonly SandboxContext _context;
    private readonly IamDirectory _directory;
    private readonly ConcurrentDictionary<string, AssumedRoleSession> _sessions = new(StringComparer.Ordinal);

    public StsEmulator(SandboxContext context)
        : base("sts", "2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/")
    {
        _context = context;
        _directory = IamDirectory.For(context);
        Register("GetCallerIdentity", GetCallerIdentity);
        Register("AssumeRole", AssumeRole);
        Register(WebIdentityOperation, AssumeRoleWithWebIdentity);
    }

    /// <summary>Every session AssumeRole has issued, with the SourceIdentity it carries.</summary>
    public IReadOnlyCollection<AssumedRoleSession> Sessions => [.. _sessions.Values];

    private IEnumerable<XElement?> GetCallerIdentity(SandboxRequest request, QueryParameters parameters) =>
    [
        Element("UserId", request.Principal.UserId),
        Element("Account", request.Principal.Account),
        Element("Arn", request.Principal.Arn),
    ];

    private IEnumerable<XElement?> AssumeRole(SandboxRequest request, QueryParameters parameters)
    {
        var roleArn = parameters.Required("RoleArn");
        var sessionName = parameters.Required("RoleSessionName");
        Validate("RoleSessionName", sessionName, SessionNamePattern(), "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        var externalId = parameters.Optional("ExternalId");
        if (externalId is not null)
        {
            Validate("ExternalId", externalId, ExternalIdPattern(), "Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*");
        }

        var sourceIdentity = SourceIdentity(request, parameters.Optional("SourceIdentity"));
        var duration = parameters.Int("DurationSeconds", 900, 43200) ?? 3600;
        var caller = request.Principal;
        var role = _directory.FindRoleByArn(roleArn);
        if (role is null || !TrustPolicyCheck.Allows(role.TrustPolicy, caller.Account, PrincipalArns.IamIdentity(caller), externalId))
        {
            throw new SandboxServiceException(403, "AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var session = Issue(role, sessionName, duration, request.Region);
        _sessions[session.Credentials.AccessKeyId] = new AssumedRoleSession(
            session.Credentials.AccessKeyId, role.Arn, sessionName, sourceIdentity, caller.Arn, session.Credentials.Expires!.Value);
        return
        [
            session.CredentialsElement,
            session.AssumedRoleUser,
            Element("PackedPolicySize", 0),
            Optional("SourceIdentity", sourceIdentity),
        ];
    }

    /// <summary>
    /// EKS service accounts (IRSA) and CI systems such as GitHub Actions trade an OIDC token for a role session here.
    /// Any role of the sandbox may be assumed so: it knows no OIDC providers, so it checks the token's claims but neither
    /// its signature nor the role's trust policy for a federated principal.
    /// </summary>
    private IEnumerable<XElement?> AssumeRoleWithWebIdentity(SandboxRequest request, QueryParameters parameters)
    {
        var roleArn = parameters.Required("RoleArn");
        var sessionName = parameters.Required("RoleSessionName");
        Validate("RoleSessionName", sessionName, SessionNamePattern(), "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        var token = WebIdentityToken.Parse(parameters.Required("WebIdentityToken"), _context.Time.GetUtcNow());
        var duration = parameters.Int("DurationSeconds", 900, 43200) ?? 3600;
        var role = _directory.FindRoleByArn(roleArn)
            ?? throw new SandboxServiceException(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");

        // Unsigned, the request names no region; role-last-used then records the global endpoint's.
        var session = Issue(role, sessionName, duration, request.Region.Length > 0 ? request.Region : SandboxContext.SeededRegions[0]);
        return
        [
            session.CredentialsElement,
            Element("SubjectFromWebIdentityToken", token.Subject),
            session.AssumedRoleUser,
            Element("PackedPolicySize", 0),
            // An OAuth 2.0 access token names its provider in ProviderId; an OIDC token's issuer is an IAM OIDC provider.
            Element("Provider", parameters.Optional("ProviderId") ?? token.ProviderArn(role.Account)),
            Element("Audience", token.Audience),
        ];
    }

    public string? ResolveUnsignedOperation(SandboxRequest request) =>
        ResolveOperation(request) == WebIdentityOperation ? WebIdentityOperation : null;

    /// <summary>Mints a session of <paramref name="role"/> once the caller may assume it, and answers its Credentials and AssumedRoleUser.</summary>
    private RoleSession Issue(IamRole role, string sessionName, int duration, string region)
    {
        if (duration > role.MaxSessionDuration)
        {
            throw new SandboxServiceException(400, "ValidationError", $"The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        var now = _context.Time.GetUtcNow();
        var expiration = now.AddSeconds(duration);
        var assumedArn = $"arn:aws:sts::{role.Account}:assumed-role/{role.Name}/{sessionName}";
        var assumedId = $"{role.RoleId}:{sessionName}";
        var credentials = _context.Identities.IssueTemporary(role.Account, assumedArn, assumedId, expiration);
        role.LastUsed = new RoleLastUsed(now, region);
        return new RoleSession(
            credentials,
            new XElement(
                "Credentials",
                Element("AccessKeyId", credentials.AccessKeyId),
                Element("SecretAccessKey", credentials.SecretAccessKey),
                Element("SessionToken", credentials.SessionToken!),
                Element("Expiration", expiration)),
            new XElement("AssumedRoleUser", Element("AssumedRoleId", assumedId), Element("Arn", assumedArn)));
    }

    /// <summary>
    /// SourceIdentity is fixed once set: a session that already carries one can only chain with the same value
    /// (the request may omit it, and it is inherited).
    /// </summary>
    private string? SourceIdentity(SandboxRequest request, string? requested)
    {
        if (requested is not null)
        {
            Validate("SourceIdentity", requested, SessionNamePattern(), "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
            if (requested.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new SandboxServiceException(400, "ValidationError", "SourceIdentity must not begin with the reserved prefix 'aws:'.");
            }
        }

        var inherited = _sessions.GetValueOrDefault(request.Principal.AccessKeyId)?.SourceIdentity;
        if (inherited is not null && requested is not null && requested != inherited)
        {
            throw new SandboxServiceException(403, "AccessDenied", "The SourceIdentity of a role session cannot be changed when chaining roles.");
        }

        return inherited ?? requested;
    }


    private static void Validate(string name, string value, Regex pattern, string constraint)
    {
        if (value.Length is < 2 or > 64 && name != "ExternalId" || !pattern.IsMatch(value))
        {
            throw QueryParameters.Invalid(name, value, constraint);
        }
    }

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:\/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();

    private sealed record RoleSession(SandboxPrincipal Credentials, XElement CredentialsElement, XElement AssumedRoleUser);
}
