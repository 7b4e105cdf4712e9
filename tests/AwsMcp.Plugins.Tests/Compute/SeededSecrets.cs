using AwsMcp.Sandbox.Services.Lambda;

namespace AwsMcp.Plugins.Tests.Compute;

/// <summary>The secret values the sandbox seeds on purpose (bastion user data, Lambda environments); no tool output may contain any of them.</summary>
internal static class SeededSecrets
{
    private static readonly string[] UserDataSecrets = ["Sandbox-Fake-Password-7f3c", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"];

    public static IReadOnlyList<string> All { get; } =
    [
        .. UserDataSecrets,
        .. LambdaSeed.Functions(DateTimeOffset.UtcNow).SelectMany(function => function.Environment)
            .Where(variable => variable.Key is "DB_PASSWORD" or "API_KEY" or "UPLOAD_TOKEN")
            .Select(variable => variable.Value),
    ];

    public static void AssertNoneIn(string text)
    {
        Assert.NotEmpty(All);
        foreach (var secret in All)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }
}
