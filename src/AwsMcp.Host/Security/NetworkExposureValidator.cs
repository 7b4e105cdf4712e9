using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Security;

/// <summary>
/// Refuses to start a server that other machines can reach while nobody has to authenticate, unless the operator
/// said <c>--insecure</c>: the tools act on AWS with the server's own credentials.
/// </summary>
public sealed class NetworkExposureValidator(IOptions<SecurityOptions> security) : IValidateOptions<HttpOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpOptions options) =>
        options.ListensBeyondLoopback() && !options.AllowNonLoopback && !security.Value.AuthenticationEnabled
            ? ValidateOptionsResult.Fail(
                $"{HttpOptions.Section}: Urls '{options.Urls}' is not a loopback address and no authentication is configured; " +
                $"configure {SecurityOptions.Section}:ApiKeys or {SecurityOptions.Section}:Jwt, bind to 127.0.0.1, " +
                "or pass --insecure (AwsMcp:Http:AllowNonLoopback=true) to expose it anyway.")
            : ValidateOptionsResult.Success;
}
