using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Lambda;

/// <summary>
/// The seeded functions: eight in account 123456789012 across the three seeded regions, one in 210987654321.
/// Environment variables hold secrets on purpose (DB_PASSWORD, API_KEY, and UPLOAD_TOKEN whose value looks like an AWS
/// secret key under a harmless name) so that redaction by name and by value can both be tested.
/// </summary>
public static class LambdaSeed
{
    public static readonly TimeSpan SlowInvocation = TimeSpan.FromMilliseconds(750);

    public static IReadOnlyList<LambdaFunction> Functions(DateTimeOffset seedTime)
    {
        const string Main = SandboxIdentities.DefaultAccount;
        DateTimeOffset DaysAgo(double days) => seedTime.AddDays(-days);
        return
        [
            new(Main, "us-east-1", "orders-api", "python3.12", "app.handler", 512, 30, "Orders REST API", DaysAgo(3), Env(("STAGE", "prod"), ("DB_HOST", "orders-db.cluster-c9akciq32.us-east-1.rds.amazonaws.com"), ("DB_PASSWORD", "Pr0d-0rders-pa55!"), ("LOG_LEVEL", "INFO")), InvokeBehavior.Echo),
            new(Main, "us-east-1", "orders-worker", "python3.12", "worker.handler", 1024, 300, "Processes the orders queue", DaysAgo(9), Env(("QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/orders"), ("API_KEY", "sk_live_51SandboxOrdersKey0000000000"), ("STAGE", "prod")), InvokeBehavior.Fail),
            new(Main, "us-east-1", "image-resizer", "nodejs20.x", "index.handler", 1536, 60, "Resizes uploaded images", DaysAgo(21), Env(("BUCKET", "awsmcp-images"), ("MAX_WIDTH", "2048")), InvokeBehavior.Slow),
            new(Main, "us-east-1", "billing-report", "java21", "com.example.billing.Handler::handleRequest", 2048, 900, "Monthly billing export", DaysAgo(40), Env(("REPORT_BUCKET", "awsmcp-reports"), ("UPLOAD_TOKEN", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSANDBOXKEY")), InvokeBehavior.Ok),
            new(Main, "eu-west-1", "auth-service", "dotnet8", "Auth::Auth.Function::Handler", 256, 10, "Token issuing for the EU site", DaysAgo(5), Env(("DB_PASSWORD", "eu-auth-S3cret!"), ("ISSUER", "https://auth.example.eu")), InvokeBehavior.Echo),
            new(Main, "eu-west-1", "gdpr-export", "python3.12", "export.handler", 512, 120, "Exports a customer's data on request", DaysAgo(60), Env(("EXPORT_BUCKET", "awsmcp-gdpr-exports")), InvokeBehavior.Ok),
            new(Main, "ap-southeast-2", "payments-sync", "nodejs20.x", "sync.handler", 512, 60, "Syncs payments with the APAC processor", DaysAgo(14), Env(("API_KEY", "apac-pay-5f2b9c7e1d"), ("REGION_CODE", "AU")), InvokeBehavior.Ok),
            new(Main, "ap-southeast-2", "metrics-exporter", "java21", "com.example.metrics.Export::handle", 1024, 120, "Exports metrics; reserved concurrency 0 (disabled)", DaysAgo(100), Env(("TARGET", "prometheus")), InvokeBehavior.Ok, ReservedConcurrency: 0),
            new(SandboxIdentities.SecondAccount, "us-east-1", "shared-reporting", "python3.12", "report.handler", 256, 60, "Reporting in the second account", DaysAgo(30), Env(("STAGE", "shared")), InvokeBehavior.Ok),
        ];
    }

    private static Dictionary<string, string> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(variable => variable.Name, variable => variable.Value, StringComparer.Ordinal);
}
