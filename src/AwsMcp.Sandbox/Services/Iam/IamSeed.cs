using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>
/// The seeded IAM estate. Every branch of the IAM tools has data: a role trusting <c>*</c>
/// (<c>legacy-partner-access</c>), a role requiring an ExternalId (<c>partner-audit</c>), a customer policy granting
/// <c>*</c> on <c>*</c> (<c>legacy-full-access</c>, attached to <c>admin-break-glass</c>), a console user without MFA
/// (<c>bob.dev</c>), a 412-day-old access key (<c>ci-bot</c>), a user with two keys (<c>carol.ops</c>) and a user idle
/// for 120 days (<c>dave.contractor</c>).
/// </summary>
public static class IamSeed
{
    public const string PartnerExternalId = "awsmcp-partner-7731";

    private const string Main = SandboxIdentities.DefaultAccount;
    private const string Second = SandboxIdentities.SecondAccount;
    private const string ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private const string AdministratorAccess = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string S3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    public static IamDirectory Build(DateTimeOffset seedTime)
    {
        DateTimeOffset DaysAgo(double days) => seedTime.AddDays(-days);
        var awsPolicies = AwsManagedPolicies(DaysAgo(2000));
        var mainAccount = new IamAccount(Main, MainRoles(DaysAgo), MainUsers(DaysAgo), CustomerPolicies(DaysAgo), awsPolicies);
        var secondAccount = new IamAccount(
            Second,
            [
                new IamRole
                {
                    Account = Second,
                    Name = "AwsMcpReadOnly",
                    Description = "Read-only access for the AwsMcp server from the operations account.",
                    CreateDate = DaysAgo(150),
                    TrustPolicy = Trust($$"""{"AWS":"arn:aws:iam::{{Main}}:root"}"""),
                    MaxSessionDuration = 43200,
                    AttachedPolicyArns = [ReadOnlyAccess],
                    LastUsed = new RoleLastUsed(DaysAgo(1), "us-east-1"),
                },
            ],
            [],
            [],
            awsPolicies);
        return new IamDirectory(new Dictionary<string, IamAccount> { [Main] = mainAccount, [Second] = secondAccount }, awsPolicies);
    }

    private static List<IamRole> MainRoles(Func<double, DateTimeOffset> daysAgo) =>
    [
        new()
        {
            Account = Main,
            Name = "AwsMcpOperator",
            Description = "Assumed by the AwsMcp server for day-to-day operations.",
            CreateDate = daysAgo(150),
            TrustPolicy = Trust($$"""{"AWS":"arn:aws:iam::{{Main}}:root"}"""),
            MaxSessionDuration = 43200,
            AttachedPolicyArns = [ReadOnlyAccess],
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["ec2-lifecycle"] = Policy("""{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances","ec2:RebootInstances"],"Resource":"*"}"""),
            },
            LastUsed = new RoleLastUsed(daysAgo(0.5), "us-east-1"),
        },
        new()
        {
            Account = Main,
            Name = "admin-break-glass",
            Description = "Emergency administrator access.",
            CreateDate = daysAgo(700),
            TrustPolicy = Trust($$"""{"AWS":"arn:aws:iam::{{Main}}:root"}""", ""","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"""),
            AttachedPolicyArns = [$"arn:aws:iam::{Main}:policy/legacy-full-access"],
            LastUsed = new RoleLastUsed(daysAgo(63), "us-east-1"),
        },
        new()
        {
            Account = Main,
            Name = "legacy-partner-access",
            Description = "Old integration role; trusts any principal.",
            CreateDate = daysAgo(1100),
            TrustPolicy = PolicyDocument.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"""),
            AttachedPolicyArns = [S3ReadOnly],
        },
        new()
        {
            Account = Main,
            Name = "partner-audit",
            Description = "Third-party auditor; requires the agreed ExternalId.",
            CreateDate = daysAgo(400),
            TrustPolicy = Trust($$"""{"AWS":["arn:aws:iam::{{Main}}:root","arn:aws:iam::999988887777:root"]}""", $$$""","Condition":{"StringEquals":{"sts:ExternalId":"{{{PartnerExternalId}}}"}}"""),
            AttachedPolicyArns = [ReadOnlyAccess],
            LastUsed = new RoleLastUsed(daysAgo(12), "eu-west-1"),
        },
        new()
        {
            Account = Main,
            Name = "lambda-orders-exec",
            Path = "/service-role/",
            Description = "Execution role of the orders functions.",
            CreateDate = daysAgo(320),
            TrustPolicy = Trust("""{"Service":"lambda.amazonaws.com"}"""),
            AttachedPolicyArns = [$"arn:aws:iam::{Main}:policy/orders-lambda-logs"],
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["orders-table-access"] = Policy($$"""{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:us-east-1:{{Main}}:table/orders"}"""),
            },
            LastUsed = new RoleLastUsed(daysAgo(0.1), "us-east-1"),
        },
        new()
        {
            Account = Main,
            Name = "ecs-web-api-task",
            Description = "Task role of the web-api ECS service.",
            CreateDate = daysAgo(280),
            TrustPolicy = Trust("""{"Service":"ecs-tasks.amazonaws.com"}"""),
            AttachedPolicyArns = [S3ReadOnly],
            LastUsed = new RoleLastUsed(daysAgo(0.2), "us-east-1"),
        },
        new()
        {
            Account = Main,
            Name = "ci-deploy",
            Description = "Deploys functions and artifacts from CI.",
            CreateDate = daysAgo(500),
            TrustPolicy = Trust($$"""{"AWS":"arn:aws:iam::{{Main}}:user/ci-bot"}"""),
            AttachedPolicyArns = [$"arn:aws:iam::{Main}:policy/ci-deploy-policy"],
            LastUsed = new RoleLastUsed(daysAgo(2), "us-east-1"),
        },
        new()
        {
            Account = Main,
            Name = "data-analyst",
            Description = "Analysts: read S3 except the finance buckets.",
            CreateDate = daysAgo(90),
            TrustPolicy = Trust($$"""{"AWS":"arn:aws:iam::{{Main}}:root"}"""),
            AttachedPolicyArns = [S3ReadOnly],
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["deny-finance-data"] = Policy("""{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::finance-*/*"}"""),
            },
        },
    ];

    private static List<IamUser> MainUsers(Func<double, DateTimeOffset> daysAgo) =>
    [
        new()
        {
            Account = Main,
            Name = "sandbox-operator",
            CreateDate = daysAgo(365),
            AccessKeys = [new IamAccessKey(SandboxIdentities.OperatorAccessKeyId, true, daysAgo(30), daysAgo(0), "sts", "us-east-1")],
            AttachedPolicyArns = [AdministratorAccess],
        },
        new()
        {
            Account = Main,
            Name = "alice.admin",
            CreateDate = daysAgo(900),
            LoginProfileCreated = daysAgo(900),
            PasswordLastUsed = daysAgo(1),
            MfaEnabledDates = [daysAgo(880)],
            AccessKeys = [new IamAccessKey(Key("alice.admin", 1), true, daysAgo(30), daysAgo(1), "ec2", "us-east-1")],
            AttachedPolicyArns = [AdministratorAccess],
        },
        new()
        {
            Account = Main,
            Name = "bob.dev",
            CreateDate = daysAgo(240),
            LoginProfileCreated = daysAgo(240),
            PasswordLastUsed = daysAgo(3),
            AccessKeys = [new IamAccessKey(Key("bob.dev", 1), true, daysAgo(45), daysAgo(3), "lambda", "eu-west-1")],
            AttachedPolicyArns = [ReadOnlyAccess],
        },
        new()
        {
            Account = Main,
            Name = "ci-bot",
            Path = "/automation/",
            CreateDate = daysAgo(600),
            AccessKeys = [new IamAccessKey(Key("ci-bot", 1), true, daysAgo(412), daysAgo(1), "s3", "us-east-1")],
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["assume-ci-deploy"] = Policy($$"""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{Main}}:role/ci-deploy"}"""),
            },
        },
        new()
        {
            Account = Main,
            Name = "carol.ops",
            CreateDate = daysAgo(500),
            LoginProfileCreated = daysAgo(500),
            PasswordLastUsed = daysAgo(0.5),
            MfaEnabledDates = [daysAgo(490), daysAgo(20)],
            AccessKeys =
            [
                new IamAccessKey(Key("carol.ops", 1), true, daysAgo(10), daysAgo(0.5), "logs", "us-east-1"),
                new IamAccessKey(Key("carol.ops", 2), false, daysAgo(95), daysAgo(11), "ec2", "ap-southeast-2"),
            ],
            AttachedPolicyArns = [ReadOnlyAccess, $"arn:aws:iam::{Main}:policy/ci-deploy-policy"],
        },
        new()
        {
            Account = Main,
            Name = "dave.contractor",
            CreateDate = daysAgo(300),
            LoginProfileCreated = daysAgo(300),
            PasswordLastUsed = daysAgo(120),
            MfaEnabledDates = [daysAgo(299)],
            AccessKeys = [new IamAccessKey(Key("dave.contractor", 1), true, daysAgo(290), daysAgo(121), "s3", "eu-west-1")],
            AttachedPolicyArns = [S3ReadOnly],
        },
        new()
        {
            Account = Main,
            Name = "reporting-svc",
            Path = "/automation/",
            CreateDate = daysAgo(60),
            AccessKeys = [new IamAccessKey(Key("reporting-svc", 1), true, daysAgo(60), null, null, null)],
            AttachedPolicyArns = [ReadOnlyAccess],
        },
    ];

    private static List<ManagedPolicy> CustomerPolicies(Func<double, DateTimeOffset> daysAgo) =>
    [
        Customer("legacy-full-access", "Grants everything; predates the least-privilege rollout.", daysAgo(700), """{"Effect":"Allow","Action":"*","Resource":"*"}"""),
        Customer("orders-lambda-logs", "Lets the orders functions write their logs.", daysAgo(320), $$"""{"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"arn:aws:logs:*:{{Main}}:log-group:/aws/lambda/orders-*"}"""),
        new ManagedPolicy
        {
            Owner = Main,
            Name = "ci-deploy-policy",
            Description = "Deploy Lambda code and artifacts; never IAM.",
            DefaultVersionId = "v3",
            Versions =
            [
                new("v1", Policy("""{"Effect":"Allow","Action":"lambda:*","Resource":"*"}"""), daysAgo(500)),
                new("v2", Policy("""{"Effect":"Allow","Action":["lambda:UpdateFunctionCode","s3:PutObject"],"Resource":"*"}"""), daysAgo(300)),
                new(
                    "v3",
                    Policy(
                        $$"""{"Sid":"DeployCode","Effect":"Allow","Action":["lambda:UpdateFunctionCode","lambda:GetFunction"],"Resource":"arn:aws:lambda:*:{{Main}}:function:*"}""",
                        """{"Sid":"Artifacts","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::awsmcp-artifacts/*"}""",
                        """{"Sid":"NoIam","Effect":"Deny","Action":"iam:*","Resource":"*"}"""),
                    daysAgo(40)),
            ],
        },
        Customer("unused-s3-writer", "Not attached to anything.", daysAgo(200), """{"Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::scratch-*/*"}"""),
    ];

    private static List<ManagedPolicy> AwsManagedPolicies(DateTimeOffset created) =>
    [
        Aws("AdministratorAccess", "Provides full access to AWS services and resources.", created, """{"Effect":"Allow","Action":"*","Resource":"*"}"""),
        Aws(
            "ReadOnlyAccess",
            "Provides read-only access to AWS services and resources.",
            created,
            """{"Effect":"Allow","Action":["ec2:Describe*","s3:Get*","s3:List*","iam:Get*","iam:List*","iam:SimulatePrincipalPolicy","lambda:Get*","lambda:List*","logs:Describe*","logs:Get*","logs:FilterLogEvents","logs:StartQuery","logs:StopQuery","ce:Get*","budgets:View*","budgets:Describe*","sts:GetCallerIdentity"],"Resource":"*"}"""),
        Aws("AmazonS3ReadOnlyAccess", "Provides read only access to all buckets via the AWS Management Console.", created, """{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}"""),
    ];

    private static ManagedPolicy Aws(string name, string description, DateTimeOffset created, string statement) =>
        new() { Owner = "aws", Name = name, Description = description, DefaultVersionId = "v1", Versions = [new("v1", Policy(statement), created)] };

    private static ManagedPolicy Customer(string name, string description, DateTimeOffset created, string statement) =>
        new() { Owner = Main, Name = name, Description = description, DefaultVersionId = "v1", Versions = [new("v1", Policy(statement), created)] };

    private static PolicyDocument Policy(params string[] statements) =>
        PolicyDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    private static PolicyDocument Trust(string principal, string condition = "") =>
        PolicyDocument.Parse($$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{condition}}}]}""");

    private static string Key(string user, int index) => Shared.SeedIds.Of("AKIA", $"{user}/{index}", 20);
}
