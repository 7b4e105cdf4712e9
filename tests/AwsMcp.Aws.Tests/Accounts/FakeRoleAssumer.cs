using Amazon.Runtime;
using AwsMcp.Aws.Accounts;
using AwsMcp.Aws.Configuration;

namespace AwsMcp.Aws.Tests.Accounts;

/// <summary>Counts AssumeRole calls and issues sessions valid for one hour from the given clock.</summary>
internal sealed class FakeRoleAssumer(TimeProvider time) : IRoleAssumer
{
    private int _calls;

    public int Calls => _calls;

    public List<(string Account, string Caller)> Requests { get; } = [];

    public async Task<AssumedRoleSession> AssumeRoleAsync(AwsAccountOptions account, string callerId, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        lock (Requests)
        {
            Requests.Add((account.Name, callerId));
        }

        // Let concurrent callers pile up behind the cache's gate.
        await Task.Delay(20, ct);
        return new AssumedRoleSession(
            new ImmutableCredentials($"ASIA{call:D4}", "secret", "token"), time.GetUtcNow() + TimeSpan.FromHours(1));
    }
}
