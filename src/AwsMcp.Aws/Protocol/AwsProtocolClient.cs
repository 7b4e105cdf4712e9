using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon.Runtime;
using AwsMcp.Aws.Protocol.Errors;
using AwsMcp.Aws.Protocol.Signing;

namespace AwsMcp.Aws.Protocol;

/// <summary>
/// A small SigV4-signed client for the services with no AWS SDK package here (Lambda, CloudWatch Logs, Cost Explorer,
/// Budgets, IAM, and STS query). Credentials come from AWSSDK.Core, signing from <see cref="SigV4Signer"/>. Failures
/// surface as <see cref="AwsServiceException"/> (an <see cref="AmazonServiceException"/>) or, for timeouts and
/// unreachable endpoints, <see cref="AmazonClientException"/>. Thread-safe; keep one per service, region and identity.
/// </summary>
public sealed class AwsProtocolClient : IDisposable
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private const string RestJsonContentType = "application/json";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private static readonly string[] ReadOperationPrefixes =
        ["Describe", "List", "Get", "Filter", "Simulate", "Lookup", "Search", "BatchGet"];

    private readonly AWSCredentials _credentials;
    private readonly AwsProtocolClientOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public AwsProtocolClient(AwsServiceModel service, AWSCredentials credentials, AwsProtocolClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        Service = service;
        _credentials = credentials;
        _options = options;
        _time = options.TimeProvider ?? TimeProvider.System;
        Endpoint = AwsEndpointResolver.Resolve(service, options.Region, options.ServiceUrl is null ? null : new Uri(options.ServiceUrl));

        // Per-attempt timeouts are ours (see SendAsync); the HttpClient-wide one would also cut retries short.
        _http = options.Handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    public AwsServiceModel Service { get; }

    /// <summary>Where requests go and the region they are signed for.</summary>
    public AwsEndpoint Endpoint { get; }

    /// <summary>awsJson1_1: <c>POST /</c> with <c>X-Amz-Target: TargetPrefix.Operation</c>. The caller disposes the result.</summary>
    /// <param name="idempotent">Whether 5xx and network failures may be retried; by default, for read operations (Describe*, List*, Get*, …).</param>
    public async Task<JsonDocument> InvokeJsonAsync(
        string operation, JsonObject request, CancellationToken ct, bool? idempotent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(request);
        RequireProtocol(AwsProtocol.Json);
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        var headers = new Dictionary<string, string> { ["X-Amz-Target"] = $"{Service.TargetPrefix}.{operation}" };
        var (_, _, responseBody) = await SendAsync(
            operation, HttpMethod.Post, "/", query: null, body, JsonContentType, headers, idempotent ?? IsReadOperation(operation), ct);
        return JsonDocument.Parse(responseBody.Length == 0 ? "{}"u8.ToArray() : responseBody);
    }

    /// <summary>restJson1: <paramref name="path"/> is the wire path, with labels already URI-encoded by the caller.</summary>
    /// <param name="operation">Name used in errors; defaults to "METHOD path".</param>
    /// <param name="idempotent">Whether 5xx and network failures may be retried; by default, for GET and HEAD.</param>
    public async Task<AwsRestResponse> InvokeRestAsync(
        HttpMethod method,
        string path,
        IReadOnlyDictionary<string, string>? query,
        JsonNode? body,
        IReadOnlyDictionary<string, string>? headers,
        CancellationToken ct,
        string? operation = null,
        bool? idempotent = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireProtocol(AwsProtocol.RestJson);
        var queryString = query is null
            ? null
            : string.Join('&', query.Select(pair => SigV4Signer.UriEncode(pair.Key) + "=" + SigV4Signer.UriEncode(pair.Value)));
        var bytes = body is null ? null : Encoding.UTF8.GetBytes(body.ToJsonString());
        var (status, responseHeaders, responseBody) = await SendAsync(
            operation ?? $"{method.Method} {path}",
            method,
            path,
            queryString,
            bytes,
            bytes is null ? null : RestJsonContentType,
            headers,
            idempotent ?? (method == HttpMethod.Get || method == HttpMethod.Head),
            ct);
        return new AwsRestResponse((int)status, responseHeaders, responseBody);
    }

    /// <summary>awsQuery: form-encoded <c>Action</c> and <c>Version</c>; returns the <c>&lt;{Action}Result&gt;</c> element (empty when the answer has none).</summary>
    /// <param name="idempotent">Whether 5xx and network failures may be retried; by default, for read actions.</param>
    public async Task<XElement> InvokeQueryAsync(
        string action, IReadOnlyDictionary<string, string> parameters, CancellationToken ct, bool? idempotent = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(parameters);
        RequireProtocol(AwsProtocol.Query);
        var form = new[] { KeyValuePair.Create("Action", action), KeyValuePair.Create("Version", Service.ApiVersion ?? string.Empty) }
            .Concat(parameters)
            .Select(pair => SigV4Signer.UriEncode(pair.Key) + "=" + SigV4Signer.UriEncode(pair.Value));
        var body = Encoding.UTF8.GetBytes(string.Join('&', form));
        var (_, _, responseBody) = await SendAsync(
            action, HttpMethod.Post, "/", query: null, body, FormContentType, headers: null, idempotent ?? IsReadOperation(action), ct);

        var root = AwsXml.Root(responseBody);
        var resultName = action + "Result";
        return root?.Elements().FirstOrDefault(element => element.Name.LocalName == resultName) ?? new XElement(resultName);
    }

    public void Dispose() => _http.Dispose();

    private static bool IsReadOperation(string operation) =>
        ReadOperationPrefixes.Any(prefix => operation.StartsWith(prefix, StringComparison.Ordinal));

    private void RequireProtocol(AwsProtocol protocol)
    {
        if (Service.Protocol != protocol)
        {
            throw new InvalidOperationException($"{Service.ServiceId} speaks {Service.Protocol}, not {protocol}.");
        }
    }

    private async Task<(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)> SendAsync(
        string operation,
        HttpMethod method,
        string path,
        string? query,
        byte[]? body,
        string? contentType,
        IReadOnlyDictionary<string, string>? headers,
        bool idempotent,
        CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            Exception failure;
            bool retryable;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    using var request = await BuildRequestAsync(method, path, query, body, contentType, headers);
                    using var response = await _http.SendAsync(request, timeout.Token);
                    var responseBody = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                    var responseHeaders = Headers(response);
                    if (response.IsSuccessStatusCode)
                    {
                        return (response.StatusCode, responseHeaders, responseBody);
                    }

                    var error = AwsErrorParser.Parse(Service, operation, response.StatusCode, responseHeaders, responseBody);
                    (failure, retryable) = (error, AwsRetryPolicy.IsRetryable(error, idempotent));
                }
                catch (OperationCanceledException exception) when (!ct.IsCancellationRequested)
                {
                    failure = new AmazonClientException(
                        $"{Service.ServiceId} {operation} timed out after {_options.Timeout.TotalSeconds:0.#} s.", exception);
                    retryable = idempotent;
                }
                catch (HttpRequestException exception)
                {
                    failure = new AmazonClientException(
                        $"{Service.ServiceId} {operation}: could not reach {Endpoint.Url.Host}: {exception.Message}", exception);
                    retryable = idempotent;
                }
            }

            if (!retryable || attempt >= _options.MaxErrorRetry)
            {
                throw failure;
            }

            await Task.Delay(AwsRetryPolicy.Backoff(attempt, _options.RetryBaseDelay, _options.MaxBackoff), _time, ct);
        }
    }

    // Built afresh for every attempt: each carries its own signing time (AWS rejects signatures older than 15 minutes).
    private async Task<HttpRequestMessage> BuildRequestAsync(
        HttpMethod method, string path, string? query, byte[]? body, string? contentType, IReadOnlyDictionary<string, string>? headers)
    {
        var basePath = Endpoint.Url.AbsolutePath.TrimEnd('/');
        var uri = new UriBuilder(Endpoint.Url) { Path = basePath + path, Query = query ?? string.Empty }.Uri;
        var request = new HttpRequestMessage(method, uri);
        var signed = new List<KeyValuePair<string, string>>
        {
            new("host", uri.IsDefaultPort ? uri.Host : uri.Authority),
        };

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                signed.Add(new("content-type", request.Content.Headers.ContentType.ToString()));
            }
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }

            signed.Add(new(name, value));
        }

        var credentials = await _credentials.GetCredentialsAsync();
        var signature = SigV4Signer.Sign(
            new SigV4Request(method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), signed, body ?? []),
            credentials,
            Endpoint.SigningRegion,
            Service.SigningName,
            _time.GetUtcNow().UtcDateTime);
        foreach (var (name, value) in signature.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return request;
    }

    private static Dictionary<string, string> Headers(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(',', group.SelectMany(header => header.Value)), StringComparer.OrdinalIgnoreCase);
}
