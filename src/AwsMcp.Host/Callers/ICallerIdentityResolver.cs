using System.Security.Claims;
using AwsMcp.Abstractions;

namespace AwsMcp.Host.Callers;

/// <summary>
/// Maps the transport's user (an authenticated HTTP principal, or none for stdio and the command line) to the
/// <see cref="CallerIdentity"/> that policy, audit and tools see.
/// </summary>
public interface ICallerIdentityResolver
{
    CallerIdentity Resolve(ClaimsPrincipal? user);
}
