using System.Net;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace AwsMcp.Aws.Clients;

/// <summary>
/// Sends one request through each SDK client the factory builds besides STS (EC2, S3) to a canned answer held in
/// memory, so that the client's pipeline, endpoint rules, marshaller, signer and unmarshallers are compiled before
/// the first tool call instead of during it. Nothing leaves the process: the requests are signed with a throwaway key
/// and answered by a handler that opens no socket, so no AWS account sees them (no CloudTrail entry, no permission
/// needed, nothing to fail). Once per load of this assembly (<see cref="OnceAsync"/>): the compiled code serves every
/// pack that shares it.
/// </summary>
internal static class OfflineSdkWarmUp
{
    private static readonly AWSCredentials ThrowawayKey = new BasicAWSCredentials("AKIAWARMUPNOTAREALKEY", "not-a-real-secret");
    private static Task? _once;

    /// <summary>Starts <paramref name="run"/> the first time, and returns that same run to every later caller.</summary>
    public static Task OnceAsync(Func<Task> run) => LazyInitializer.EnsureInitialized(ref _once, () => Task.Run(run));

    /// <summary>
    /// Sends the requests through clients built by <paramref name="ec2"/> and <paramref name="s3"/> (the factory's own
    /// configuration, with the canned answer as their HTTP client) and returns how many items the answers gave.
    /// </summary>
    public static async Task<int> RunAsync(Func<AWSCredentials, HttpClientFactory, AmazonEC2Client> ec2, Func<AWSCredentials, HttpClientFactory, AmazonS3Client> s3)
    {
        int items;
        using (var client = ec2(ThrowawayKey, new CannedAnswer(Ec2Answer, "text/xml")))
        {
            var instances = await client.DescribeInstancesAsync(new DescribeInstancesRequest { MaxResults = 5 }).ConfigureAwait(false);
            items = instances.Reservations.Sum(reservation => reservation.Instances.Count);
        }

        using (var client = s3(ThrowawayKey, new CannedAnswer(S3Answer, "application/xml")))
        {
            items += (await client.ListBucketsAsync(new ListBucketsRequest()).ConfigureAwait(false)).Buckets.Count;
        }

        return items;
    }

    // One item of each kind, so that the item unmarshallers are compiled too.
    private const string Ec2Answer =
        """<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>warm-up</requestId><reservationSet><item><reservationId>r-0</reservationId><ownerId>000000000000</ownerId><instancesSet><item><instanceId>i-0</instanceId><imageId>ami-0</imageId><instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType><launchTime>2026-01-01T00:00:00.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone></placement><privateIpAddress>10.0.0.1</privateIpAddress><tagSet><item><key>Name</key><value>warm-up</value></item></tagSet></item></instancesSet></item></reservationSet></DescribeInstancesResponse>""";

    private const string S3Answer =
        """<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>warm-up</ID></Owner><Buckets><Bucket><Name>warm-up</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>""";

    /// <summary>Hands the SDK an HttpClient whose handler answers every request with one canned body.</summary>
    private sealed class CannedAnswer(string body, string contentType) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(body, contentType));

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;

        public override string GetConfigUniqueString(IClientConfig clientConfig) => "awsmcp-offline-warm-up";

        private sealed class Handler(string body, string contentType) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(body, Encoding.UTF8, contentType),
                    RequestMessage = request,
                };
                response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "warm-up");
                response.Headers.TryAddWithoutValidation("x-amz-request-id", "warm-up");
                return Task.FromResult(response);
            }
        }
    }
}
