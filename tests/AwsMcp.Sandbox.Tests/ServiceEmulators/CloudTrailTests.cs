using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3.Model;
using AwsMcp.Aws.Protocol;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Tests.Support;

namespace AwsMcp.Sandbox.Tests.ServiceEmulators;

/// <summary>LookupEvents over the seeded history and over the writes this class makes through the AWS SDK (its own sandbox).</summary>
public sealed class CloudTrailTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly AwsProtocolClient _trail = ThinClients.For(fixture.Server, AwsServiceModels.CloudTrail);

    [Fact]
    public async Task Seeded_history_names_the_seeded_instances_and_principals()
    {
        var bastion = await InstanceIdAsync("bastion");

        var events = await LookupAllAsync(Attribute("ResourceName", bastion));

        Assert.Equal(["ModifyInstanceAttribute", "ModifyInstanceAttribute"], events.Select(e => e.GetProperty("EventName").GetString()));
        var refused = events.Single(e => e.GetProperty("Username").GetString() == "bob.dev");
        using var record = JsonDocument.Parse(refused.GetProperty("CloudTrailEvent").GetString()!);
        Assert.Equal("Client.UnauthorizedOperation", record.RootElement.GetProperty("errorCode").GetString());
        Assert.Equal("IAMUser", record.RootElement.GetProperty("userIdentity").GetProperty("type").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/bob.dev", record.RootElement.GetProperty("userIdentity").GetProperty("arn").GetString());
        Assert.Equal("false", refused.GetProperty("ReadOnly").GetString());
        Assert.Equal("AWS::EC2::Instance", refused.GetProperty("Resources")[0].GetProperty("ResourceType").GetString());
        var times = events.Select(e => e.GetProperty("EventTime").GetDouble()).ToList();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task Iam_events_are_in_us_east_1_and_lambda_events_in_the_functions_region()
    {
        var iam = await LookupAllAsync(Attribute("EventSource", "iam.amazonaws.com"));
        using var eu = ThinClients.For(fixture.Server, AwsServiceModels.CloudTrail, "eu-west-1");
        using var euLambda = await eu.InvokeJsonAsync("LookupEvents", Attribute("EventSource", "lambda.amazonaws.com"), CancellationToken.None);
        using var euIam = await eu.InvokeJsonAsync("LookupEvents", Attribute("EventSource", "iam.amazonaws.com"), CancellationToken.None);

        Assert.Equal(["AttachRolePolicy", "CreateAccessKey"], iam.Select(e => e.GetProperty("EventName").GetString()).Order());
        var createKey = iam.Single(e => e.GetProperty("EventName").GetString() == "CreateAccessKey");
        using var record = JsonDocument.Parse(createKey.GetProperty("CloudTrailEvent").GetString()!);
        Assert.Equal("carol.ops", record.RootElement.GetProperty("responseElements").GetProperty("accessKey").GetProperty("userName").GetString());
        Assert.Equal("auth-service", Assert.Single(euLambda.RootElement.GetProperty("Events").EnumerateArray()).GetProperty("Resources")[0].GetProperty("ResourceName").GetString());
        Assert.Equal(0, euIam.RootElement.GetProperty("Events").GetArrayLength());
    }

    [Fact]
    public async Task An_sdk_write_is_recorded_with_the_caller_address_agent_and_failure()
    {
        var principal = fixture.Server.Identities.IssueTemporary(
            SandboxIdentities.DefaultAccount, "arn:aws:sts::123456789012:assumed-role/AwsMcpReadOnly/trail-test", "AROATRAILTEST:trail-test", DateTimeOffset.UtcNow.AddHours(1));
        using var readOnly = SandboxClients.Ec2(fixture.Server, credentials: new SessionAWSCredentials(principal.AccessKeyId, principal.SecretAccessKey, principal.SessionToken));
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        var instance = await InstanceIdAsync("ci-runner-2");

        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance] });
        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => readOnly.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance] }));
        await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance] });

        var events = await LookupAllAsync(Attribute("ResourceName", instance));
        var (refused, stopped) = (events[0], events[1]);
        Assert.Equal(2, events.Count - events.Count(e => e.GetProperty("EventName").GetString() == "RunInstances"));
        Assert.Equal("StartInstances", refused.GetProperty("EventName").GetString());
        Assert.Equal("trail-test", refused.GetProperty("Username").GetString());
        using var refusedRecord = JsonDocument.Parse(refused.GetProperty("CloudTrailEvent").GetString()!);
        Assert.Equal("UnauthorizedOperation", refusedRecord.RootElement.GetProperty("errorCode").GetString());
        var identity = refusedRecord.RootElement.GetProperty("userIdentity");
        Assert.Equal("AssumedRole", identity.GetProperty("type").GetString());
        Assert.Equal("arn:aws:iam::123456789012:role/AwsMcpReadOnly", identity.GetProperty("sessionContext").GetProperty("sessionIssuer").GetProperty("arn").GetString());
        Assert.Equal("StopInstances", stopped.GetProperty("EventName").GetString());
        Assert.Equal("sandbox-operator", stopped.GetProperty("Username").GetString());
        Assert.Equal(SandboxIdentities.OperatorAccessKeyId, stopped.GetProperty("AccessKeyId").GetString());
        using var stoppedRecord = JsonDocument.Parse(stopped.GetProperty("CloudTrailEvent").GetString()!);
        Assert.Equal("127.0.0.1", stoppedRecord.RootElement.GetProperty("sourceIPAddress").GetString());
        Assert.Contains("aws-sdk-dotnet", stoppedRecord.RootElement.GetProperty("userAgent").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(stoppedRecord.RootElement.TryGetProperty("errorCode", out _));
        Assert.Equal(instance, stoppedRecord.RootElement.GetProperty("requestParameters").GetProperty("instanceId.1").GetString());
    }

    [Fact]
    public async Task Bucket_changes_are_management_events_and_object_writes_are_not()
    {
        using var s3 = SandboxClients.S3(fixture.Server);
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = "trail-test-bucket" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "trail-test-bucket", Key = "a.txt", ContentBody = "a" });
        await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest { BucketName = "trail-test-bucket", TagSet = [new Amazon.S3.Model.Tag { Key = "k", Value = "v" }] });

        var events = await LookupAllAsync(Attribute("ResourceName", "trail-test-bucket"));

        Assert.Equal(["PutBucketTagging", "CreateBucket"], events.Select(e => e.GetProperty("EventName").GetString()));
        Assert.All(events, e => Assert.Equal("s3.amazonaws.com", e.GetProperty("EventSource").GetString()));
    }

    [Fact]
    public async Task Pages_cover_the_history_once_even_while_events_are_recorded()
    {
        var first = await LookupAsync(new JsonObject { ["MaxResults"] = 3 });
        var token = first.RootElement.GetProperty("NextToken").GetString();
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        await ec2.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = [await InstanceIdAsync("web-prod-1")] });

        var ids = first.RootElement.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()).ToList();
        while (token is not null)
        {
            using var page = await LookupAsync(new JsonObject { ["MaxResults"] = 3, ["NextToken"] = token });
            ids.AddRange(page.RootElement.GetProperty("Events").EnumerateArray().Select(e => e.GetProperty("EventId").GetString()));
            token = page.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
        }

        first.Dispose();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 15, $"{ids.Count} events");
    }

    [Fact]
    public async Task The_read_only_attribute_and_the_time_window_narrow_the_lookup()
    {
        var reads = await LookupAllAsync(Attribute("ReadOnly", "true"));
        var now = DateTimeOffset.UtcNow;
        using var lastDay = await LookupAsync(new JsonObject { ["StartTime"] = now.AddHours(-12).ToUnixTimeSeconds(), ["EndTime"] = now.ToUnixTimeSeconds(), ["MaxResults"] = 50 });

        Assert.Equal(["DescribeInstances", "ListBuckets"], reads.Select(e => e.GetProperty("EventName").GetString()));
        Assert.All(lastDay.RootElement.GetProperty("Events").EnumerateArray(), e => Assert.True(e.GetProperty("EventTime").GetDouble() >= now.AddHours(-12).ToUnixTimeSeconds()));
        Assert.Contains(lastDay.RootElement.GetProperty("Events").EnumerateArray(), e => e.GetProperty("EventName").GetString() == "TerminateInstances");
    }

    [Theory]
    [InlineData("""{"LookupAttributes":[{"AttributeKey":"Color","AttributeValue":"x"}]}""", "InvalidLookupAttributesException")]
    [InlineData("""{"LookupAttributes":[{"AttributeKey":"EventName","AttributeValue":"a"},{"AttributeKey":"Username","AttributeValue":"b"}]}""", "InvalidLookupAttributesException")]
    [InlineData("""{"LookupAttributes":[{"AttributeKey":"ReadOnly","AttributeValue":"maybe"}]}""", "InvalidLookupAttributesException")]
    [InlineData("""{"MaxResults":51}""", "InvalidMaxResultsException")]
    [InlineData("""{"StartTime":1700000000,"EndTime":1600000000}""", "InvalidTimeRangeException")]
    [InlineData("""{"NextToken":"bogus"}""", "InvalidNextTokenException")]
    [InlineData("""{"EventCategory":"data"}""", "InvalidEventCategoryException")]
    public async Task Errors_map_to_codes(string body, string code) =>
        await AwsAssert.FailsWith<AmazonServiceException>(() => LookupAsync(JsonNode.Parse(body)!.AsObject()), code, HttpStatusCode.BadRequest);

    [Fact]
    public async Task Another_account_sees_only_its_own_history()
    {
        var principal = fixture.Server.Identities.IssueTemporary(
            SandboxIdentities.SecondAccount, "arn:aws:sts::210987654321:assumed-role/AwsMcpReadOnly/s", "AROA:s", DateTimeOffset.UtcNow.AddHours(1));
        using var second = ThinClients.For(fixture.Server, AwsServiceModels.CloudTrail, credentials: new SessionAWSCredentials(principal.AccessKeyId, principal.SecretAccessKey, principal.SessionToken));

        using var response = await second.InvokeJsonAsync("LookupEvents", [], CancellationToken.None);

        Assert.Equal(0, response.RootElement.GetProperty("Events").GetArrayLength());
    }

    private static JsonObject Attribute(string key, string value) =>
        new() { ["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = key, ["AttributeValue"] = value }) };

    private Task<JsonDocument> LookupAsync(JsonObject body) => _trail.InvokeJsonAsync("LookupEvents", body, CancellationToken.None);

    private async Task<List<JsonElement>> LookupAllAsync(JsonObject body)
    {
        var events = new List<JsonElement>();
        await foreach (var page in _trail.PaginateJsonAsync("LookupEvents", body, "NextToken", CancellationToken.None))
        {
            using (page)
            {
                events.AddRange(page.RootElement.GetProperty("Events").EnumerateArray().Select(e => e.Clone()));
            }
        }

        return events;
    }

    private async Task<string> InstanceIdAsync(string name)
    {
        using var ec2 = SandboxClients.Ec2(fixture.Server);
        var described = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Amazon.EC2.Model.Filter("tag:Name", [name])] });
        return described.Reservations.SelectMany(r => r.Instances).Single().InstanceId;
    }
}
