namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Waits for a condition instead of sleeping a fixed time.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, int timeoutSeconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeoutSeconds}s waiting for {what}");
            }

            await Task.Delay(25);
        }
    }
}
