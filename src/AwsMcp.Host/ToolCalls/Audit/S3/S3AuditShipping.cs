using Amazon;
using Amazon.S3;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Audit.S3;

/// <summary>Registers <see cref="S3AuditShipper"/> when an audit bucket is configured, with its own S3 client.</summary>
public static class S3AuditShipping
{
    public static IServiceCollection AddS3AuditShipping(this IServiceCollection services, IConfiguration configuration)
    {
        var audit = configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new();
        if (audit.Bucket is null)
        {
            return services;
        }

        services.AddHostedService(provider => new S3AuditShipper(
            provider.GetRequiredService<IOptions<AuditOptions>>(),
            CreateClient(provider.GetRequiredService<IOptions<AuditOptions>>().Value, provider.GetRequiredService<IOptions<AwsOptions>>().Value),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Hosting.BackgroundHealth>(),
            provider.GetRequiredService<ILogger<S3AuditShipper>>()));
        return services;
    }

    /// <summary>The server's own credentials (default chain) against AWS, or against <c>S3ServiceUrl</c> path-style.</summary>
    private static AmazonS3Client CreateClient(AuditOptions audit, AwsOptions aws)
    {
        var region = audit.S3Region ?? aws.Region;
        var config = new AmazonS3Config();
        if (audit.S3ServiceUrl is { Length: > 0 } url)
        {
            config.ServiceURL = url;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonS3Client(config);
    }
}
