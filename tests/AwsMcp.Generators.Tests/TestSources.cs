namespace AwsMcp.Generators.Tests;

/// <summary>Plugin sources the tests compile in memory.</summary>
internal static class TestSources
{
    /// <summary>A representative tool set: nested records, enums, arrays, annotations, defaults, nullable, docs, every result kind.</summary>
    public const string Representative = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Demo;

        /// <summary>How instances are sorted.</summary>
        public enum SortOrder { Newest, Oldest, ByName }

        /// <summary>A filter on an attribute.</summary>
        /// <param name="Name">The attribute name.</param>
        /// <param name="Values">Accepted values; at least one.</param>
        public sealed record Filter(
            [property: RegularExpression("[a-z-]+")] string Name,
            [property: MinLength(1), MaxLength(10)] List<string> Values);

        /// <summary>Where to look.</summary>
        public sealed class Scope
        {
            /// <summary>The regions to search.</summary>
            public required IReadOnlyList<string> Regions { get; init; }

            /// <summary>Include stopped instances.</summary>
            public bool IncludeStopped { get; set; } = true;

            /// <summary>Resource tags to match.</summary>
            public Dictionary<string, string>? Tags { get; set; }
        }

        /// <summary>A found instance.</summary>
        /// <param name="Id">The instance id.</param>
        /// <param name="LaunchedAt">When it started.</param>
        /// <param name="Order">The sort key used.</param>
        /// <param name="CpuCount">Number of vCPUs, when known.</param>
        public sealed record FoundInstance(string Id, DateTimeOffset LaunchedAt, SortOrder Order, int? CpuCount);

        /// <summary>A page of results.</summary>
        /// <param name="Items">The instances.</param>
        /// <param name="NextToken">The next page's token.</param>
        public sealed record SearchResult(IReadOnlyList<FoundInstance> Items, string? NextToken);

        public sealed class SearchTools(ToolPackContext context)
        {
            /// <summary>Searches instances.</summary>
            /// <param name="filters">Filters that must all match.</param>
            /// <param name="scope">Where to search.</param>
            /// <param name="order">Sort order.</param>
            /// <param name="maxResults">Page size.</param>
            /// <param name="nextToken">From the previous page.</param>
            /// <param name="since">Only instances launched after this time.</param>
            [Tool(ReadOnly = true, Idempotent = true, Title = "Search instances")]
            public Task<SearchResult> SearchInstancesAsync(
                Filter[] filters,
                Scope? scope = null,
                SortOrder order = SortOrder.Newest,
                [Range(1, 100)] int maxResults = 25,
                string? nextToken = null,
                DateTimeOffset? since = null,
                ToolContext? toolContext = null,
                CancellationToken cancellationToken = default)
            {
                var items = new List<FoundInstance>();
                foreach (Filter filter in filters)
                {
                    items.Add(new FoundInstance(filter.Name + "=" + string.Join("|", filter.Values), since ?? DateTimeOffset.UnixEpoch, order, scope is null ? null : scope.Regions.Count));
                }

                return Task.FromResult(new SearchResult(items, nextToken ?? context.PluginName));
            }

            /// <summary>Counts the instances of an owner.</summary>
            /// <param name="owner">The owner tag value.</param>
            /// <param name="ratio">A sampling ratio.</param>
            /// <param name="id">A request id.</param>
            [Tool]
            public ValueTask<long> CountInstancesAsync([StringLength(20, MinimumLength = 2)] string owner, [Range(0.0, 1.0)] double ratio = 0.5, Guid? id = null) =>
                ValueTask.FromResult((long)(owner.Length * 10 * ratio));
        }

        public static class AdminTools
        {
            /// <summary>Reboots the instances.</summary>
            /// <param name="instanceIds">The instances to reboot.</param>
            /// <param name="force">Skip the graceful shutdown.</param>
            /// <param name="dryRun">Only check.</param>
            [Toolset("admin")]
            [Tool("reboot", Destructive = true, OpenWorld = false)]
            public static Task RebootAsync([TargetResource] string[] instanceIds, bool force = false, [DryRun] bool? dryRun = null) => Task.CompletedTask;

            /// <summary>Echoes a free-form document.</summary>
            /// <param name="document">Any JSON object.</param>
            /// <param name="labels">Labels.</param>
            [Tool]
            public static Task<ToolResult> EchoAsync(JsonElement document, IEnumerable<SortOrder>? labels = null) =>
                Task.FromResult(new ToolResult(document.GetRawText() + (labels is null ? string.Empty : ":" + string.Join(",", labels))));

            /// <summary>Describes the caller.</summary>
            [Tool]
            public static Task<string> WhoAmIAsync(ToolContext context) => Task.FromResult(context.Caller.Id);

            /// <summary>Lists the sort orders.</summary>
            [Tool]
            public static Task<List<SortOrder>> ListOrdersAsync() => Task.FromResult(new List<SortOrder> { SortOrder.Newest, SortOrder.ByName });
        }
        """;

    /// <summary>Less common shapes: keyword names, optional init-only record members, structs, nullable items, a parameterless holder.</summary>
    /// <summary>A fan-out list tool: regions and accounts lists, the page size and items roles, the merged page's output schema.</summary>
    public const string FanOut = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Demo;

        /// <summary>A server.</summary>
        /// <param name="Id">Its id.</param>
        /// <param name="Region">Where it runs, as the tool says it.</param>
        public sealed record Server(string Id, string? Region = null);

        /// <summary>A page of servers.</summary>
        public sealed record ServerPage(IReadOnlyList<Server> Items, string? NextToken)
        {
            /// <summary>More follow.</summary>
            public bool HasMore => NextToken is not null;
        }

        [AwsTarget]
        public static class FleetTools
        {
            /// <summary>Lists servers. Use to find servers anywhere.</summary>
            /// <param name="name">Only this name.</param>
            /// <param name="limit">Page size.</param>
            /// <param name="nextToken">From the previous page.</param>
            [AwsTarget(FanOut = true)]
            [Tool(ReadOnly = true)]
            public static Task<ServerPage> ListServersAsync(string? name = null, [Narrows, PageSize] int limit = 20, [Narrows, PageToken] string? nextToken = null) =>
                Task.FromResult(new ServerPage([], null));

            /// <summary>Lists budgets. Use for budgets of every account.</summary>
            /// <param name="limit">Page size.</param>
            /// <param name="nextToken">From the previous page.</param>
            [AwsTarget(Region = false, FanOut = true)]
            [Tool(ReadOnly = true)]
            public static Task<ServerPage> ListBudgetsAsync([PageSize] int limit = 20, [PageToken] string? nextToken = null) =>
                Task.FromResult(new ServerPage([], null));
        }
        """;

    public const string EdgeCases = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Edge;

        /// <summary>Keyword-named members.</summary>
        public enum Kind { @class, @struct }

        /// <summary>Options.</summary>
        /// <param name="Event">The event.</param>
        public sealed record Options(string Event)
        {
            /// <summary>An optional init-only member with an initializer.</summary>
            public int Retries { get; init; } = 3;

            /// <summary>A keyword-named property.</summary>
            public Kind? @default { get; init; }
        }

        /// <summary>A point.</summary>
        public struct Point
        {
            /// <summary>X.</summary>
            public int X { get; set; }

            /// <summary>Y.</summary>
            public int Y { get; set; }
        }

        /// <summary>A size, bound through its constructor.</summary>
        public readonly struct Size(int width, int height)
        {
            /// <summary>Width.</summary>
            public int Width { get; } = width;

            /// <summary>Height.</summary>
            public int Height { get; } = height;
        }

        public sealed class EdgeTools
        {
            private int _calls;

            /// <summary>Describes the options.</summary>
            /// <param name="options">The options.</param>
            /// <param name="points">Points, some missing.</param>
            /// <param name="scores">Scores, some missing.</param>
            [Tool]
            public ValueTask<string> DescribeAsync(Options options, Point?[]? points = null, List<double?>? scores = null)
            {
                _calls++;
                string text = $"{options.Event}/{options.Retries}/{options.@default?.ToString() ?? "none"}/{points?.Length ?? -1}/{scores?.Count ?? -1}/{_calls}";
                return ValueTask.FromResult(text);
            }

            /// <summary>Returns a struct.</summary>
            /// <param name="point">A point.</param>
            [Tool("mirror_point")]
            public Task<Point> MirrorAsync(Point point) => Task.FromResult(new Point { X = -point.X, Y = -point.Y });

            /// <summary>Computes an area.</summary>
            /// <param name="size">The size.</param>
            [Tool]
            public static Task<int> AreaAsync(Size size) => Task.FromResult(size.Width * size.Height);

            /// <summary>Returns nothing sometimes.</summary>
            /// <param name="empty">Return null.</param>
            [Tool]
            public Task<Options?> MaybeAsync(bool empty) => Task.FromResult<Options?>(empty ? null : new Options("e") { @default = Kind.@struct });
        }
        """;
    /// <summary>
    /// Closed generic types: a page (with a computed property) of a plain item and of another generic, two closed types
    /// of one generic in one tool, nested constructions of one generic, a generic over a list, a generic struct.
    /// </summary>
    public const string Generics = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Generic;

        /// <summary>A page.</summary>
        /// <param name="Items">The items on this page.</param>
        /// <param name="NextToken">Pass as next_token for the next page; absent on the last page.</param>
        public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken)
        {
            /// <summary>More items follow.</summary>
            public bool HasMore => NextToken is not null;
        }

        /// <summary>Two values.</summary>
        /// <param name="First">The first value.</param>
        /// <param name="Second">The second value.</param>
        public sealed record Pair<TFirst, TSecond>(TFirst First, TSecond Second);

        /// <summary>A value in a box.</summary>
        public struct Box<T>
        {
            /// <summary>The boxed value.</summary>
            public T Value { get; set; }
        }

        /// <summary>An item.</summary>
        /// <param name="Name">Its name.</param>
        public sealed record Item(string Name);

        public static class GenericTools
        {
            /// <summary>Lists items.</summary>
            /// <param name="nextToken">Where to continue.</param>
            [Tool]
            public static Task<Page<Item>> ListItemsAsync([PageToken] string? nextToken = null) =>
                Task.FromResult(new Page<Item>([new Item("a"), new Item("b")], nextToken is null ? "2" : null));

            /// <summary>Lists pairs.</summary>
            [Tool]
            public static Task<Page<Pair<string, int>>> ListPairsAsync() =>
                Task.FromResult(new Page<Pair<string, int>>([new Pair<string, int>("x", 1)], null));

            /// <summary>Swaps a pair.</summary>
            /// <param name="pair">The pair to swap.</param>
            [Tool]
            public static Task<Pair<string, int>> SwapAsync(Pair<int, string> pair) => Task.FromResult(new Pair<string, int>(pair.Second, pair.First));

            /// <summary>Counts the words in nested boxes.</summary>
            /// <param name="words">Boxed words.</param>
            [Tool]
            public static Task<Box<Box<int>>> CountAsync(Box<Box<IReadOnlyList<string>>> words) =>
                Task.FromResult(new Box<Box<int>> { Value = new Box<int> { Value = words.Value.Value.Count } });

            /// <summary>Groups items into pages.</summary>
            /// <param name="pages">The pages, each a list of names.</param>
            [Tool]
            public static Task<Pair<List<Item>, int>> FlattenAsync(List<Page<string>> pages) =>
                Task.FromResult(new Pair<List<Item>, int>([.. pages.SelectMany(p => p.Items).Select(n => new Item(n))], pages.Count));
        }
        """;

    /// <summary>
    /// One of each kind besides tools: prompts (enum argument, [Complete], synchronous and async), resources (text and
    /// bytes), resource templates ({var} and {+var}, {region}, an enum variable) and completion providers (async and
    /// synchronous), in an [AwsTarget] class, which gives none of them region or account arguments.
    /// </summary>
    public const string Features = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Demo;

        /// <summary>How urgent an incident is.</summary>
        public enum Urgency { Low, High }

        /// <summary>Which log stream.</summary>
        public enum LogStream { Application, AccessLog }

        [AwsTarget]
        [Toolset("ops")]
        public sealed class OpsFeatures(ToolPackContext context)
        {
            private static readonly string[] s_buckets = ["alpha-logs", "alpha-data", "beta"];

            /// <summary>Starts an incident triage.</summary>
            /// <param name="service">The affected service.</param>
            /// <param name="urgency">How urgent it is.</param>
            /// <param name="region">Where it happens.</param>
            [Prompt(Title = "Triage an incident")]
            public PromptResult TriageIncident(string service, Urgency urgency, [Complete("regions")] string? region = null) =>
                new([PromptMessage.User($"Triage {service} ({urgency}) in {region ?? "every region"}."), PromptMessage.Assistant("Which alarms fired?")], "triage of " + service);

            /// <summary>Reviews the month's cost.</summary>
            /// <param name="bucket">The bucket whose cost to review.</param>
            [Prompt("cost_review")]
            public static Task<string> ReviewCostAsync(ToolContext context, [Complete("buckets")] string bucket = "all") =>
                Task.FromResult($"Review the cost of {bucket} for {context.Caller.Id}.");

            /// <summary>The account summary.</summary>
            [Resource("aws://iam/account-summary", MimeType = "application/json", Subscribable = true, Title = "Account summary")]
            public ValueTask<string> AccountSummaryAsync(CancellationToken cancellationToken) =>
                ValueTask.FromResult("{\"plugin\":\"" + context.PluginName + "\"}");

            /// <summary>The plugin's logo.</summary>
            [Resource("aws://demo/logo.png", Name = "logo")]
            public static byte[] Logo() => [1, 2, 3];

            /// <summary>An object of a bucket.</summary>
            /// <param name="bucket">The bucket.</param>
            /// <param name="key">The object key; may contain slashes.</param>
            /// <param name="region">The bucket's region.</param>
            [ResourceTemplate("aws://s3/{region}/{bucket}/{+key}", Title = "S3 object")]
            public Task<ResourceContent> S3ObjectAsync(string region, [Complete("buckets")] string bucket, string key, ToolContext context) =>
                Task.FromResult(ResourceContent.FromText($"{bucket}/{key} in {region} ({context.Region})", "text/markdown"));

            /// <summary>A log stream of a group.</summary>
            /// <param name="group">The log group.</param>
            /// <param name="stream">Which stream.</param>
            [ResourceTemplate("logs://{group}/{stream}", MimeType = "text/x-log")]
            public static ReadOnlyMemory<byte> LogStreamBytes(string group, LogStream stream) => new byte[] { (byte)group.Length, (byte)stream };

            /// <summary>Bucket names.</summary>
            /// <param name="prefix">What the user typed.</param>
            [Completion("buckets")]
            public static Task<IReadOnlyList<string>> BucketNamesAsync(string prefix, CancellationToken cancellationToken) =>
                Task.FromResult<IReadOnlyList<string>>([.. s_buckets.Where(b => b.StartsWith(prefix, StringComparison.Ordinal))]);

            /// <summary>Service names.</summary>
            /// <param name="typed">What the user typed.</param>
            [Completion("services")]
            public string[] ServiceNames(ToolContext context, string typed) => ["ec2", "s3", typed];
        }

        public static class StorageTools
        {
            /// <summary>Describes a bucket.</summary>
            /// <param name="bucket">The bucket.</param>
            [Tool(ReadOnly = true)]
            public static Task<string> DescribeBucketAsync([Complete("buckets")] string bucket) => Task.FromResult(bucket);
        }
        """;
}
