using System.Diagnostics;
using System.Text;
using AwsMcp.Sandbox.Core.Authentication;
using AwsMcp.Sandbox.Core.ManagementEvents;
using AwsMcp.Sandbox.Protocols.AwsQuery;
using AwsMcp.Sandbox.Services.CloudTrail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace AwsMcp.Sandbox.Core;

/// <summary>
/// The sandbox's single request handler: authenticate (SigV4, recomputed) → decode the body (aws-chunked, form) →
/// route by the credential scope's service → fault injection → the service emulator → the response, always with a
/// request id. A request with no signature at all may still be one of the few operations AWS serves unsigned
/// (<see cref="IUnsignedOperations"/>). Every request ends up in the request log, and every authenticated call of an
/// operation its emulator declares a write (<see cref="IManagementWrites"/>) in the CloudTrail history, failed or not.
/// </summary>
internal sealed class SandboxPipeline
{
    // Stands in for the caller when a request fails before it is authenticated, so the emulator can still render the error.
    private static readonly SandboxPrincipal Anonymous = new("", "", null, "", "anonymous", "anonymous", null);

    private readonly SandboxContext _context;
    private readonly Dictionary<string, IServiceEmulator> _emulators;
    private readonly IReadOnlyList<IUnsignedOperations> _unsigned;
    private readonly FaultInjector _faults;
    private readonly SandboxRequestLog _log;
    private readonly EventHistory _trail;
    private readonly RequestAuthenticator _authenticator;
    private readonly ILogger _logger;

    public SandboxPipeline(
        SandboxContext context,
        IReadOnlyList<IServiceEmulator> emulators,
        FaultInjector faults,
        SandboxRequestLog log,
        bool verifySignatures,
        ILogger logger)
    {
        _context = context;
        _emulators = emulators.ToDictionary(e => e.SigningName, StringComparer.Ordinal);
        _unsigned = [.. emulators.OfType<IUnsignedOperations>()];
        _faults = faults;
        _log = log;
        _trail = EventHistory.For(context);
        _authenticator = new RequestAuthenticator(context.Identities, verifySignatures);
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var cancellationToken = http.RequestAborted;
        var requestId = Guid.NewGuid().ToString();
        var rawBody = await ReadBodyAsync(http.Request, cancellationToken);
        var auth = _authenticator.Authenticate(http.Request, rawBody, _context.Time.GetUtcNow());
        var outcome = await RespondAsync(http, auth, requestId, rawBody, cancellationToken);

        var entry = new SandboxRequestLogEntry(
            _context.Time.GetUtcNow(),
            requestId,
            http.Request.Method,
            http.Request.Path.ToString(),
            outcome.Service,
            auth.Region,
            outcome.Operation,
            auth.AccessKeyId,
            outcome.Check,
            http.Request.Headers["x-amz-content-sha256"].FirstOrDefault(),
            outcome.Response.StatusCode,
            outcome.ErrorCode,
            outcome.InjectedFault,
            Stopwatch.GetElapsedTime(started));

        // Logged before the answer leaves, so a caller that has its answer always finds the entry.
        _log.Add(entry);
        _logger.LogDebug(
            "{Service} {Operation} {Status} {ErrorCode} signature={Signature} key={AccessKeyId}",
            entry.Service,
            entry.Operation,
            entry.StatusCode,
            entry.ErrorCode,
            entry.SignatureCheck,
            entry.AccessKeyId);

        await WriteAsync(http.Response, outcome.Response, requestId, HttpMethods.IsHead(http.Request.Method), cancellationToken);
    }

    /// <summary>Everything between authentication and the answer; AWS errors (and emulator bugs) become error responses in the service's protocol.</summary>
    private async Task<Outcome> RespondAsync(HttpContext http, AuthenticationResult auth, string requestId, byte[] rawBody, CancellationToken cancellationToken)
    {
        var emulator = auth.Service is null ? null : _emulators.GetValueOrDefault(auth.Service);
        var check = auth.Check;
        var request = NewRequest(http, auth.Service, auth.Region, auth.Succeeded ? auth.Principal! : Anonymous, requestId, rawBody, decoded: null);
        string? operation = null;
        var injected = false;

        Outcome Failed(SandboxServiceException error)
        {
            RecordWrite(emulator, request, operation, answer: null, error);
            return new(
                emulator is null ? QueryErrorResponse.Render(requestId, error) : emulator.RenderError(request, error),
                emulator?.SigningName ?? auth.Service,
                operation,
                error.Code,
                injected,
                check);
        }

        try
        {
            if (FindUnsigned(http, check, requestId, rawBody) is (var unsignedEmulator, var unsignedRequest, var unsignedOperation))
            {
                (emulator, request, operation, check) = (unsignedEmulator, unsignedRequest, unsignedOperation, SignatureCheck.NotRequired);
            }
            else
            {
                if (!auth.Succeeded)
                {
                    throw AuthenticationErrors.For(auth.Service, auth.Check);
                }

                if (emulator is null)
                {
                    throw new SandboxServiceException(
                        400,
                        "UnknownService",
                        $"The sandbox does not emulate the service '{auth.Service}' named by the credential scope; it emulates: {string.Join(", ", _emulators.Keys.Order())}.");
                }

                request = NewRequest(http, auth.Service, auth.Region, auth.Principal!, requestId, rawBody, DecodeChunked(http.Request, rawBody, auth.Signing));
                operation = emulator.ResolveOperation(request) ?? throw new SandboxServiceException(
                    400,
                    "InvalidAction",
                    $"The requested {auth.Service} operation ({http.Request.Method} {http.Request.Path}{http.Request.QueryString}) is not supported by the sandbox.");
            }

            var (delay, fault) = _faults.Take(emulator.SigningName, operation, request.Region);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _context.Time, cancellationToken);
            }

            if (fault is not null)
            {
                injected = true;
                throw new SandboxServiceException(fault.StatusCode, fault.Code, fault.Message, senderFault: fault.StatusCode < 500);
            }

            var answer = await emulator.HandleAsync(request, operation, cancellationToken);
            RecordWrite(emulator, request, operation, answer, error: null);
            return new Outcome(answer, emulator.SigningName, operation, null, false, check);
        }
        catch (SandboxServiceException error)
        {
            return Failed(error);
        }
        catch (Exception bug) when (bug is not OperationCanceledException)
        {
            _logger.LogError(bug, "Sandbox {Service} {Operation} failed", emulator?.SigningName ?? auth.Service, operation);
            return Failed(new SandboxServiceException(500, "InternalError", "The sandbox failed: " + bug.Message, senderFault: false));
        }
    }

    /// <summary>
    /// Records a write call in the CloudTrail history: here, once for every service, as AWS records a call whether it
    /// succeeded, was refused or failed (injected faults included). Unauthenticated requests name no caller and are not recorded.
    /// </summary>
    private void RecordWrite(IServiceEmulator? emulator, SandboxRequest request, string? operation, SandboxResponse? answer, SandboxServiceException? error)
    {
        if (emulator is IManagementWrites writes && operation is not null && !ReferenceEquals(request.Principal, Anonymous)
            && writes.DescribeWrite(request, operation, answer) is { } write)
        {
            _trail.Record(request, operation, write, _context.Time.GetUtcNow(), error);
        }
    }

    /// <summary>
    /// The emulator and operation an unsigned request is for, as a request of that service; null when it needs a
    /// signature. A request with no Authorization at all may be any unsigned operation; one whose Authorization is not
    /// SigV4 only an operation whose token is that header (<see cref="IUnsignedOperations.ProofInAuthorizationHeader"/>).
    /// </summary>
    private (IServiceEmulator Emulator, SandboxRequest Request, string Operation)? FindUnsigned(HttpContext http, SignatureCheck check, string requestId, byte[] rawBody)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var tokenInAuthorization = check == SignatureCheck.Malformed && authorization.Length > 0 && !authorization.StartsWith("AWS4-", StringComparison.Ordinal);
        if (check != SignatureCheck.Missing && !tokenInAuthorization)
        {
            return null;
        }

        foreach (var emulator in _unsigned.Where(e => !tokenInAuthorization || e.ProofInAuthorizationHeader))
        {
            // Without a credential scope nothing names the region; these operations answer the same in every region.
            var request = NewRequest(http, emulator.SigningName, region: "", Anonymous, requestId, rawBody, decoded: null);
            if (emulator.ResolveUnsignedOperation(request) is { } operation)
            {
                return (emulator, request, operation);
            }
        }

        return null;
    }

    private static SandboxRequest NewRequest(
        HttpContext http, string? service, string? region, SandboxPrincipal principal, string requestId, byte[] rawBody, DecodedBody? decoded)
    {
        var body = decoded?.Payload ?? rawBody;
        return new SandboxRequest
        {
            Http = http.Request,
            Service = service ?? "",
            Region = region ?? "",
            Principal = principal,
            Body = body,
            RequestId = requestId,
            Form = ParseForm(http.Request, body),
            Trailers = decoded?.Trailers ?? new Dictionary<string, string>(),
        };
    }

    private static DecodedBody? DecodeChunked(HttpRequest request, byte[] rawBody, SigningContext? signing)
    {
        var contentSha256 = request.Headers["x-amz-content-sha256"].ToString();
        if (!AwsChunkedBody.IsChunked(contentSha256))
        {
            return null;
        }

        long? decodedLength = long.TryParse(request.Headers["x-amz-decoded-content-length"], out var length) ? length : null;
        return AwsChunkedBody.Decode(rawBody, contentSha256, decodedLength, signing);
    }

    /// <summary>Query-protocol parameters: a form body, or the query string of a GET that names an Action.</summary>
    private static Dictionary<string, string> ParseForm(HttpRequest request, byte[] body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (name, values) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
            {
                form[name] = values.ToString();
            }
        }
        else if (request.Query.ContainsKey("Action"))
        {
            foreach (var (name, values) in request.Query)
            {
                form[name] = values.ToString();
            }
        }

        return form;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpResponse http, SandboxResponse response, string requestId, bool isHead, CancellationToken cancellationToken)
    {
        http.StatusCode = response.StatusCode;
        http.Headers["x-amzn-RequestId"] = requestId;
        http.Headers["x-amz-request-id"] = requestId;
        if (response.ContentType is not null)
        {
            http.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            http.Headers[name] = value;
        }

        if (!response.Headers.ContainsKey("Content-Length"))
        {
            http.ContentLength = response.Body.Length;
        }

        if (!isHead && response.Body.Length > 0)
        {
            await http.Body.WriteAsync(response.Body, cancellationToken);
        }
    }

    /// <param name="Service">The emulator that answered (or the scope's service when none did), for the request log.</param>
    /// <param name="Check">How the request was authenticated, <see cref="SignatureCheck.NotRequired"/> for an unsigned operation.</param>
    private sealed record Outcome(SandboxResponse Response, string? Service, string? Operation, string? ErrorCode, bool InjectedFault, SignatureCheck Check);
}
