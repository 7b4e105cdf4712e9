using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// The seeded account's instances: 15 in us-east-1 (more than a 5-item page, every state, a shared reservation,
/// public addresses, a bastion whose user data holds a fake secret), 5 in eu-west-1 and 3 in ap-southeast-2.
/// Launch times are relative to <see cref="SandboxContext.SeedTime"/>.
/// </summary>
internal static class Ec2SeedInstances
{
    /// <summary>
    /// The bastion's user data (before base64). The key is AWS's documented example secret and the password is made up:
    /// plugins that show user data must redact them, and tests look for them.
    /// </summary>
    public const string BastionUserData =
        "#!/bin/bash\nexport DB_PASSWORD='Sandbox-Fake-Password-7f3c'\n"
        + "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nyum install -y postgresql16\n";

    private static readonly Seed[] UsEast1 =
    [
        new("web-prod-1", "prod", "platform-team", "t3.medium", Ec2SeedImages.AmazonLinux2023, 0, "running", "3.80.10.11", 120, "web-prod"),
        new("web-prod-2", "prod", "platform-team", "t3.medium", Ec2SeedImages.AmazonLinux2023, 1, "running", "3.80.10.12", 120, "web-prod"),
        new("web-prod-3", "prod", "platform-team", "t3.medium", Ec2SeedImages.GoldenWeb, 2, "running", "3.80.10.13", 30),
        new("api-prod-1", "prod", "api-team", "m6i.large", Ec2SeedImages.AmazonLinux2023, 0, "running", null, 60),
        new("api-prod-2", "prod", "api-team", "m6i.large", Ec2SeedImages.AmazonLinux2023, 1, "running", null, 60),
        new("api-prod-3", "prod", "api-team", "m6i.large", Ec2SeedImages.AmazonLinux2023, 2, "stopping", null, 60),
        new("worker-prod-1", "prod", "data-team", "c6g.xlarge", Ec2SeedImages.AmazonLinux2023Arm, 0, "running", null, 30),
        new("worker-prod-2", "prod", "data-team", "c6g.xlarge", Ec2SeedImages.AmazonLinux2023Arm, 1, "stopped", null, 30),
        new("batch-staging-1", "staging", "data-team", "m6i.xlarge", Ec2SeedImages.Ubuntu2404, 0, "pending", null, 0),
        new("bastion", "prod", "security-team", "t3.micro", Ec2SeedImages.AmazonLinux2023, 0, "running", "54.210.1.20", 200, UserData: BastionUserData),
        new("dev-alice", "dev", "alice", "t3.small", Ec2SeedImages.Ubuntu2404, 1, "stopped", null, 15),
        new("dev-bob", "dev", "bob", "t3.small", Ec2SeedImages.Ubuntu2404, 2, "stopped", null, 10),
        new("legacy-reporting", "prod", "finance", "m5.large", Ec2SeedImages.WindowsServer2022, 0, "terminated", null, 400),
        new("ci-runner-1", "staging", "platform-team", "t3.large", Ec2SeedImages.Ubuntu2404, 1, "running", null, 5, "ci-runners"),
        new("ci-runner-2", "staging", "platform-team", "t3.large", Ec2SeedImages.Ubuntu2404, 2, "running", null, 5, "ci-runners"),
    ];

    private static readonly Seed[] EuWest1 =
    [
        new("web-eu-1", "prod", "platform-team", "t3.medium", Ec2SeedImages.GoldenWeb, 0, "running", "34.240.5.10", 45, "web-eu"),
        new("web-eu-2", "prod", "platform-team", "t3.medium", Ec2SeedImages.GoldenWeb, 1, "running", "34.240.5.11", 45, "web-eu"),
        new("api-eu-1", "prod", "api-team", "m6i.large", Ec2SeedImages.AmazonLinux2023, 2, "running", null, 50),
        new("analytics-eu", "staging", "data-team", "r6i.large", Ec2SeedImages.Ubuntu2404, 0, "stopped", null, 80),
        new("old-etl-eu", "dev", "data-team", "m5.large", Ec2SeedImages.AmazonLinux2023, 1, "terminated", null, 300),
    ];

    private static readonly Seed[] ApSoutheast2 =
    [
        new("web-syd-1", "prod", "platform-team", "t3.medium", Ec2SeedImages.AmazonLinux2023, 0, "running", "13.210.7.7", 20),
        new("dev-syd", "dev", "carol", "t3.small", Ec2SeedImages.Ubuntu2404, 1, "stopped", null, 12),
        new("bi-syd", "prod", "finance", "m5.xlarge", Ec2SeedImages.WindowsServer2022, 2, "running", null, 150),
    ];

    public static void Populate(Ec2RegionState state, IReadOnlyList<Ec2Image> images, DateTimeOffset seedTime)
    {
        if (state.Account != SandboxIdentities.DefaultAccount)
        {
            return;
        }

        var seeds = state.Region switch
        {
            "us-east-1" => UsEast1,
            "eu-west-1" => EuWest1,
            "ap-southeast-2" => ApSoutheast2,
            _ => [],
        };
        for (var index = 0; index < seeds.Length; index++)
        {
            state.Instances.Add(Create(state, images, seeds[index], index, seedTime));
        }
    }

    private static Ec2Instance Create(Ec2RegionState state, IReadOnlyList<Ec2Image> images, Seed seed, int index, DateTimeOffset seedTime)
    {
        var subnet = state.Subnets[seed.Zone];
        var launched = seed.DaysAgo == 0 ? seedTime.AddMinutes(-2) : seedTime.AddDays(-seed.DaysAgo);
        var instance = new Ec2Instance
        {
            InstanceId = Ec2Ids.Seeded("i", $"{state.Account}/{state.Region}/{seed.Name}"),
            ReservationId = Ec2Ids.Seeded("r", $"{state.Account}/{state.Region}/{seed.Reservation ?? seed.Name}"),
            OwnerId = state.Account,
            Region = state.Region,
            Image = images.Single(i => i.Name == seed.ImageName),
            InstanceType = seed.InstanceType,
            Subnet = subnet,
            PrivateIpAddress = $"172.31.{subnet.ThirdOctetBase + 1}.{10 + index}",
            AssignedPublicIp = seed.PublicIp,
            KeyName = seed.Environment == "dev" ? $"{seed.Owner}-laptop" : "ops-" + seed.Environment,
            SecurityGroupIds = [state.DefaultSecurityGroupId],
            Tags = [new("Name", seed.Name), new("Environment", seed.Environment), new("Owner", seed.Owner)],
            UserData = seed.UserData is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(seed.UserData)),
            LaunchTime = launched,
            State = Ec2InstanceState.Running,
        };

        switch (seed.State)
        {
            case "stopped":
                instance.Stop(seedTime.AddDays(-1));
                break;
            case "terminated":
                instance.Terminate(seedTime.AddMinutes(-10));
                break;
            case "pending":
                instance.BeginTransition(Ec2InstanceState.Pending, Ec2InstanceState.Running, DateTimeOffset.MaxValue);
                break;
            case "stopping":
                instance.BeginTransition(Ec2InstanceState.Stopping, Ec2InstanceState.Stopped, DateTimeOffset.MaxValue);
                break;
        }

        instance.Settle(seedTime);
        return instance;
    }

    /// <param name="Zone">Index of the availability zone (a, b, c).</param>
    /// <param name="Reservation">Instances naming the same reservation were launched together.</param>
    private sealed record Seed(
        string Name,
        string Environment,
        string Owner,
        string InstanceType,
        string ImageName,
        int Zone,
        string State,
        string? PublicIp,
        int DaysAgo,
        string? Reservation = null,
        string? UserData = null);
}
