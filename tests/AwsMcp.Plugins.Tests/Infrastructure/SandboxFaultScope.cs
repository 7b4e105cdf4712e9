using AwsMcp.Sandbox;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>
/// Makes every call of one sandbox operation fail until disposed, so that a failing assertion cannot leave the fault
/// behind for the other tests sharing the sandbox: <c>using var fault = SandboxFaultScope.Start(fixture.Sandbox, ...)</c>.
/// </summary>
public sealed class SandboxFaultScope : IDisposable
{
    private readonly FaultInjector _faults;
    private readonly string _service;
    private readonly string _operation;

    private SandboxFaultScope(FaultInjector faults, string service, string operation)
    {
        _faults = faults;
        _service = service;
        _operation = operation;
    }

    public static SandboxFaultScope Start(SandboxServer sandbox, string service, string operation, SandboxFault fault, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.Faults.FailAlways(service, operation, fault, region);
        return new SandboxFaultScope(sandbox.Faults, service, operation);
    }

    public void Dispose() => _faults.Clear(_service, _operation);
}
