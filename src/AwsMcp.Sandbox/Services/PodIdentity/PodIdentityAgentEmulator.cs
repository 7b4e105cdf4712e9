using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.RestJson;
using AwsMcp.Sandbox.Services.Iam;
using AwsMcp.Sandbox.Services.Sts;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Services.PodIdentity;

/// <summary>
/// The EKS Pod Identity Agent's credentials endpoint (<c>GET http://169.254.170.23/v1/credentials</c> in a pod; here
/// <c>GET &lt;sandbox&gt;/v1/credentials</c>), with the EKS Auth call behind it (<c>AssumeRoleForPodIdentity</c>,
/// signing name <c>eks-auth</c>, which is what faults and the request log name). EKS injects
/// <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> and <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c>; the SDK sends the
/// file's content, the pod's projected service-account token, as the whole <c>Authorization</c> header. The agent
/// checks the token (claims, not the signature: the sandbox has no cluster to fetch keys from), finds the
/// association of its namespace and service account (<see cref="PodIdentitySeed"/>), and answers the container
/// credentials JSON the SDKs read for ECS and EKS alike.
/// </summary>
public sealed class PodIdentityAgentEmulator(SandboxContext context) : IUnsignedOperations
{
    public const string Path = "/v1/credentials";

    private const string Operation = "AssumeRoleForPodIdentity";
    private const string ServiceAccountPrefix = "system:serviceaccount:";

    // Pod Identity sessions last six hours; the SDK refreshes them 15 minutes before that.
    private static readonly TimeSpan SessionDuration = TimeSpan.FromHours(6);

    public string SigningName => "eks-auth";

    public bool ProofInAuthorizationHeader => true;

    // The agent is reached only with the pod's token, never signed.
    public string? ResolveOperation(SandboxRequest request) => null;

    public string? ResolveUnsignedOperation(SandboxRequest request) =>
        HttpMethods.IsGet(request.Http.Method) && request.Http.Path == Path ? Operation : null;

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        var header = request.Http.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw new SandboxServiceException(400, "InvalidRequestException", "Service account token cannot be empty: set AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE.");
        }

        var now = context.Time.GetUtcNow();
        WebIdentityToken token;
        try
        {
            token = WebIdentityToken.Parse(header, now);
        }
        catch (SandboxServiceException invalid)
        {
            throw new SandboxServiceException(invalid.StatusCode, invalid.Code == "ExpiredTokenException" ? "ExpiredTokenException" : "InvalidTokenException", invalid.Message);
        }

        if (token.Audience != PodIdentitySeed.Audience)
        {
            throw new SandboxServiceException(400, "InvalidTokenException", $"The token's audience is '{token.Audience}'; EKS Pod Identity tokens are issued for {PodIdentitySeed.Audience}.");
        }

        var (ns, serviceAccount) = ServiceAccountOf(token.Subject);
        var association = PodIdentitySeed.Associations.FirstOrDefault(a => a.Namespace == ns && a.ServiceAccount == serviceAccount)
            ?? throw new SandboxServiceException(404, "ResourceNotFoundException", $"No Pod Identity association for service account {ns}/{serviceAccount} in cluster {PodIdentitySeed.ClusterName}.");
        var role = IamDirectory.For(context).FindRoleByArn(association.RoleArn)
            ?? throw new SandboxServiceException(403, "AccessDeniedException", $"The role {association.RoleArn} of the association does not exist.");

        var session = SessionName(PodName(header) ?? serviceAccount);
        var expiration = now + SessionDuration;
        var credentials = context.Identities.IssueTemporary(
            role.Account, $"arn:aws:sts::{role.Account}:assumed-role/{role.Name}/{session}", $"{role.RoleId}:{session}", expiration);
        role.LastUsed = new RoleLastUsed(now, SandboxContext.SeededRegions[0]);
        var body = new JsonObject
        {
            ["AccessKeyId"] = credentials.AccessKeyId,
            ["SecretAccessKey"] = credentials.SecretAccessKey,
            ["Token"] = credentials.SessionToken,
            ["AccountId"] = role.Account,
            ["Expiration"] = expiration.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        return ValueTask.FromResult(RestJsonResponses.Json(request, 200, body));
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) => RestJsonResponses.Error(request, error);

    private static (string Namespace, string ServiceAccount) ServiceAccountOf(string subject)
    {
        var parts = subject.StartsWith(ServiceAccountPrefix, StringComparison.Ordinal) ? subject[ServiceAccountPrefix.Length..].Split(':') : [];
        return parts is [{ Length: > 0 } ns, { Length: > 0 } name]
            ? (ns, name)
            : throw new SandboxServiceException(400, "InvalidTokenException", $"The token's subject '{subject}' is not a service account (system:serviceaccount:<namespace>:<name>).");
    }

    /// <summary>The pod a projected token was issued for (its <c>kubernetes.io</c> claim), which EKS puts in the session name.</summary>
    private static string? PodName(string token)
    {
        var payload = token.Split('.')[1];
        using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        return claims.RootElement.TryGetProperty("kubernetes.io", out var kubernetes) && kubernetes.ValueKind == JsonValueKind.Object
            && kubernetes.TryGetProperty("pod", out var pod) && pod.ValueKind == JsonValueKind.Object
            && pod.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }

    // eks-<cluster>-<pod>-<id>, within the 64 characters a role session name may have.
    private static string SessionName(string pod)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = $"eks-{PodIdentitySeed.ClusterName}-{pod}";
        return $"{name[..Math.Min(name.Length, 64 - id.Length - 1)]}-{id}";
    }
}
