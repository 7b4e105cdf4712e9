using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Execution;
using AwsMcp.Host.ToolCalls.Output;
using AwsMcp.Host.ToolCalls.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwsMcp.Host.ToolCalls;

/// <summary>Registers the pipeline. The order of the steps below IS the order a call goes through.</summary>
public static class ToolCallPipelineRegistration
{
    public static IServiceCollection AddToolCallPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton<IRedactor, SecretNameRedactor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, LogAuditSink>());
        services.AddSingleton<ToolPolicy>();
        services.AddSingleton<AwsTargetResolver>();
        services.AddSingleton<ToolExecutor>();

        // 1. audit everything below, refusals included; 2. policy; 3. schema; 4. size of what comes back; then execute.
        services.AddSingleton<IToolCallStep, AuditStep>();
        services.AddSingleton<IToolCallStep, AuthorizationStep>();
        services.AddSingleton<IToolCallStep, ArgumentValidator>();
        services.AddSingleton<IToolCallStep, OutputGuard>();

        services.AddSingleton<ToolCallPipeline>();
        return services;
    }
}
