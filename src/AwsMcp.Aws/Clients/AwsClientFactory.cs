using System.Collections.Concurrent;
using System.Reflection;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsMcp.Abstractions;
using AwsMcp.Aws.Accounts;
using AwsMcp.Aws.Configuration;
using AwsMcp.Aws.Protocol;

namespace AwsMcp.Aws.Clients;

/// <summary>
/// One per tool pack (<see cref="For"/>): builds AWS SDK clients and protocol clients for a tool call's region and
/// account, tuned for a server (standard retry mode, bounded retries and timeouts, a user agent naming the product
/// and plugin), and keeps them, their connection pools and the assumed-role credentials for reuse by every tool class
/// of the pack. Thread-safe. The host disposes it with the pack when it unloads it, and warms it once the server
/// listens (<see cref="WarmUpAsync"/>).
/// </summary>
public sealed class AwsClientFactory : IDisposable, IAsyncDisposable, IWarmUp
{
    private readonly ConcurrentDictionary<AwsClientKey, Lazy<IDisposable>> _clients = new();
    private readonly Lazy<AWSCredentials> _baseCredentials;
    private readonly AssumedRoleCredentialCache _roleCache;
    private readonly string _appId;
    private readonly string _userAgent;

    public AwsClientFactory(ToolPackContext context)
        : this(context, baseCredentials: null)
    {
    }

    /// <param name="baseCredentials">The server's own credentials; null for Aws:Profile or the SDK's default chain. The sandbox passes its operator key here.</param>
    /// <param name="roleAssumer">How named accounts get credentials; null for STS AssumeRole.</param>
    /// <param name="time">Clock for credential expiry.</param>
    public AwsClientFactory(
        ToolPackContext context, AWSCredentials? baseCredentials, IRoleAssumer? roleAssumer = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = AwsAccessOptions.FromSettings(context.Settings);
        Environment = new AwsEnvironment(Options);
        // PublicationOnly: a failure (no credentials yet, e.g. before `aws sso login`) is not remembered.
        _baseCredentials = baseCredentials is null
            ? new Lazy<AWSCredentials>(Environment.ResolveBaseCredentials, LazyThreadSafetyMode.PublicationOnly)
            : new Lazy<AWSCredentials>(baseCredentials);
        _roleCache = new AssumedRoleCredentialCache(roleAssumer ?? new StsRoleAssumer(BaseStsFor), time);
        _appId = AppId(context.PluginName);
        var version = typeof(AwsClientFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        _userAgent = $"awsmcp/{version.Split('+')[0]} md/plugin#{_appId} app/{_appId}";
    }

    public AwsAccessOptions Options { get; }

    /// <summary>The pack's shared factory, created on first use and disposed when the pack unloads.</summary>
    public static AwsClientFactory For(ToolPackContext pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return pack.GetOrCreate(static context => new AwsClientFactory(context));
    }

    public AwsEnvironment Environment { get; }

    public IAmazonEC2 Ec2(ToolContext ctx) =>
        GetOrCreate(ctx, "EC2", "ec2", (credentials, region, endpoint) => NewEc2(credentials, region, endpoint));

    public IAmazonS3 S3(ToolContext ctx) =>
        GetOrCreate(ctx, "S3", "s3", (credentials, region, endpoint) => NewS3(credentials, region, endpoint));

    public IAmazonSecurityTokenService Sts(ToolContext ctx) =>
        GetOrCreate(ctx, "STS", "sts", (credentials, region, endpoint) =>
            new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig(), region, endpoint)));

    /// <summary>A protocol client for a service with no SDK package here (Lambda, Logs, Cost Explorer, Budgets, IAM).</summary>
    public AwsProtocolClient Protocol(AwsServiceModel model, ToolContext ctx)
    {
        ArgumentNullException.ThrowIfNull(model);
        return GetOrCreate(ctx, model.ServiceId, model.SigningName, (credentials, region, endpoint) =>
            new AwsProtocolClient(model, credentials, new AwsProtocolClientOptions
            {
                Region = region,
                ServiceUrl = endpoint?.ToString(),
                MaxErrorRetry = Options.MaxErrorRetry,
                Timeout = Options.Timeout,
                UserAgent = _userAgent,
            }));
    }

    /// <summary>The region a call targets: the tool's region, else the account's, else the configured or SDK default.</summary>
    public string Region(ToolContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Environment.ResolveRegion(ctx.Region ?? Account(ctx)?.Region);
    }

    /// <summary>The credentials a call signs with: the account's assumed role for this caller, else the server's own.</summary>
    public AWSCredentials Credentials(ToolContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Account(ctx) is { } account
            ? new CachedRoleCredentials(_roleCache, account, ctx.Caller.Id)
            : _baseCredentials.Value;
    }

    /// <summary>
    /// Resolves the server's credentials and sends one STS <c>GetCallerIdentity</c> (free, allowed to every principal,
    /// changes nothing) with the client the default region's calls will use, so that the SDK's request pipeline,
    /// signer and connection are ready before the first tool call instead of during it; then compiles the largest SDK
    /// code a first EC2 or S3 call meets without sending anything (<see cref="OfflineSdkWarmUp"/>).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await CallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        await OfflineSdkWarmUp.OnceAsync(() => WarmUpOffline()).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The offline part of <see cref="WarmUpAsync"/>, every time it is called: returns the S3 endpoint the default
    /// region's S3 client addresses, resolved as that client resolves it.
    /// </summary>
    internal Uri WarmUpOffline()
    {
        var endpoint = Environment.ResolveEndpointOverride("S3", "s3");
        return OfflineSdkWarmUp.Run(Environment.ResolveRegion(null), endpoint, forcePathStyle: ForcePathStyle(endpoint));
    }

    /// <summary>
    /// Who the server's own credentials are, in the default region: the SDK's <c>GetCallerIdentity</c>. Throws
    /// <see cref="ToolException"/> (saying what to set) when no region or credentials are configured.
    /// </summary>
    public async Task<(string Region, GetCallerIdentityResponse Identity)> CallerIdentityAsync(CancellationToken cancellationToken)
    {
        var credentials = _baseCredentials.Value;
        await credentials.GetCredentialsAsync().ConfigureAwait(false);
        var region = Environment.ResolveRegion(null);
        var endpoint = Environment.ResolveEndpointOverride("STS", "sts");
        var key = new AwsClientKey(typeof(AmazonSecurityTokenServiceClient), "STS", region, null, null, endpoint);
        var sts = (IAmazonSecurityTokenService)Get(key, () =>
            new AmazonSecurityTokenServiceClient(credentials, Configure(new AmazonSecurityTokenServiceConfig(), region, endpoint)));
        return (region, await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(client => client.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private TClient GetOrCreate<TClient>(
        ToolContext ctx, string serviceId, string signingName, Func<AWSCredentials, string, Uri?, TClient> create)
        where TClient : class, IDisposable
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var account = Account(ctx);
        var region = Region(ctx);
        var endpoint = Environment.ResolveEndpointOverride(serviceId, signingName);
        var key = new AwsClientKey(typeof(TClient), serviceId, region, account?.Name, account is null ? null : ctx.Caller.Id, endpoint);
        return (TClient)Get(key, () => create(Credentials(ctx), region, endpoint));
    }

    // One client per key even under concurrent first use; a failed creation is forgotten so the next call retries.
    private IDisposable Get(AwsClientKey key, Func<IDisposable> create)
    {
        var lazy = _clients.GetOrAdd(key, _ => new Lazy<IDisposable>(create));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _clients.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private AwsAccountOptions? Account(ToolContext ctx)
    {
        if (string.IsNullOrWhiteSpace(ctx.Account))
        {
            return null;
        }

        if (Options.Accounts.TryGetValue(ctx.Account.Trim(), out var account))
        {
            return account;
        }

        var known = Options.Accounts.Count == 0 ? "none are configured" : "configured: " + string.Join(", ", Options.Accounts.Keys.Order());
        throw new ToolException($"Unknown account '{ctx.Account}' ({known}).");
    }

    // AssumeRole is called with the server's own credentials, in the account's region when it has one.
    private IAmazonSecurityTokenService BaseStsFor(AwsAccountOptions account)
    {
        var region = Environment.ResolveRegion(account.Region);
        var endpoint = Environment.ResolveEndpointOverride("STS", "sts");
        var key = new AwsClientKey(typeof(AmazonSecurityTokenServiceClient), "STS", region, Account: null, Caller: null, endpoint);
        return (IAmazonSecurityTokenService)Get(key, () =>
            new AmazonSecurityTokenServiceClient(_baseCredentials.Value, Configure(new AmazonSecurityTokenServiceConfig(), region, endpoint)));
    }

    private AmazonEC2Client NewEc2(AWSCredentials credentials, string region, Uri? endpoint) =>
        new(credentials, Configure(new AmazonEC2Config(), region, endpoint));

    private AmazonS3Client NewS3(AWSCredentials credentials, string region, Uri? endpoint)
    {
        var config = Configure(new AmazonS3Config(), region, endpoint);
        config.ForcePathStyle = ForcePathStyle(endpoint);
        return new AmazonS3Client(credentials, config);
    }

    // Emulators and local endpoints have no per-bucket DNS names, so virtual-host addressing cannot work there.
    private static bool ForcePathStyle(Uri? endpoint) => endpoint is not null;

    private TConfig Configure<TConfig>(TConfig config, string region, Uri? endpoint)
        where TConfig : ClientConfig
    {
        if (endpoint is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }

        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = Options.MaxErrorRetry;
        config.Timeout = Options.Timeout;
        config.ClientAppId = _appId;
        return config;
    }

    /// <summary>The SDK sends ClientAppId as <c>app/&lt;id&gt;</c> in the User-Agent: at most 50 characters, no spaces.</summary>
    private static string AppId(string pluginName)
    {
        var sanitized = new string(pluginName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? char.ToLowerInvariant(c) : '-').ToArray());
        var id = "awsmcp-" + sanitized;
        return id.Length <= 50 ? id : id[..50];
    }
}
