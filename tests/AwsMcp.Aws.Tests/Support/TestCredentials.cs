using Amazon.Runtime;

namespace AwsMcp.Aws.Tests.Support;

internal static class TestCredentials
{
    public const string AccessKey = "AKIDEXAMPLE";

    // The published SigV4 example secret, not a real key.
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static BasicAWSCredentials Basic { get; } = new(AccessKey, SecretKey);

    public static SessionAWSCredentials Session(string token) => new(AccessKey, SecretKey, token);
}
