namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>An AMI: public ones from Amazon and Canonical in every region, private ones owned by a seeded account.</summary>
/// <param name="OwnerAlias">"amazon" for Amazon's images, null for other owners.</param>
/// <param name="Platform">"windows" for Windows images, null otherwise (as EC2 reports it).</param>
internal sealed record Ec2Image(
    string ImageId,
    string Name,
    string Description,
    string OwnerId,
    string? OwnerAlias,
    bool IsPublic,
    string Architecture,
    string? Platform,
    DateTimeOffset CreationDate);
