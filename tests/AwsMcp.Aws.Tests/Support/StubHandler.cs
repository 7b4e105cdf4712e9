using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AwsMcp.Aws.Tests.Support;

/// <summary>An HTTP handler that records each request and answers from a script (the last answer repeats).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();
    private Func<HttpRequestMessage, HttpResponseMessage>? _last;

    public List<RecordedRequest> Requests { get; } = [];

    public StubHandler Then(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public StubHandler Then(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        Then(_ => Respond(status, body, contentType, headers));

    public StubHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                request.Content?.Headers.ContentType?.ToString(),
                body));
        }

        if (_script.TryDequeue(out var answer))
        {
            _last = answer;
        }

        return (_last ?? throw new InvalidOperationException("No scripted answer."))(request);
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
