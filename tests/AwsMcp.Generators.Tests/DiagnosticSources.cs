namespace AwsMcp.Generators.Tests;

/// <summary>One plugin source per generator diagnostic, keyed by the diagnostic ID it must produce.</summary>
internal static class DiagnosticSources
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using AwsMcp.Abstractions;

        namespace Demo;

        """;

    public static readonly IReadOnlyDictionary<string, string> ById = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWSMCP001"] = Usings + """
            public sealed class Settings { public object? Value { get; set; } }

            public sealed class ReadOnlySettings { public string Name { get; } = ""; }

            public static class Tools
            {
                /// <summary>Object parameter.</summary>
                [Tool]
                public static Task Untyped(object value) => Task.CompletedTask;

                /// <summary>Nested unsupported member.</summary>
                [Tool]
                public static Task Nested(Settings settings) => Task.CompletedTask;

                /// <summary>Nothing can be bound.</summary>
                [Tool]
                public static Task Frozen(ReadOnlySettings settings) => Task.CompletedTask;

                /// <summary>Dictionary keyed by int.</summary>
                [Tool]
                public static Task ByNumber(Dictionary<int, string> map) => Task.CompletedTask;
            }
            """,
        ["AWSMCP002"] = Usings + """
            public sealed class Node { public string Name { get; set; } = ""; public List<Node>? Children { get; set; } }

            public static class Tools
            {
                /// <summary>Recursive parameter.</summary>
                [Tool]
                public static Task Walk(Node root) => Task.CompletedTask;

                /// <summary>A closed generic type that contains itself.</summary>
                [Tool]
                public static Task<Tree<string>> Grow() => Task.FromResult(new Tree<string>("root", []));

                /// <summary>A generic type that contains ever larger constructions of itself.</summary>
                [Tool]
                public static Task Follow(Chain<int> chain) => Task.CompletedTask;
            }

            public sealed record Tree<T>(T Value, IReadOnlyList<Tree<T>> Children);

            public sealed record Chain<T>(T Value, Chain<List<T>>? Next = null);
            """,
        ["AWSMCP003"] = Usings + """
            public static class Tools
            {
                /// <summary>First.</summary>
                [Tool("echo")]
                public static Task<string> Echo1(string text) => Task.FromResult(text);

                /// <summary>Second.</summary>
                [Tool("echo")]
                public static Task<string> Echo2(string text) => Task.FromResult(text);

                /// <summary>Prompts, resources, templates and completion sources share the tools' names.</summary>
                [Prompt("echo")]
                public static string EchoPrompt(string text) => text;
            }
            """,
        ["AWSMCP004"] = Usings + """
            public static class Tools
            {
                /// <summary>Upper case and a dash.</summary>
                [Tool("Get-Things")]
                public static Task Bad() => Task.CompletedTask;
            }
            """,
        ["AWSMCP005"] = Usings + """
            public static class Tools
            {
                /// <summary>Synchronous.</summary>
                [Tool]
                public static string Sync() => "";

                /// <summary>Void.</summary>
                [Tool]
                public static void Nothing() { }
            }
            """,
        ["AWSMCP006"] = Usings + """
            public static class Tools
            {
                /// <summary>By reference.</summary>
                [Tool]
                public static Task ByRef(ref int count) => Task.CompletedTask;

                /// <summary>Params.</summary>
                [Tool]
                public static Task Many(params string[] names) => Task.CompletedTask;
            }
            """,
        ["AWSMCP007"] = Usings + """
            public static class Tools
            {
                [Tool]
                public static Task Undocumented() => Task.CompletedTask;

            #pragma warning disable AWSMCP007
                [Tool]
                public static Task Suppressed() => Task.CompletedTask;
            #pragma warning restore AWSMCP007
            }
            """,
        ["AWSMCP008"] = Usings + """
            public static class Tools
            {
                /// <summary>Generic.</summary>
                [Tool]
                public static Task<T> Generic<T>(T value) => Task.FromResult(value);
            }

            public sealed class Holder<T>
            {
                /// <summary>In a generic type.</summary>
                [Tool]
                public Task<Box<T>> Inside(Box<T> box) => Task.FromResult(box);
            }

            public sealed record Box<T>(T Value);
            """,
        ["AWSMCP009"] = Usings + """
            public sealed class NeedsService(string connectionString)
            {
                /// <summary>No usable constructor.</summary>
                [Tool]
                public Task Run() => Task.CompletedTask;
            }

            public abstract class Base
            {
                /// <summary>Abstract holder.</summary>
                [Tool]
                public Task Abstract() => Task.CompletedTask;
            }

            public static class Outer
            {
                private static class Hidden
                {
                    /// <summary>Private containing type.</summary>
                    [Tool]
                    public static Task Secret() => Task.CompletedTask;
                }
            }
            """,
        ["AWSMCP010"] = Usings + """
            public static class Tools
            {
                /// <summary>Returns object.</summary>
                [Tool]
                public static Task<object> Anything() => Task.FromResult(new object());
            }
            """,
        // Needs a compilation without /doc: see SnapshotTests.DocumentationNotParsed.
        ["AWSMCP011"] = Usings + """
            public static class Tools
            {
                /// <summary>Documented, but the project does not parse docs.</summary>
                [Tool]
                public static Task Documented() => Task.CompletedTask;
            }
            """,
        ["AWSMCP012"] = Usings + """
            public sealed class Tools
            {
                /// <summary>Private.</summary>
                [Tool]
                private Task Hidden() => Task.CompletedTask;
            }
            """,
        ["AWSMCP013"] = Usings + """
            public static class Tools
            {
                /// <summary>Two parameters with one JSON name.</summary>
                [Tool]
                public static Task Clash(string instanceId, string instance_id) => Task.CompletedTask;
            }
            """,
        ["AWSMCP014"] = Usings + """
            [AwsTarget]
            public static class Tools
            {
                /// <summary>Declares the region [AwsTarget] adds.</summary>
                [Tool(ReadOnly = true)]
                public static Task Describe(string id, string? region = null) => Task.CompletedTask;
            }
            """,
        ["AWSMCP015"] = Usings + """
            public static class Tools
            {
                /// <summary>A resource that is a number.</summary>
                [Tool(ReadOnly = true)]
                public static Task Describe([TargetResource] int id) => Task.CompletedTask;

                /// <summary>A resource that is the context.</summary>
                [Tool(ReadOnly = true)]
                public static Task Who([TargetResource] ToolContext context) => Task.CompletedTask;
            }
            """,
        ["AWSMCP016"] = Usings + """
            public static class Tools
            {
                /// <summary>A count that is text.</summary>
                [Tool]
                public static Task Launch([ResourceCount] string count) => Task.CompletedTask;
            }
            """,
        ["AWSMCP017"] = Usings + """
            [AwsTarget]
            public sealed class Tools
            {
                /// <summary>No such locator.</summary>
                [AwsTarget(RegionLocator = "Missing")]
                [Tool(ReadOnly = true)]
                public Task Head([TargetResource] string bucket) => Task.CompletedTask;

                /// <summary>A locator that returns no region.</summary>
                [AwsTarget(RegionLocator = nameof(Count))]
                [Tool(ReadOnly = true)]
                public Task Peek([TargetResource] string bucket) => Task.CompletedTask;

                /// <summary>A locator asking for an argument the tool lacks.</summary>
                [AwsTarget(RegionLocator = nameof(Locate))]
                [Tool(ReadOnly = true)]
                public Task Look([TargetResource] string bucket) => Task.CompletedTask;

                public Task<int> Count(string bucket) => Task.FromResult(bucket.Length);

                public Task<string> Locate(ToolContext context, string key) => Task.FromResult(key);
            }
            """,
        ["AWSMCP018"] = Usings + """
            [AwsTarget]
            public static class Tools
            {
                /// <summary>Changes something it does not name.</summary>
                [Tool]
                public static Task Reset(bool force = false) => Task.CompletedTask;
            }
            """,
        ["AWSMCP019"] = Usings + """
            public static class Tools
            {
                /// <summary>A dry-run switch that is text.</summary>
                [Tool]
                public static Task Stop([TargetResource] string id, [DryRun] string check = "no") => Task.CompletedTask;

                /// <summary>Two dry-run switches.</summary>
                [Tool]
                public static Task Start([TargetResource] string id, [DryRun] bool dryRun = false, [DryRun] bool check = false) => Task.CompletedTask;
            }
            """,
        ["AWSMCP021"] = Usings + """
            [Toolset("EC2 Tools")]
            public static class Tools
            {
                /// <summary>A toolset name with capitals and a space.</summary>
                [Tool(ReadOnly = true)]
                public static Task Describe(string id) => Task.CompletedTask;
            }
            """,
        ["AWSMCP020"] = Usings + """
            public sealed record Page(string[] Items, string? NextToken);

            public static class Tools
            {
                /// <summary>A page token that is a number.</summary>
                [Tool(ReadOnly = true)]
                public static Task<Page> Numbered([PageToken] int? nextToken = null) => Task.FromResult(new Page([], null));

                /// <summary>A result that returns no next token.</summary>
                [Tool(ReadOnly = true)]
                public static Task<string[]> Endless([PageToken] string? nextToken = null) => Task.FromResult(new string[0]);
            }
            """,
        ["AWSMCP022"] = Usings + """
            public sealed record Window(int Days);

            public static class Prompts
            {
                /// <summary>A number and an object: prompt arguments are text.</summary>
                [Prompt]
                public static string Review(int days, Window window, string? service = null) => "review";
            }
            """,
        ["AWSMCP023"] = Usings + """
            public static class Prompts
            {
                /// <summary>Returns a number.</summary>
                [Prompt]
                public static Task<int> Count() => Task.FromResult(1);

                /// <summary>Returns nothing.</summary>
                [Prompt]
                public static void Nothing() { }
            }
            """,
        ["AWSMCP024"] = Usings + """
            public static class Resources
            {
                /// <summary>A list is not content.</summary>
                [Resource("aws://demo/names")]
                public static Task<List<string>> Names() => Task.FromResult(new List<string>());

                /// <summary>Nor is a ToolResult.</summary>
                [ResourceTemplate("aws://demo/{id}")]
                public static ToolResult Item(string id) => new(id);
            }
            """,
        ["AWSMCP025"] = Usings + """
            public static class Resources
            {
                /// <summary>A fixed resource cannot take an argument.</summary>
                [Resource("aws://demo/summary")]
                public static string Summary(string account, ToolContext context, CancellationToken cancellationToken) => account;
            }
            """,
        ["AWSMCP026"] = Usings + """
            public static class Resources
            {
                /// <summary>No scheme.</summary>
                [Resource("demo/summary")]
                public static string Relative() => "";

                /// <summary>A variable in a fixed URI.</summary>
                [Resource("aws://demo/{id}")]
                public static string Fixed() => "";

                /// <summary>An unclosed expression.</summary>
                [ResourceTemplate("aws://demo/{id")]
                public static string Unclosed(string id) => id;

                /// <summary>A nested expression.</summary>
                [ResourceTemplate("aws://demo/{a{b}}")]
                public static string Nested(string a) => a;

                /// <summary>A level-3 operator.</summary>
                [ResourceTemplate("aws://demo/{?query}")]
                public static string Query(string query) => query;

                /// <summary>No variable at all.</summary>
                [ResourceTemplate("aws://demo/all")]
                public static string Constant() => "";
            }
            """,
        ["AWSMCP027"] = Usings + """
            public static class Templates
            {
                /// <summary>A variable without a parameter and a parameter without a variable.</summary>
                [ResourceTemplate("aws://s3/{bucket}/{+key}")]
                public static string Object(string bucket, string version) => bucket;

                /// <summary>A variable that is not text.</summary>
                [ResourceTemplate("aws://ec2/{count}")]
                public static string Counted(int count) => "";

                /// <summary>The region variable is the call's region, so a string.</summary>
                [ResourceTemplate("aws://ec2/{region}/{id}")]
                public static string Located(Region region, string id) => id;
            }

            public enum Region { EuWest1, UsEast1 }
            """,
        ["AWSMCP028"] = Usings + """
            public static class Providers
            {
                /// <summary>No prefix.</summary>
                [Completion("none")]
                public static string[] None(ToolContext context) => [];

                /// <summary>A number prefix.</summary>
                [Completion("numbered")]
                public static string[] Numbered(int prefix) => [];

                /// <summary>Not a list of strings.</summary>
                [Completion("counts")]
                public static Task<int[]> Counts(string prefix) => Task.FromResult(new int[0]);
            }
            """,
        ["AWSMCP029"] = Usings + """
            public static class Mixed
            {
                /// <summary>A tool and a prompt at once.</summary>
                [Tool]
                [Prompt]
                public static Task<string> Both(string text) => Task.FromResult(text);
            }
            """,
        ["AWSMCP030"] = Usings + """
            public static class Prompts
            {
                /// <summary>A source name with capitals, and a context to complete.</summary>
                [Prompt]
                public static string Review([Complete("Log Groups")] string group, [Complete("regions")] ToolContext context) => group;
            }
            """,
        ["AWSMCP031"] = Usings + """
            public static class Prompts
            {
                /// <summary>Names a source nobody provides.</summary>
                [Prompt]
                public static string Review([Complete("log_groups")] string group, [Complete("regions")] string? region = null) => group;

                /// <summary>Provides another source.</summary>
                [Completion("buckets")]
                public static string[] Buckets(string prefix) => [];
            }
            """,
        ["AWSMCP032"] = Usings + """
            public sealed record Item(string Id);

            public sealed record Page(IReadOnlyList<Item> Items, string? NextToken) { public bool HasMore => NextToken is not null; }

            public sealed record Summary(IReadOnlyList<Item> Items, string? NextToken, int Total);

            [AwsTarget(FanOut = true)]
            public static class Fleet
            {
                /// <summary>Changes things: not asked of many targets at once.</summary>
                [Tool]
                public static Task<Page> Stop([PageSize] int limit = 10, [PageToken] string? nextToken = null) => Task.FromResult(new Page([], null));

                /// <summary>No page size to share.</summary>
                [Tool(ReadOnly = true)]
                public static Task<Page> Unsized(int limit = 10, [PageToken] string? nextToken = null) => Task.FromResult(new Page([], null));

                /// <summary>A total the host could not merge.</summary>
                [Tool(ReadOnly = true)]
                public static Task<Summary> Totals([PageSize] int limit = 10, [PageToken] string? nextToken = null) => Task.FromResult(new Summary([], null, 0));

                /// <summary>A page size that is not an integer.</summary>
                [Tool(ReadOnly = true)]
                public static Task<Page> Texts([PageSize] string limit = "10", [PageToken] string? nextToken = null) => Task.FromResult(new Page([], null));

                /// <summary>Acts where its resource is.</summary>
                [AwsTarget(FanOut = true, RegionLocator = nameof(LocateAsync))]
                [Tool(ReadOnly = true)]
                public static Task<Page> Located(string bucket, [PageSize] int limit = 10, [PageToken] string? nextToken = null) => Task.FromResult(new Page([], null));

                public static Task<string> LocateAsync(string bucket) => Task.FromResult("eu-west-1");
            }
            """,
    };
}
