using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.SharedState;

/// <summary><c>AwsMcp:SharedState</c> is checked at start like every options class: a bad connection string stops the server with its key named.</summary>
public sealed class SharedStateOptionsTests : IDisposable
{
    private readonly PluginFolder _plugins = new PluginFolder().WithEcho();

    [Theory]
    [InlineData("127.0.0.1:6379,notakeyword=1", "Redis is not a StackExchange.Redis configuration string")]
    [InlineData(",", "Redis names no endpoint")]
    public void A_bad_connection_string_is_reported_with_its_key(string redis, string problem)
    {
        var result = new ValidatableOptionsValidator<SharedStateOptions>().Validate(null, new SharedStateOptions { Redis = redis });

        Assert.Contains(result.Failures!, failure => failure.StartsWith($"AwsMcp:SharedState: {problem}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_connection_string_and_none_are_accepted()
    {
        Assert.True(new ValidatableOptionsValidator<SharedStateOptions>().Validate(null, new SharedStateOptions()).Succeeded);
        Assert.True(new ValidatableOptionsValidator<SharedStateOptions>()
            .Validate(null, new SharedStateOptions { Redis = "redis.internal:6380,password=x,ssl=true,abortConnect=true" }).Succeeded);
    }

    [Fact(Timeout = 120_000)]
    public async Task Serve_with_a_malformed_connection_string_exits_2_naming_the_key()
    {
        var (exit, _, error) = await CliProcess.RunAsync(
            new Dictionary<string, string?> { ["AWSMCP__SharedState__Redis"] = "127.0.0.1:6379,notakeyword=1" },
            "serve", "--urls", "http://127.0.0.1:0", "--plugins", _plugins.Path);

        Assert.Equal(ExitCodes.InvalidConfiguration, exit);
        Assert.Contains("AwsMcp:SharedState: Redis is not a StackExchange.Redis configuration string", error);
    }

    public void Dispose() => _plugins.Dispose();
}
