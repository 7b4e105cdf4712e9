namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>
/// The environment a child <c>awsmcp</c> gets so that it finds only the AWS configuration a test gives it: every
/// variable the SDK's credential and region chains read is removed (null), and instance metadata is off.
/// </summary>
public static class AwsVariables
{
    public static Dictionary<string, string?> Cleared() => new()
    {
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_ENDPOINT_URL"] = null,
        ["AWS_ROLE_ARN"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_ROLE_SESSION_NAME"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = null,
        ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = null,
        ["AWS_STS_REGIONAL_ENDPOINTS"] = null,
        ["AWSMCP__Aws__Region"] = null,
    };
}
