namespace AwsMcp.Abstractions;

/// <summary>
/// A pack service (<see cref="ToolPackContext.GetOrCreate{T}"/>) that can prepare itself once the server listens:
/// resolve credentials, build clients, run the code paths a first call would otherwise pay for. The host calls it in
/// the background, never on the start path and never before a call that needs it; a failure is logged and ignored.
/// </summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}
