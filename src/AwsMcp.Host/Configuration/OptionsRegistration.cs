using AwsMcp.Host.Security;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Configuration;

/// <summary>Binds every options class from its section and validates it when the host starts.</summary>
public static class OptionsRegistration
{
    public static IServiceCollection AddAwsMcpOptions(this IServiceCollection services, IConfiguration configuration)
    {
        Add<PluginOptions>(services, configuration);
        Add<ToolOptions>(services, configuration);
        Add<McpOptions>(services, configuration);
        Add<AwsOptions>(services, configuration);
        Add<HttpOptions>(services, configuration);
        Add<SecurityOptions>(services, configuration);
        Add<PolicyOptions>(services, configuration);
        Add<FanOutOptions>(services, configuration);
        Add<AuditOptions>(services, configuration);
        Add<SharedStateOptions>(services, configuration);
        services.AddSingleton<IValidateOptions<HttpOptions>, NetworkExposureValidator>();
        return services;
    }

    private static void Add<T>(IServiceCollection services, IConfiguration configuration)
        where T : class, IValidatableOptions
    {
        services.AddOptions<T>().Bind(configuration.GetSection(T.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>, ValidatableOptionsValidator<T>>();
    }
}
