namespace AwsMcp.Aws.Protocol;

/// <summary>Settings of one <see cref="AwsProtocolClient"/>.</summary>
public sealed class AwsProtocolClientOptions
{
    /// <summary>The region the call targets; global services sign with their own region whatever this is.</summary>
    public required string Region { get; init; }

    /// <summary>Endpoint override (sandbox, AWS_ENDPOINT_URL…); null for the partition's default endpoint.</summary>
    public string? ServiceUrl { get; init; }

    /// <summary>Retries after the first attempt (the SDK's MaxErrorRetry); 0 disables retrying.</summary>
    public int MaxErrorRetry { get; init; } = 3;

    /// <summary>Time limit of each attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Scale of the exponential backoff: attempt n waits a random time up to BaseDelay × 2^n.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Upper bound of one backoff wait (the SDK's standard mode uses 20 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The User-Agent sent with every request.</summary>
    public string UserAgent { get; init; } = "awsmcp";

    /// <summary>For tests: the handler under the client's HttpClient. The client does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Clock for signing and backoff; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
