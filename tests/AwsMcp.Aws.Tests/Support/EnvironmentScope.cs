using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AwsMcp.Aws.Tests.Support;

/// <summary>
/// Sets AWS environment variables for one test and restores every one of them afterwards. It starts from a clean AWS
/// environment (no keys, no profile, empty config files, IMDS off) so the machine's own setup cannot leak in.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private static readonly string[] Managed =
    [
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_ENDPOINT_URL", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_S3",
        "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
        "AWS_ENDPOINT_URL_COST_EXPLORER", "AWS_ENDPOINT_URL_BUDGETS", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
    ];

    private readonly Dictionary<string, string?> _saved = Managed.ToDictionary(name => name, Environment.GetEnvironmentVariable);
    private readonly string? _savedProfilesLocation = AWSConfigs.AWSProfilesLocation;

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach (var name in Managed)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        // Under the test host AWSConfigs starts with an empty profiles location and the SDK ignores
        // AWS_SHARED_CREDENTIALS_FILE; pointing the location at the test's file is what it honours.
        AWSConfigs.AWSProfilesLocation = TestProcessEnvironment.CredentialsFile;
        DeleteProfiles();
        ResetSdkCaches();
    }

    public static void WriteCredentials(string text) => File.WriteAllText(TestProcessEnvironment.CredentialsFile, text);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        AWSConfigs.AWSProfilesLocation = _savedProfilesLocation;
        DeleteProfiles();
        ResetSdkCaches();
    }

    private static void DeleteProfiles()
    {
        File.Delete(TestProcessEnvironment.CredentialsFile);
    }

    // The SDK memoises what it read from the environment and the config file.
    private static void ResetSdkCaches()
    {
        FallbackRegionFactory.Reset();
        FallbackInternalConfigurationFactory.Reset();
    }
}
