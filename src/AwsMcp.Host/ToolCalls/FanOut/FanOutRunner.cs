using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.ToolCalls.Authorization;
using AwsMcp.Host.ToolCalls.Execution;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.FanOut;

/// <summary>
/// Runs a fan-out call (a tool declared with <c>[AwsTarget(FanOut = true)]</c> called with <c>regions</c> or
/// <c>accounts</c>) in place of the executor: expands and caps its targets (<see cref="FanOutTargets"/>), authorises
/// every one (a denied target is reported and never asked), asks the rest through the tool's own binder and invoker,
/// at most <c>MaxConcurrency</c> at a time and each within <c>TargetTimeoutSeconds</c>, and merges their pages
/// (<see cref="MergedPage"/>). Paging: the page size is shared among the targets asked on this page (at most that many
/// targets, the ones not asked and those with more go on in a <see cref="FanOutCursor"/>), room left is offered again
/// to those with more (<see cref="TopUpAsync"/>), so a merged page holds at most <c>limit</c> items and each target continues from its own token: nothing is lost or repeated. Every target
/// asked or denied is written to the call's one audit record.
/// </summary>
public sealed class FanOutRunner(FanOutTargets targets, ToolExecutor executor, ToolPolicy policy, IOptionsMonitor<FanOutOptions> options)
{
    // Top-up rounds per page: each waits on the slowest target asked, so a page stays a few round trips long.
    private const int MaxTopUpRounds = 3;

    public async ValueTask<ToolResult> RunAsync(ToolCall call)
    {
        var tool = call.Tool!;
        var roles = tool.Roles;
        var (expanded, problem) = targets.Expand(tool, call.Bound!);
        if (problem is not null)
        {
            return Invalid(call, problem);
        }

        var cursor = FanOutCursor.Start(expanded);
        if (Argument(call.ToolArguments, roles.PageToken!) is { ValueKind: JsonValueKind.String } sent && sent.GetString() is { Length: > 0 } token)
        {
            // Sealed to these arguments by PageTokens, so only a cursor this host wrote for them gets here.
            if (FanOutCursor.Parse(token) is not { } parsed)
            {
                return Invalid(call, new ArgumentProblem(roles.PageToken!, "is not a token of this listing; leave it out to start from the first page"));
            }

            cursor = parsed;
        }

        var answers = new List<TargetAnswer>();
        var allowed = new List<(FanOutTarget Target, string? Token)>();
        foreach (var entry in cursor.Pending)
        {
            if (policy.EvaluateTarget(entry.Target.Region, entry.Target.Account) is { Allowed: false } denied)
            {
                answers.Add(TargetAnswer.Denied(entry.Target, denied.Reason!));
            }
            else
            {
                allowed.Add(entry);
            }
        }

        if (allowed.Count == 0)
        {
            Record(call, answers);
            call.Outcome = ToolCallOutcome.Refused;
            call.Decision = PolicyDecision.Refuse("fan-out-targets", "Every target is refused by policy: " + string.Join("; ", answers.Select(a => $"{a.Target}: {a.Error}")));
            return ToolResult.Error(call.Decision.Reason!);
        }

        var limit = PageSize(call);
        var asked = allowed.Take(limit).ToList();
        var settings = options.CurrentValue;
        var timeout = TimeSpan.FromSeconds(settings.TargetTimeoutSeconds);
        using var gate = new SemaphoreSlim(settings.MaxConcurrency);
        var results = await Task.WhenAll(asked.Select((entry, index) => AskAsync(call, entry.Target, entry.Token, Share(limit, asked.Count, index), gate, timeout)));
        await TopUpAsync(call, results, limit, gate, timeout);
        answers.AddRange(results);

        // Those not asked yet go first, so every target is reached however many pages it takes.
        List<(FanOutTarget, string?)> pending =
        [
            .. allowed.Skip(asked.Count),
            .. results.Where(answer => answer is { Status: TargetStatus.Ok, NextToken: not null }).Select(answer => (answer.Target, answer.NextToken)),
        ];
        Record(call, answers);
        call.Outcome = results.Any(answer => answer.Status == TargetStatus.Ok) ? ToolCallOutcome.Succeeded : ToolCallOutcome.ToolError;
        return MergedPage.Write(roles, answers, pending.Count > 0 ? new FanOutCursor(pending).Encode() : null);
    }

    /// <summary>
    /// While the page has room and targets have more, asks those again for the room left (a few rounds at most), so a
    /// page is full whenever the fleet has that many items, not only when every target had its share: one busy region
    /// among empty ones does not take a page per share. A target whose top-up fails keeps what it answered and its
    /// token, so the next page asks it again from there.
    /// </summary>
    private async Task TopUpAsync(ToolCall call, TargetAnswer[] results, int limit, SemaphoreSlim gate, TimeSpan timeout)
    {
        for (var round = 0; round < MaxTopUpRounds; round++)
        {
            var room = limit - results.Sum(answer => answer.Items.Count);
            var more = Enumerable.Range(0, results.Length).Where(i => results[i] is { Status: TargetStatus.Ok, NextToken: not null }).Take(room).ToList();
            if (room <= 0 || more.Count == 0)
            {
                return;
            }

            var again = await Task.WhenAll(more.Select((i, k) => AskAsync(call, results[i].Target, results[i].NextToken, Share(room, more.Count, k), gate, timeout)));
            for (var k = 0; k < more.Count; k++)
            {
                if (again[k].Status == TargetStatus.Ok)
                {
                    var before = results[more[k]];
                    results[more[k]] = before with { Items = [.. before.Items, .. again[k].Items], NextToken = again[k].NextToken };
                }
            }
        }
    }

    /// <summary>The <paramref name="index"/>th of <paramref name="count"/> shares of <paramref name="limit"/> (count ≤ limit, so each is at least 1).</summary>
    private static int Share(int limit, int count, int index) => (limit / count) + (index < limit % count ? 1 : 0);

    private async Task<TargetAnswer> AskAsync(ToolCall call, FanOutTarget target, string? token, int share, SemaphoreSlim gate, TimeSpan timeout)
    {
        await gate.WaitAsync(call.CancellationToken);
        try
        {
            BoundToolCall bound;
            try
            {
                bound = call.Tool!.Bind(TargetArguments(call, token, share));
            }
            catch (ToolArgumentException ex)
            {
                return TargetAnswer.Failed(target, ex.Message);
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                // WaitAsync too: a tool that ignores its token still lets the others be answered.
                var result = await executor.InvokeTargetAsync(call, bound, target.Region, target.Account, deadline.Token).AsTask().WaitAsync(timeout, call.CancellationToken);
                return deadline.IsCancellationRequested && result.IsError ? TimedOut(target, timeout) : Read(call.Tool!.Roles, target, result);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && !call.CancellationToken.IsCancellationRequested))
            {
                return TimedOut(target, timeout);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static TargetAnswer TimedOut(FanOutTarget target, TimeSpan timeout) =>
        new(target, TargetStatus.TimedOut, [], null, $"no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (AwsMcp:FanOut:TargetTimeoutSeconds)");

    private static TargetAnswer Read(ToolArgumentRoles roles, FanOutTarget target, ToolResult result)
    {
        if (result.IsError)
        {
            return TargetAnswer.Failed(target, result.Text);
        }

        if (!result.HasUtf8Json)
        {
            return TargetAnswer.Failed(target, "the tool did not answer a page");
        }

        using var document = JsonDocument.Parse(result.Utf8Json);
        var root = document.RootElement;
        if (Argument(root, roles.PageItems!) is not { ValueKind: JsonValueKind.Array } items)
        {
            return TargetAnswer.Failed(target, "the tool did not answer a page");
        }

        var next = Argument(root, roles.PageToken!) is { ValueKind: JsonValueKind.String } token ? token.GetString() : null;
        return new TargetAnswer(target, TargetStatus.Ok, [.. items.EnumerateArray().Select(item => item.Clone())], next, null);
    }

    /// <summary>The call's arguments for one target: its own page token (or none) and its share of the page.</summary>
    private static JsonElement TargetArguments(ToolCall call, string? token, int share)
    {
        var roles = call.Tool!.Roles;
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (call.ToolArguments.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in call.ToolArguments.EnumerateObject().Where(p => p.Name != roles.PageToken && p.Name != roles.PageSize))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteNumber(roles.PageSize!, share);
            if (token is not null)
            {
                writer.WriteString(roles.PageToken!, token);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>The page size the binder bound: asked for, else the tool's default.</summary>
    private static int PageSize(ToolCall call) =>
        call.Bound!.PageSize is int size and > 0
            ? size
            : throw new InvalidOperationException($"Tool '{call.Tool!.Name}' fans out but its binder gives no page size.");

    private static JsonElement? Argument(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static void Record(ToolCall call, IEnumerable<TargetAnswer> answers)
    {
        foreach (var answer in answers)
        {
            call.AuditTrail.FanOutTarget(answer.Target.ToString(), answer.AuditOutcome);
        }
    }

    private static ToolResult Invalid(ToolCall call, ArgumentProblem problem)
    {
        call.Outcome = ToolCallOutcome.InvalidArguments;
        return ToolResult.Error($"Invalid arguments for '{call.Tool!.Name}': {problem.Path}: {problem.Reason}.");
    }
}
