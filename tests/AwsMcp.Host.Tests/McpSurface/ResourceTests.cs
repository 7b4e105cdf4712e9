using AwsMcp.Abstractions;
using AwsMcp.Host.Mcp.Resources;
using AwsMcp.Host.Tests.Infrastructure;
using AwsMcp.Host.ToolCalls;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AwsMcp.Host.Tests.McpSurface;

/// <summary>A pack's <c>[Resource]</c>s and <c>[ResourceTemplate]</c>s through the real host: listed, read as audited calls, subscribed.</summary>
public sealed class ResourceTests(ConformanceServerFixture fixture) : IClassFixture<ConformanceServerFixture>
{
    [Fact]
    public async Task Resources_and_templates_are_listed()
    {
        await using var client = await fixture.ConnectAsync();

        var resources = (await client.ListResourcesAsync()).ToDictionary(r => r.Uri);
        var template = Assert.Single(await client.ListResourceTemplatesAsync());

        Assert.Equal(["test://static-binary", "test://static-text", "test://watched-resource"], resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("text/plain", resources["test://static-text"].MimeType);
        Assert.Equal("static_text", resources["test://static-text"].Name);
        Assert.Equal("test://template/{id}/data", template.UriTemplate);
        Assert.Equal("application/json", template.MimeType);
    }

    [Fact]
    public async Task Text_binary_and_template_resources_are_read_and_audited()
    {
        await using var client = await fixture.ConnectAsync();

        var text = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("test://static-text")).Contents));
        var binary = Assert.IsType<BlobResourceContents>(Assert.Single((await client.ReadResourceAsync("test://static-binary")).Contents));
        var templated = Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("test://template/a%20b/data")).Contents));

        Assert.Equal("This is the content of the static text resource.", text.Text);
        Assert.Equal("test://static-text", text.Uri);
        Assert.Equal("image/png", binary.MimeType);
        Assert.Equal((byte)'P', binary.DecodedData.Span[1]);
        Assert.Equal("""{"id":"a b","templateTest":true,"data":"Data for ID: a b"}""", templated.Text);
        Assert.Equal("test://template/a%20b/data", templated.Uri);
        Assert.Contains(fixture.Server.Audit.Records, r => r.Tool == "template_data" && r.Feature == ToolKind.ResourceTemplate && r.Arguments == """{"id":"a b"}""");
    }

    [Fact]
    public async Task An_unknown_uri_is_resource_not_found_with_a_suggestion()
    {
        await using var client = await fixture.ConnectAsync();

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("test://static-txt").AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
        Assert.Contains("test://static-text", error.Message);
    }

    [Fact]
    public async Task Policy_hides_and_refuses_a_denied_resource()
    {
        using var plugins = new PluginFolder().WithConformance();
        await using var server = await InProcessServer.StartAsync(plugins, new Dictionary<string, string?> { ["AwsMcp:Tools:Deny:0"] = "static_*" });
        await using var client = await server.ConnectAsync("2025-06-18");

        var listed = await client.ListResourcesAsync();
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("test://static-text").AsTask());

        Assert.Equal(["test://watched-resource"], listed.Select(r => r.Uri));
        Assert.Contains("AwsMcp:Tools:Deny", refused.Message);
        Assert.Contains(server.Audit.Records, r => r.Tool == "static_text" && r.Outcome == ToolCallOutcome.Refused);
    }

    [Fact]
    public async Task A_subscriber_is_told_when_a_subscribed_resource_changes()
    {
        var updated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = await fixture.ConnectAsync(new McpClientHandlers
        {
            NotificationHandlers =
            [
                new(NotificationMethods.ResourceUpdatedNotification, (notification, _) =>
                {
                    updated.TrySetResult(notification.Params!["uri"]!.GetValue<string>());
                    return ValueTask.CompletedTask;
                }),
            ],
        });
        var subscriptions = fixture.Server.Service<ResourceSubscriptions>();

        await client.SubscribeToResourceAsync("test://watched-resource");
        await subscriptions.PollAsync(CancellationToken.None); // records the content
        await subscriptions.PollAsync(CancellationToken.None); // the watched resource changes on every read

        Assert.Equal("test://watched-resource", await updated.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var fixedResource = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("test://static-text"));
        Assert.Contains("does not change", fixedResource.Message);
        await client.UnsubscribeFromResourceAsync("test://watched-resource");
    }

    [Fact]
    public async Task A_stateless_exchange_cannot_subscribe_and_is_told_why()
    {
        using var plugins = new PluginFolder().WithConformance();
        await using var server = await InProcessServer.StartAsync(plugins);
        await using var client = await server.ConnectAsync("2025-06-18");

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => client.SubscribeToResourceAsync("test://watched-resource"));

        Assert.Contains("Subscriptions need a session", refused.Message);
        Assert.Contains("AwsMcp:Mcp:SessionMode", refused.Message);
    }
}
