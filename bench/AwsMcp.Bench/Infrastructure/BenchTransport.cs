namespace AwsMcp.Bench.Infrastructure;

/// <summary>How the benchmark client reaches the server.</summary>
public enum BenchTransport
{
    /// <summary>ASP.NET Core's in-memory TestServer: the whole HTTP pipeline, no sockets.</summary>
    InProcess,

    /// <summary>Kestrel on 127.0.0.1 and a real HTTP client: what a local client pays.</summary>
    Loopback,
}
