using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>The AMIs of every region: Amazon Linux 2023 (x86 and Arm), Ubuntu 24.04, Windows Server 2022, and a private golden image of the seeded account in two regions.</summary>
internal static class Ec2SeedImages
{
    public const string AmazonOwner = "137112412989";
    public const string AmazonWindowsOwner = "801119661308";
    public const string CanonicalOwner = "099720109477";

    public const string AmazonLinux2023 = "al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64";
    public const string AmazonLinux2023Arm = "al2023-ami-2023.6.20241121.0-kernel-6.1-arm64";
    public const string Ubuntu2404 = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241119";
    public const string WindowsServer2022 = "Windows_Server-2022-English-Full-Base-2024.11.13";
    public const string GoldenWeb = "awsmcp-golden-web-2026.10";

    public static IReadOnlyList<Ec2Image> For(string region, DateTimeOffset seedTime)
    {
        Ec2Image Image(string name, string description, string owner, string? alias, bool isPublic, string architecture, string? platform, int daysOld) =>
            new(Ec2Ids.Seeded("ami", $"{region}/{name}"), name, description, owner, alias, isPublic, architecture, platform, seedTime.AddDays(-daysOld));

        List<Ec2Image> images =
        [
            Image(AmazonLinux2023, "Amazon Linux 2023 AMI 2023.6.20241121.0 x86_64 HVM kernel-6.1", AmazonOwner, "amazon", true, "x86_64", null, 370),
            Image(AmazonLinux2023Arm, "Amazon Linux 2023 AMI 2023.6.20241121.0 arm64 HVM kernel-6.1", AmazonOwner, "amazon", true, "arm64", null, 370),
            Image(Ubuntu2404, "Canonical, Ubuntu, 24.04, amd64 noble image", CanonicalOwner, null, true, "x86_64", null, 372),
            Image(WindowsServer2022, "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon", AmazonWindowsOwner, "amazon", true, "x86_64", "windows", 378),
        ];
        if (region is "us-east-1" or "eu-west-1")
        {
            images.Add(Image(GoldenWeb, "Hardened web server image built by the platform team", SandboxIdentities.DefaultAccount, null, false, "x86_64", null, 40));
        }

        return images;
    }
}
