using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.ManagementEvents;
using AwsMcp.Sandbox.Services.Ec2;
using AwsMcp.Sandbox.Services.Iam;
using AwsMcp.Sandbox.Services.S3;
using AwsMcp.Sandbox.Services.Shared;

namespace AwsMcp.Sandbox.Services.CloudTrail;

/// <summary>
/// The seeded account's recent history, consistent with the seeded estate and relative to
/// <see cref="SandboxContext.SeedTime"/>: the launches, stops and termination the EC2 seed shows (with a refused stop
/// and a refused change by the read-only <c>bob.dev</c>), a bastion change, Lambda configuration updates matching the
/// functions' last-modified dates, a bucket policy change, and IAM changes (global, so recorded in us-east-1),
/// by the seeded users and by sessions of the seeded roles. Two reads make the ReadOnly lookup meaningful.
/// UpdateFunctionConfiguration's request parameters hold the function's secrets, as a careless client's would.
/// </summary>
internal static class CloudTrailSeed
{
    private const string Main = SandboxIdentities.DefaultAccount;
    private const string Console = "AWS Internal";
    private const string Cli = "aws-cli/2.17.0 Python/3.11.8 Linux/6.5 exe/x86_64 command/ec2";
    private const string Terraform = "APN/1.0 HashiCorp/1.0 Terraform/1.9.5 aws-sdk-go-v2/1.30.3";

    public static IReadOnlyList<TrailEvent> Events(SandboxContext context)
    {
        var iam = IamDirectory.For(context).Account(Main);
        var at = context.SeedTime;
        var alice = User(iam, "alice.admin");
        var bob = User(iam, "bob.dev");
        var carol = User(iam, "carol.ops");
        var deploy = Session(iam, "ci-deploy", "github-actions");
        var operatorSession = Session(iam, "AwsMcpOperator", "awsmcp-ops");
        var seed = new List<TrailEvent>();

        void Add(string region, string source, string name, TrailIdentity who, DateTimeOffset time, string agent, TrailResource[] resources, JsonObject? parameters, JsonObject? response = null, string? error = null, bool readOnly = false) =>
            seed.Add(new TrailEvent(
                Guid.Parse(SeedIds.Hex($"trail/{region}/{name}/{seed.Count}", 32)).ToString(),
                time,
                region,
                source,
                name,
                readOnly,
                who,
                who.Type == "AssumedRole" ? "140.82.112.3" : "203.0.113.24",
                agent,
                resources,
                parameters,
                response,
                error,
                error is null ? null : $"You are not authorized to perform this operation. User: {who.Arn} is not authorized to perform: ec2:{name}"));

        void Ec2(string region, string name, TrailIdentity who, DateTimeOffset time, string instance, string? error = null, JsonObject? extra = null)
        {
            var id = InstanceId(region, instance);
            var parameters = extra ?? new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = id }) } };
            Add(region, "ec2.amazonaws.com", name, who, time, Cli, [new("AWS::EC2::Instance", id)], parameters, error: error);
        }

        const string east = "us-east-1";
        Ec2(east, "RunInstances", deploy, at.AddDays(-5), "ci-runner-1", extra: new JsonObject { ["instanceType"] = "t3.large", ["minCount"] = 2, ["maxCount"] = 2 });
        Ec2(east, "RunInstances", alice, at.AddMinutes(-2), "batch-staging-1", extra: new JsonObject { ["instanceType"] = "m6i.xlarge", ["minCount"] = 1, ["maxCount"] = 1 });
        Ec2(east, "StopInstances", alice, at.AddDays(-1), "dev-alice");
        Ec2(east, "StopInstances", bob, at.AddDays(-1).AddMinutes(-20), "dev-bob", error: "Client.UnauthorizedOperation");
        Ec2(east, "StopInstances", operatorSession, at.AddDays(-1), "dev-bob");
        Ec2(east, "StopInstances", operatorSession, at.AddDays(-1), "worker-prod-2");
        Ec2(east, "StopInstances", operatorSession, at.AddMinutes(-5), "api-prod-3");
        Ec2(east, "TerminateInstances", alice, at.AddMinutes(-10), "legacy-reporting");
        Ec2(east, "ModifyInstanceAttribute", bob, at.AddDays(-2), "bastion", error: "Client.UnauthorizedOperation", extra: new JsonObject { ["instanceId"] = InstanceId(east, "bastion"), ["instanceType"] = new JsonObject { ["value"] = "t3.large" } });
        Ec2(east, "ModifyInstanceAttribute", alice, at.AddDays(-3), "bastion", extra: new JsonObject { ["instanceId"] = InstanceId(east, "bastion"), ["disableApiTermination"] = new JsonObject { ["value"] = true } });
        Add(east, "ec2.amazonaws.com", "DescribeInstances", carol, at.AddHours(-1), Console, [], new JsonObject { ["maxResults"] = 1000 }, readOnly: true);

        void UpdateFunction(string region, string function, DateTimeOffset time, JsonObject environment) =>
            Add(region, "lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2", deploy, time, Terraform, [new("AWS::Lambda::Function", function)],
                new JsonObject { ["functionName"] = function, ["environment"] = new JsonObject { ["variables"] = environment } });

        UpdateFunction(east, "orders-api", at.AddDays(-3), new JsonObject { ["STAGE"] = "prod", ["DB_PASSWORD"] = "Pr0d-0rders-pa55!", ["LOG_LEVEL"] = "INFO" });
        UpdateFunction(east, "orders-worker", at.AddDays(-9), new JsonObject { ["API_KEY"] = "sk_live_51SandboxOrdersKey0000000000", ["STAGE"] = "prod" });
        UpdateFunction("eu-west-1", "auth-service", at.AddDays(-5), new JsonObject { ["DB_PASSWORD"] = "eu-auth-S3cret!", ["ISSUER"] = "https://auth.example.eu" });

        Add(east, "s3.amazonaws.com", "PutBucketPolicy", alice, at.AddDays(-6), Console, [new("AWS::S3::Bucket", S3SeedBuckets.PublicDownloads)],
            new JsonObject { ["bucketName"] = S3SeedBuckets.PublicDownloads, ["policy"] = "" });
        Add(east, "s3.amazonaws.com", "ListBuckets", carol, at.AddHours(-2), Console, [], new JsonObject(), readOnly: true);

        Add(east, "iam.amazonaws.com", "AttachRolePolicy", alice, at.AddDays(-20), Console, [new("AWS::IAM::Role", "admin-break-glass"), new("AWS::IAM::Policy", $"arn:aws:iam::{Main}:policy/legacy-full-access")],
            new JsonObject { ["roleName"] = "admin-break-glass", ["policyArn"] = $"arn:aws:iam::{Main}:policy/legacy-full-access" });
        var carolKey = iam.FindUser("carol.ops")!.AccessKeys[0];
        Add(east, "iam.amazonaws.com", "CreateAccessKey", carol, carolKey.CreateDate, Console, [new("AWS::IAM::AccessKey", carolKey.AccessKeyId), new("AWS::IAM::User", "carol.ops")],
            new JsonObject { ["userName"] = "carol.ops" },
            new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = carolKey.AccessKeyId, ["status"] = "Active", ["userName"] = "carol.ops", ["createDate"] = carolKey.CreateDate.ToString("O") } });

        const string west = "eu-west-1";
        Ec2(west, "StopInstances", operatorSession, at.AddDays(-1), "analytics-eu");
        Ec2("ap-southeast-2", "StopInstances", alice, at.AddDays(-1), "dev-syd");
        return seed;
    }

    /// <summary>The id <see cref="Ec2SeedInstances"/> gives the seeded instance <paramref name="name"/>.</summary>
    private static string InstanceId(string region, string name) => Ec2Ids.Seeded("i", $"{Main}/{region}/{name}");

    private static TrailIdentity User(IamAccount iam, string name)
    {
        var user = iam.FindUser(name)!;
        return new TrailIdentity("IAMUser", user.Arn, user.UserId, Main, user.AccessKeys[0].AccessKeyId, user.Name, IssuerArn: null);
    }

    private static TrailIdentity Session(IamAccount iam, string roleName, string session)
    {
        var role = iam.FindRole(roleName)!;
        return new TrailIdentity(
            "AssumedRole",
            $"arn:aws:sts::{Main}:assumed-role/{role.Name}/{session}",
            $"{role.RoleId}:{session}",
            Main,
            SeedIds.Of("ASIA", $"{role.Name}/{session}", 20),
            session,
            role.Arn);
    }
}
