using AwsMcp.Host.Security;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Configuration;

/// <summary>Binds every options class from its section and validates it when the host starts.</summary>
public static class OptionsRegistration
{
    // Each Bind names its options type, so that the configuration binding generator writes the binding code (a generic
    // Bind<T> would fall back to the reflection binder).
    public static IServiceCollection AddAwsMcpOptions(this IServiceCollection services, IConfiguration configuration)
    {
        ValidateOnStart(services.AddOptions<PluginOptions>().Bind(configuration.GetSection(PluginOptions.Section)));
        ValidateOnStart(services.AddOptions<ToolOptions>().Bind(configuration.GetSection(ToolOptions.Section)));
        ValidateOnStart(services.AddOptions<McpOptions>().Bind(configuration.GetSection(McpOptions.Section)));
        ValidateOnStart(services.AddOptions<AwsOptions>().Bind(configuration.GetSection(AwsOptions.Section)));
        ValidateOnStart(services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.Section)));
        ValidateOnStart(services.AddOptions<SecurityOptions>().Bind(configuration.GetSection(SecurityOptions.Section)));
        ValidateOnStart(services.AddOptions<PolicyOptions>().Bind(configuration.GetSection(PolicyOptions.Section)));
        ValidateOnStart(services.AddOptions<FanOutOptions>().Bind(configuration.GetSection(FanOutOptions.Section)));
        ValidateOnStart(services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section)));
        ValidateOnStart(services.AddOptions<SharedStateOptions>().Bind(configuration.GetSection(SharedStateOptions.Section)));
        services.AddSingleton<IValidateOptions<HttpOptions>, NetworkExposureValidator>();
        return services;
    }

    private static void ValidateOnStart<T>(OptionsBuilder<T> options)
        where T : class, IValidatableOptions
    {
        options.ValidateOnStart();
        options.Services.AddSingleton<IValidateOptions<T>, ValidatableOptionsValidator<T>>();
    }
}
