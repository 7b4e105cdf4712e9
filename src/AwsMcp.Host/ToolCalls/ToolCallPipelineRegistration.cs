using AwsMcp.Host.Telemetry;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using AwsMcp.Host.ToolCalls.Audit.S3;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.ToolCalls.Execution;
using AwsMcp.Host.ToolCalls.Output;
using AwsMcp.Host.ToolCalls.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwsMcp.Host.ToolCalls;

/// <summary>Registers the pipeline. The order of the steps below IS the order a call goes through.</summary>
public static class ToolCallPipelineRegistration
{
    public static IServiceCollection AddToolCallPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRedactor, SharedSecretRedactor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, LogAuditSink>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, JsonLinesAuditSink>());
        services.AddS3AuditShipping(configuration);
        services.AddSingleton<ToolPolicy>();
        services.AddSingleton<ConfirmationReplayCache>();
        services.AddSingleton<ConfirmationTokens>();
        services.AddSingleton<AwsTargetResolver>();
        services.AddSingleton<ToolExecutor>();
        services.AddSingleton<ToolCallTelemetry>();

        // 0. trace and measure the whole call; 1. audit everything below, refusals included; 2. redact whatever
        // comes back; 3. policy; 4. schema; 5. plan-and-confirm destructive calls; 6. size of what comes back; then execute.
        services.AddSingleton<IToolCallStep, TelemetryStep>();
        services.AddSingleton<IToolCallStep, AuditStep>();
        services.AddSingleton<IToolCallStep, OutputRedaction>();
        services.AddSingleton<IToolCallStep, AuthorizationStep>();
        services.AddSingleton<IToolCallStep, ArgumentValidator>();
        services.AddSingleton<IToolCallStep, ConfirmationStep>();
        services.AddSingleton<IToolCallStep, OutputGuard>();

        services.AddSingleton<ToolCallPipeline>();
        return services;
    }
}
