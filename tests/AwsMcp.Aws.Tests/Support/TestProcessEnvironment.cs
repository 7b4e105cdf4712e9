namespace AwsMcp.Aws.Tests.Support;

/// <summary>
/// The profile file the test process uses; aws-tests.runsettings sets AWS_SHARED_CREDENTIALS_FILE (and an empty
/// AWS_CONFIG_FILE location) before the test host starts, because AWSSDK.Core reads them once per process.
/// </summary>
internal static class TestProcessEnvironment
{
    public static string CredentialsFile => Variable("AWS_SHARED_CREDENTIALS_FILE");

    private static string Variable(string name)
    {
        var path = Environment.GetEnvironmentVariable(name)
            ?? throw new InvalidOperationException($"{name} is not set: run the tests with aws-tests.runsettings.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
