using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Protocols.RestJson;
using AwsMcp.Sandbox.Services.Shared;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Services.Sso;

/// <summary>
/// The IAM Identity Center user portal (restJson1, signing name <c>awsssoportal</c>, AWS host
/// <c>portal.sso.REGION.amazonaws.com</c>): <c>GetRoleCredentials</c>, which the SDKs call for an <c>sso_*</c> profile
/// with the access token <c>aws sso login</c> cached. It is served unsigned, as AWS serves it: the bearer token in
/// <c>x-amz-sso_bearer_token</c> is the proof. The answer is a session of the permission set's role
/// (<see cref="SsoSeed"/>) that every emulator accepts.
/// </summary>
public sealed class SsoPortalEmulator(SandboxContext context) : IUnsignedOperations
{
    private const string GetRoleCredentials = "GetRoleCredentials";

    // A permission set's default session duration.
    private static readonly TimeSpan SessionDuration = TimeSpan.FromHours(1);

    public string SigningName => "awsssoportal";

    public string? ResolveOperation(SandboxRequest request) =>
        HttpMethods.IsGet(request.Http.Method) && request.Http.Path == "/federation/credentials" ? GetRoleCredentials : null;

    public string? ResolveUnsignedOperation(SandboxRequest request) => ResolveOperation(request);

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        if (request.Http.Headers["x-amz-sso_bearer_token"].ToString() != SsoSeed.AccessToken)
        {
            throw new SandboxServiceException(401, "UnauthorizedException", "Session token not found or invalid");
        }

        var roleName = Query(request, "role_name");
        var account = Query(request, "account_id");
        var assignment = SsoSeed.Assignments.FirstOrDefault(a => a.Account == account && a.PermissionSet == roleName)
            ?? throw new SandboxServiceException(403, "ForbiddenException", "No access");

        var expiration = context.Time.GetUtcNow() + SessionDuration;
        var credentials = context.Identities.IssueTemporary(
            account,
            $"arn:aws:sts::{account}:assumed-role/{assignment.RoleName}/{SsoSeed.UserName}",
            $"{SeedIds.Of("AROA", assignment.RoleArn, 21)}:{SsoSeed.UserName}",
            expiration);
        var body = new JsonObject
        {
            ["roleCredentials"] = new JsonObject
            {
                ["accessKeyId"] = credentials.AccessKeyId,
                ["secretAccessKey"] = credentials.SecretAccessKey,
                ["sessionToken"] = credentials.SessionToken,
                ["expiration"] = expiration.ToUnixTimeMilliseconds(),
            },
        };
        return ValueTask.FromResult(RestJsonResponses.Json(request, 200, body));
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) => RestJsonResponses.Error(request, error);

    private static string Query(SandboxRequest request, string name) =>
        request.Http.Query[name].ToString() is { Length: > 0 } value
            ? value
            : throw new SandboxServiceException(400, "InvalidRequestException", $"The query parameter {name} is required.");
}
