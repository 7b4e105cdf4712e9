using Amazon.EC2.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Clients;
using AwsMcp.Aws.Collections;
using AwsMcp.Aws.Tools;

namespace AwsMcp.Compute.Ec2;

/// <summary>
/// The image aliases create_ec2_instance accepts instead of an AMI id, resolved per region through DescribeImages
/// (AMI ids differ in every region). Built-in aliases can be replaced and new ones added with plugin settings
/// <c>Plugin:ImageAliases:&lt;alias&gt; = &lt;owner&gt;/&lt;name pattern&gt;</c>, e.g.
/// <c>AwsMcp:Plugins:Settings:AwsMcp.Compute:ImageAliases:golden = self/acme-golden-*</c>.
/// </summary>
internal sealed class ImageAliases
{
    public const string SettingPrefix = "Plugin:ImageAliases:";

    private static readonly ImageAlias[] BuiltIn =
    [
        new("al2023", "amazon", "al2023-ami-2023.*-kernel-6.1-x86_64"),
        new("al2023-arm64", "amazon", "al2023-ami-2023.*-kernel-6.1-arm64"),
        new("ubuntu-24.04", "099720109477", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"),
        new("windows-2022", "amazon", "Windows_Server-2022-English-Full-Base-*"),
    ];

    private readonly Dictionary<string, ImageAlias> _aliases;
    private readonly AwsClientFactory _aws;

    public ImageAliases(ToolPackContext pack, AwsClientFactory aws)
    {
        _aws = aws;
        _aliases = BuiltIn.ToDictionary(alias => alias.Alias, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pack.Settings.Where(setting => setting.Key.StartsWith(SettingPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            var alias = key[SettingPrefix.Length..];
            var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            if (alias.Length == 0 || slash <= 0 || slash == value!.Length - 1)
            {
                throw new ToolException($"Invalid setting {key}: expected '<owner>/<image name pattern>', e.g. 'amazon/al2023-ami-2023.*-kernel-6.1-x86_64'.");
            }

            _aliases[alias] = new ImageAlias(alias, value[..slash], value[(slash + 1)..]);
        }
    }

    /// <summary>The aliases, for descriptions and errors.</summary>
    public string Names => string.Join(", ", _aliases.Keys.Order(StringComparer.Ordinal));

    /// <summary>An AMI id as given, or the newest image of an alias in the call's region.</summary>
    public async Task<(string ImageId, string? Alias)> ResolveAsync(ToolContext ctx, string image)
    {
        if (image.StartsWith("ami-", StringComparison.Ordinal))
        {
            return (image, null);
        }

        if (!_aliases.TryGetValue(image, out var alias))
        {
            throw new ToolArgumentException("image", $"'{image}' is neither an AMI id (ami-…) nor an allowed alias; allowed aliases: {Names}.");
        }

        var request = new DescribeImagesRequest
        {
            Owners = [alias.Owner],
            Filters = [new Filter("name", [alias.NamePattern]), new Filter("state", ["available"])],
        };
        var response = await AwsCall.SdkAsync(ctx, _aws.Target(ctx, "ec2", "DescribeImages"), ct => _aws.Ec2(ctx).DescribeImagesAsync(request, ct));
        // CreationDate is ISO 8601 text, so ordinal order is time order.
        var newest = response.Images.OrEmpty().OrderByDescending(found => found.CreationDate, StringComparer.Ordinal).FirstOrDefault()
            ?? throw new ToolException($"Image alias '{alias.Alias}' matches no available image of owner {alias.Owner} named '{alias.NamePattern}' in {_aws.Region(ctx)}.");
        return (newest.ImageId, alias.Alias);
    }
}
