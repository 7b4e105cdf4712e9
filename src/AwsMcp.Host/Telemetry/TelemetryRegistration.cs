using System.Runtime.CompilerServices;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Mcp;
using AwsMcp.Host.ToolCalls.Telemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AwsMcp.Host.Telemetry;

/// <summary>
/// Exports traces, metrics and logs with the OpenTelemetry SDK, configured by the standard variables:
/// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, ...), and the console when
/// <c>AwsMcp:Telemetry:ConsoleExporter=true</c>. With neither, nothing is registered and the instrumentation costs
/// next to nothing.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <param name="services">The host's services.</param>
    /// <param name="configuration">Configuration, environment variables included.</param>
    /// <param name="stdoutCarriesProtocol">True for stdio: the console exporter would corrupt the MCP stream, so it is refused.</param>
    public static IServiceCollection AddAwsMcpTelemetryExport(this IServiceCollection services, IConfiguration configuration, bool stdoutCarriesProtocol)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var console = configuration.GetValue<bool>($"{ConfigurationSections.Telemetry}:ConsoleExporter") && !stdoutCarriesProtocol;
        return otlp || console ? AddExport(services, otlp, console) : services;
    }

    // Apart, so that a server without export never loads the OpenTelemetry assemblies (the JIT loads what a method
    // it compiles refers to): measured 1.5 MiB of idle memory.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IServiceCollection AddExport(IServiceCollection services, bool otlp, bool console)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("awsmcp", serviceVersion: McpServerRegistration.ServerVersion))
            .WithTracing(tracing =>
            {
                // HTTP client spans include the AWS SDK's requests: plugins share the framework's System.Net.Http.
                tracing.AddSource(ToolCallTelemetry.Name, ToolCallTelemetry.McpSdkName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ToolCallTelemetry.Name, ToolCallTelemetry.McpSdkName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        // Logs (the audit lines among them) reach the collector too; the console already shows them.
        if (otlp)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter());
        }

        return services;
    }
}
