using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// Fault injection for operators and out-of-process tests: <c>POST /.sandbox/faults</c> adds a rule, <c>DELETE</c>
/// removes them all. It exists only in the sandbox, which listens on 127.0.0.1 alone; the path cannot be an AWS
/// request (no bucket name starts with a dot). The body:
/// <c>{"service":"ce","operation":"GetCostAndUsage","fault":"throttling","times":3}</c>, where <c>operation</c> may
/// be <c>*</c>, <c>region</c> (optional) limits the rule to requests signed for that region, <c>fault</c> is <c>throttling</c>, <c>access-denied</c>, <c>internal-error</c>, <c>unavailable</c> or
/// <c>latency</c> (with <c>latency_ms</c>), and without <c>times</c> the rule holds until cleared.
/// </summary>
internal static class FaultEndpoint
{
    public const string Path = "/.sandbox/faults";

    public static async Task HandleAsync(HttpContext context, FaultInjector faults)
    {
        if (HttpMethods.IsDelete(context.Request.Method))
        {
            faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        string? problem;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            problem = Add(body.RootElement, faults);
        }
        catch (JsonException ex)
        {
            problem = $"the body is not JSON: {ex.Message}";
        }

        context.Response.StatusCode = problem is null ? StatusCodes.Status204NoContent : StatusCodes.Status400BadRequest;
        if (problem is not null)
        {
            await context.Response.WriteAsync(problem, context.RequestAborted);
        }
    }

    private static string? Add(JsonElement rule, FaultInjector faults)
    {
        string? Text(string name) => rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        int? Number(string name) => rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

        if (Text("service") is not { Length: > 0 } service)
        {
            return "service is required (the signing name: ec2, s3, lambda, logs, monitoring, ce, budgets, iam, sts, awsssoportal, eks-auth)";
        }

        var operation = Text("operation") is { Length: > 0 } named ? named : FaultInjector.AnyOperation;
        var region = Text("region") is { Length: > 0 } scoped ? scoped : null;
        var times = Number("times");
        if (times is <= 0)
        {
            return "times must be 1 or more (leave it out for a fault that holds until cleared)";
        }

        var kind = Text("fault");
        SandboxFault? fault = kind switch
        {
            "throttling" => SandboxFault.Throttling(service),
            "access-denied" => SandboxFault.AccessDenied(service),
            "internal-error" => SandboxFault.InternalError,
            "unavailable" => SandboxFault.ServiceUnavailable,
            _ => null,
        };

        if (fault is null && kind != "latency")
        {
            return $"fault '{kind}' is not one of throttling, access-denied, internal-error, unavailable, latency";
        }

        if (fault is null)
        {
            if (Number("latency_ms") is not { } milliseconds || milliseconds < 0)
            {
                return "latency_ms (0 or more) is required with fault latency";
            }

            faults.AddLatency(service, operation, TimeSpan.FromMilliseconds(milliseconds), times, region);
        }
        else if (times is { } count)
        {
            faults.FailNext(service, operation, fault, count, region);
        }
        else
        {
            faults.FailAlways(service, operation, fault, region);
        }

        return null;
    }
}
