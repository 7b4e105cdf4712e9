using AwsMcp.Host.Redaction;
using AwsMcp.Host.Security;
using AwsMcp.Host.ToolCalls.Arguments;
using AwsMcp.Host.ToolCalls.Audit;
using AwsMcp.Host.ToolCalls.Audit.JsonLines;
using AwsMcp.Host.ToolCalls.Audit.S3;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Confirmation;
using AwsMcp.Host.ToolCalls.Execution;
using AwsMcp.Host.ToolCalls.FanOut;
using AwsMcp.Host.ToolCalls.Output;
using AwsMcp.Host.ToolCalls.Paging;
using AwsMcp.Host.ToolCalls.Targeting;
using AwsMcp.Host.ToolCalls.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AwsMcp.Host.ToolCalls;

/// <summary>Registers the pipeline and its stages; <see cref="ToolCallPipeline"/> says in which order a call goes through them.</summary>
public static class ToolCallPipelineRegistration
{
    public static IServiceCollection AddToolCallPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRedactor, SharedSecretRedactor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, LogAuditSink>());
        services.TryAddSingleton<AuditReplica>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuditSink, JsonLinesAuditSink>());
        services.AddS3AuditShipping(configuration);
        services.AddSingleton<AuditJournal>();
        services.AddSingleton<ToolPolicy>();
        services.AddSingleton<CallTargets>();
        services.AddSingleton<ServerKey>();
        services.AddSingleton<ConfirmationTokens>();
        services.AddSingleton<PageTokens>();
        services.AddSingleton<ConfirmationGate>();
        services.AddSingleton<ToolExecutor>();
        services.AddSingleton<FanOutTargets>();
        services.AddSingleton<FanOutRunner>();
        services.AddSingleton<OutputLimit>();
        services.AddSingleton<ToolCallTelemetry>();
        services.AddSingleton<ToolCallPipeline>();
        services.AddSingleton<PrototypeAliases>();
        services.AddSingleton<ToolCallFactory>();
        return services;
    }
}
