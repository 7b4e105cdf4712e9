using System.Text.Json;
using AwsMcp.Abstractions.Redaction;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Security;

/// <summary>One redactor for audit, logs and tool output: every kind of secret, in text and in JSON.</summary>
public sealed class RedactionTests
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "IQoJb3JpZ2luX2VjEPz//////////wEaCXVzLWVhc3QtMSJHMEUCIQD";

    [Theory]
    [InlineData("key id AKIAIOSFODNN7EXAMPLE in text", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("temporary ASIAY34FZKBOKMUTVV7A here", "ASIAY34FZKBOKMUTVV7A")]
    [InlineData("aws_secret_access_key = " + SecretKey, SecretKey)]
    [InlineData("standalone " + SecretKey + " in output", SecretKey)]
    [InlineData("AWS_SESSION_TOKEN=" + SessionToken, SessionToken)]
    [InlineData("token in free text " + SessionToken, SessionToken)]
    [InlineData("DB_PASSWORD=hunter2 ./start.sh", "hunter2")]
    [InlineData("Server=db;User Id=app;Password=s3cr3t;", "s3cr3t")]
    [InlineData("""{"password": "correct horse battery"}""", "correct horse")]
    [InlineData("curl -H 'Authorization: Bearer abc.def-ghi' https://x", "abc.def-ghi")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl end", "eyJzdWIiOiJ1c2VyIn0")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE (truncated)", "b3BlbnNzaC1rZXktdjE")]
    public void Secrets_in_text_are_redacted(string text, string secret)
    {
        var redacted = SecretRedactor.RedactText(text);

        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(SecretRedactor.Mask, redacted);
    }

    [Fact]
    public async Task A_long_unbroken_word_is_redacted_without_backtracking_blowup()
    {
        // Unbounded name runs once made this quadratic (minutes for 70 KB); the bounded pattern is linear.
        var word = string.Concat(Enumerable.Repeat("passwordtokenkey", 20_000));
        var text = word + " DB_PASSWORD=hunter2";

        var redacted = await Task.Run(() => SecretRedactor.RedactText(text)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("hunter2", redacted);
        Assert.StartsWith(word, redacted);
    }

    [Theory]
    [InlineData("eyJ")]
    [InlineData("eyJaaaa.")]
    [InlineData("Name=a,Value='x ")]
    [InlineData("Name=a,Value=\"x ")]
    [InlineData("authorization: ")]
    [InlineData("Bearer ")]
    [InlineData("a://b:")]
    [InlineData("xoxb-")]
    [InlineData("AKIA")]
    [InlineData("-----BEGIN ")]
    [InlineData("key: 'a', value: \"")]
    public async Task A_text_repeating_the_start_of_a_secret_is_redacted_in_one_pass(string unit)
    {
        // Each rule resumes after what it read: a hang guard, not a timing (each takes milliseconds).
        var text = string.Concat(Enumerable.Repeat(unit, 400_000 / unit.Length)) + " DB_PASSWORD=hunter2";

        var redacted = await Task.Run(() => SecretRedactor.RedactText(text)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain("hunter2", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_after_other_near_misses_is_still_redacted()
    {
        // Found by comparing the rules with the same patterns on the backtracking engine: the non-backtracking engine
        // they used to run on missed this header.
        const string Text = "-----ENDxoxb-bearerY34FZKBOKMUTVV7AProxy-AuthorizationValuegithub_pat_/Keypostgres/ ABCDEFGHIJOiJIDB_PASSWORDDB_PASSWORDAUTHORIZATION://basic AUTHORIZATION://Basic-----END";

        Assert.EndsWith("AUTHORIZATION:[redacted] AUTHORIZATION:[redacted]", SecretRedactor.RedactText(Text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next_token=abc123 and instance i-0123456789abcdef0")]
    [InlineData("sha 0123456789abcdef0123456789abcdef01234567 and KeyName=prod-key")]
    [InlineData("no secrets here")]
    public void Ordinary_text_is_left_alone(string text) => Assert.Equal(text, SecretRedactor.RedactText(text));

    [Fact]
    public void Secrets_in_json_are_redacted_by_name_by_environment_entry_and_by_shape()
    {
        using var document = JsonDocument.Parse($$"""
            {
              "FunctionName": "billing",
              "Environment": { "Variables": { "DB_PASSWORD": "hunter2", "STAGE": "prod", "API_KEY": "k-123" } },
              "containerDefinitions": [ { "environment": [ { "name": "SECRET_TOKEN", "value": "t0k3n" }, { "name": "REGION", "value": "eu-west-1" } ] } ],
              "UserData": "#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY={{SecretKey}}",
              "Credentials": { "AccessKeyId": "ASIAY34FZKBOKMUTVV7A", "SessionToken": "{{SessionToken}}" },
              "next_token": "page-2"
            }
            """);

        var redacted = SecretRedactor.RedactJson(document.RootElement).GetRawText();

        foreach (var secret in (string[])["hunter2", "k-123", "t0k3n", SecretKey, "ASIAY34FZKBOKMUTVV7A", SessionToken])
        {
            Assert.DoesNotContain(secret, redacted);
        }

        foreach (var kept in (string[])["billing", "prod", "eu-west-1", "page-2", "REGION"])
        {
            Assert.Contains(kept, redacted);
        }
    }

    [Fact]
    public async Task Tool_output_and_audit_arguments_are_redacted_on_every_call()
    {
        using var plugins = new PluginFolder().WithEcho();
        await using var server = await InProcessServer.StartAsync(plugins);
        await using var client = await server.ConnectAsync("2025-06-18");
        var secrets = $"password=hunter2 key AKIAIOSFODNN7EXAMPLE secret_key={SecretKey}";

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = secrets });

        var text = McpOverHttpTests.Text(result);
        var structured = result.StructuredContent!.Value.GetRawText();
        var audited = Assert.Single(server.Audit.Records, r => r.Tool == "echo").Arguments;
        foreach (var secret in (string[])["hunter2", "AKIAIOSFODNN7EXAMPLE", SecretKey])
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(secret, structured);
            Assert.DoesNotContain(secret, audited);
        }

        Assert.Contains(SecretRedactor.Mask, text);
    }
}
