using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Deployment;

/// <summary>
/// The Helm chart's security posture and its agreement with the server and the image, read from what the pinned helm
/// renders for each CI values file (deploy/helm/awsmcp/ci) and for the defaults: who the pods run as, what they can
/// write, where the probes go, where secrets come from, and that every setting they name is one the server reads.
/// .ci/deploy-check.sh lints the same renders and checks them against the Kubernetes schemas.
/// </summary>
public sealed partial class ChartTests
{
    // The settings that hold secrets, and the Secret keys the server reads them from.
    private static readonly Regex SecretSetting = SecretSettingPattern();

    public static TheoryData<string> Renders() => [.. HelmChart.CiValuesFiles(), Defaults];

    private const string Defaults = "(defaults)";

    private static readonly string[] Probes = ["startupProbe", "livenessProbe", "readinessProbe"];

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Every_pod_runs_as_a_fixed_non_root_user_without_privileges_or_a_writable_root(string values)
    {
        var chart = await RenderAsync(values);
        var pod = chart.ServerPod["securityContext"]!;

        Assert.Equal(((bool?)true, (long?)DockerfileUid(), (long?)DockerfileUid(), "RuntimeDefault"), ((bool?)pod["runAsNonRoot"], (long?)pod["runAsUser"], (long?)pod["runAsGroup"], (string?)pod["seccompProfile"]!["type"]));
        Assert.All(chart.PodSpecs, spec =>
        {
            Assert.True((bool?)spec["securityContext"]!["runAsNonRoot"]);
            Assert.False((bool?)spec["automountServiceAccountToken"]);
            Assert.All(Containers(spec), container =>
            {
                var security = container["securityContext"]!;
                Assert.Equal(((bool?)false, (bool?)true, (bool?)false), ((bool?)security["allowPrivilegeEscalation"], (bool?)security["readOnlyRootFilesystem"], (bool?)security["privileged"]));
                Assert.Equal(new string?[] { "ALL" }, security["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
                Assert.Null(security["capabilities"]!["add"]);
            });
        });
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task The_server_writes_only_to_its_own_empty_dirs_and_reads_the_rest(string values)
    {
        var chart = await RenderAsync(values);
        var env = Literals(chart);
        var mounts = chart.ServerContainer["volumeMounts"]!.AsArray().Select(m => m!.AsObject()).ToList();
        var volumes = chart.ServerPod["volumes"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => v!.AsObject());

        // Every folder the server writes (PluginOptions.ShadowCopyFullPath, AuditOptions.FullPath and the replay cache
        // inside it, and the temporary folder .NET and the SDK use) is a writable emptyDir of its own.
        string[] written = [env["AWSMCP__Audit__Path"], env["AWSMCP__Plugins__ShadowCopyPath"], "/tmp"];
        var writable = mounts.Where(m => (bool?)m["readOnly"] != true).ToList();
        Assert.Equal(written.Order(), writable.Select(m => (string)m["mountPath"]!).Order());
        Assert.All(writable, m => Assert.NotNull(volumes[(string)m["name"]!]["emptyDir"]!["sizeLimit"]));

        // The image's folders and listen address, so that `docker run` and the chart agree.
        var image = DockerfileEnvironment();
        Assert.Equal(image["AWSMCP__Plugins__Path"], env["AWSMCP__Plugins__Path"]);
        Assert.Equal(image["AWSMCP__Audit__Path"], env["AWSMCP__Audit__Path"]);
        Assert.Equal("http://0.0.0.0:8080", env["AWSMCP__Http__Urls"]);
        // A pod's packs are fixed at start, so they load for good rather than into collectible contexts.
        Assert.Equal("false", env["AWSMCP__Plugins__Watch"]);

        // The appsettings file sits where the host looks: its content root (the image's /app), named for the environment.
        var config = mounts.Single(m => (string)m["name"]! == "config");
        Assert.Equal($"/app/appsettings.{env["DOTNET_ENVIRONMENT"]}.json", (string?)config["mountPath"]);
        Assert.Equal("/app/awsmcp.dll", Regex.Match(File.ReadAllText(DockerfilePath), @"ENTRYPOINT \[""dotnet"", ""([^""]+)""").Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Probes_ask_the_health_endpoints_on_the_listening_port_as_a_loopback_host(string values)
    {
        var chart = await RenderAsync(values);
        var container = chart.ServerContainer;
        var port = container["ports"]!.AsArray().Single()!;

        Assert.Equal(("http", (long?)8080), ((string?)port["name"], (long?)port["containerPort"]));
        Assert.EndsWith($":{(long)port["containerPort"]!}", Literals(chart)["AWSMCP__Http__Urls"], StringComparison.Ordinal);
        Assert.Equal(
            new[] { ("startupProbe", "/"), ("livenessProbe", "/"), ("readinessProbe", "/health/ready") },
            Probes.Select(probe => (probe, (string)container[probe]!["httpGet"]!["path"]!)));
        Assert.All(Probes, probe =>
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Equal("http", (string?)get["port"]);
            Assert.Equal(("Host", "localhost"), ((string?)get["httpHeaders"]![0]!["name"], (string?)get["httpHeaders"]![0]!["value"]));
        });

        var service = chart.Single("Service", HelmChart.Release);
        Assert.Equal("http", (string?)service["spec"]!["ports"]![0]!["targetPort"]);
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Secrets_come_only_from_the_releases_secret(string values)
    {
        var chart = await RenderAsync(values);
        var secretName = HelmChart.Release;

        Assert.Empty(chart.OfKind("Secret"));
        var entries = chart.OfKind("Deployment").SelectMany(d => Containers(d["spec"]!["template"]!["spec"]!.AsObject()))
            .SelectMany(c => c["env"]?.AsArray().Select(e => e!.AsObject()) ?? []).ToList();
        Assert.All(entries.Where(e => SecretSetting.IsMatch((string)e["name"]!)), entry =>
        {
            if (entry["valueFrom"] is { } from)
            {
                Assert.Equal(secretName, (string?)from["secretKeyRef"]!["name"]);
            }
            else
            {
                // Only the in-chart Redis's configuration string is written out, and its password is a reference.
                Assert.Equal("AWSMCP__SharedState__Redis", (string?)entry["name"]);
                Assert.DoesNotMatch("password=(?!\\$\\(AWSMCP_REDIS_PASSWORD\\))", (string)entry["value"]!);
            }
        });

        var settings = ChartPod.Flatten(chart.AppSettings["AwsMcp"], "AWSMCP").Select(s => s.Name).ToList();
        Assert.DoesNotContain(settings, SecretSetting.IsMatch);
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Every_setting_the_manifests_name_is_one_the_server_reads(string values)
    {
        var chart = await RenderAsync(values);
        var names = chart.Env.Select(e => (string)e["name"]!).Where(n => n.StartsWith(ConfigurationKeys.VariablePrefix, StringComparison.Ordinal))
            .Concat(ChartPod.Flatten(chart.AppSettings["AwsMcp"], "AWSMCP").Select(s => s.Name));

        var unknown = names.Where(name => !ConfigurationKeys.VariableExists(name)).ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Scaling_objects_select_the_servers_pods(string values)
    {
        var chart = await RenderAsync(values);
        var labels = chart.Server["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        bool Selects(JsonNode? selector) => selector!.AsObject().All(l => (string?)labels[l.Key] == (string?)l.Value);

        Assert.True(Selects(chart.Server["spec"]!["selector"]!["matchLabels"]));
        Assert.True(Selects(chart.Single("Service", HelmChart.Release)["spec"]!["selector"]));
        var pdb = chart.Single("PodDisruptionBudget", HelmChart.Release)["spec"]!;
        Assert.True(Selects(pdb["selector"]!["matchLabels"]));

        var hpa = chart.Find("HorizontalPodAutoscaler", HelmChart.Release);
        var floor = hpa is null ? (long)chart.Server["spec"]!["replicas"]! : (long)hpa["spec"]!["minReplicas"]!;
        Assert.True((long)pdb["minAvailable"]! < floor, "a PodDisruptionBudget at the replica floor would block every node drain");
        if (hpa is not null)
        {
            // The HPA owns the count: a replicas field would reset it at every upgrade.
            Assert.Null(chart.Server["spec"]!["replicas"]);
            Assert.Equal(("Deployment", HelmChart.Release), ((string?)hpa["spec"]!["scaleTargetRef"]!["kind"], (string?)hpa["spec"]!["scaleTargetRef"]!["name"]));
            Assert.NotNull(chart.ServerContainer["resources"]!["requests"]!["cpu"]);
        }
    }

    [Fact]
    public async Task Irsa_is_the_default_and_lives_on_the_service_account()
    {
        var chart = await HelmChart.RenderAsync($"aws.irsa.roleArn={HelmChart.RoleArn}");
        var account = chart.Single("ServiceAccount", (string)chart.ServerPod["serviceAccountName"]!);

        Assert.Equal(HelmChart.RoleArn, (string?)account["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]);

        // EKS injects the rest; a value here would be one more place for the role to drift.
        Assert.DoesNotContain(chart.Env, e => ((string)e["name"]!).StartsWith("AWS_ROLE", StringComparison.Ordinal) || ((string)e["name"]!).StartsWith("AWS_CONTAINER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pod_identity_leaves_the_service_account_bare()
    {
        var chart = await HelmChart.RenderCiAsync("pod-identity-values.yaml");

        Assert.Null(chart.Single("ServiceAccount", HelmChart.Release)["metadata"]!["annotations"]);
    }

    [Theory]
    [InlineData("aws.irsa.roleArn is required")]
    [InlineData("configure auth.apiKeys or auth.jwt", "--set-json", "auth.apiKeys=[]")]
    [InlineData("config.Security.ConfirmationKey is set by the chart", "--set", "config.Security.ConfirmationKey=x")]
    [InlineData("config.Http.Urls is set by the chart", "--set", "config.Http.Urls=http://0.0.0.0:80")]
    [InlineData("additional properties 'replicas' not allowed", "--set", "replicas=3")]
    [InlineData("must be below the replica count", "--set", "autoscaling.enabled=false", "--set", "replicaCount=1")]
    [InlineData("the AWS SDK prefers", "--set", "aws.credentials=podIdentity")]
    public async Task The_chart_refuses_what_would_not_start_or_not_be_secure(string message, params string[] arguments)
    {
        // Each refusal but the first is checked with a role, so that only the value under test is wrong.
        string[] role = message.StartsWith("aws.irsa", StringComparison.Ordinal) ? [] : ["--set", $"aws.irsa.roleArn={HelmChart.RoleArn}"];

        var (exit, _, error) = await HelmChart.TemplateAsync([.. role, .. arguments]);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charts_app_version_is_the_servers()
    {
        var version = Regex.Match(File.ReadAllText(Path.Combine(TestBuild.RepoRoot, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;

        Assert.Contains($"appVersion: \"{version}\"", File.ReadAllText(Path.Combine(HelmChart.ChartPath, "Chart.yaml")), StringComparison.Ordinal);
    }

    private static Task<RenderedManifests> RenderAsync(string values) =>
        values == Defaults ? HelmChart.RenderAsync($"aws.irsa.roleArn={HelmChart.RoleArn}") : HelmChart.RenderCiAsync(values);

    private static IEnumerable<JsonObject> Containers(JsonObject podSpec) =>
        new[] { "initContainers", "containers" }.SelectMany(list => podSpec[list]?.AsArray().Select(c => c!.AsObject()) ?? []);

    /// <summary>The server container's variables that have a literal value.</summary>
    private static Dictionary<string, string> Literals(RenderedManifests chart) =>
        chart.Env.Where(e => e["value"] is not null).ToDictionary(e => (string)e["name"]!, e => (string)e["value"]!);

    private static string DockerfilePath => Path.Combine(TestBuild.RepoRoot, "Dockerfile");

    /// <summary>The UID the Dockerfile checks its base image's user against.</summary>
    private static long DockerfileUid() => long.Parse(Regex.Match(File.ReadAllText(DockerfilePath), @"ARG AWSMCP_UID=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The runtime image's <c>ENV</c> settings (<c>NAME=value</c> pairs, continued lines included).</summary>
    private static Dictionary<string, string> DockerfileEnvironment() =>
        DockerfileEnv().Matches(File.ReadAllText(DockerfilePath)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex(@"(?:ENV |^\s+)(AWSMCP__[A-Za-z_]+)=(\S+)", RegexOptions.Multiline)]
    private static partial Regex DockerfileEnv();

    [GeneratedRegex(@"^(AWSMCP__Security__ConfirmationKey|AWSMCP__Security__ApiKeys__\d+__Hash|AWSMCP__Audit__ChainKey|AWSMCP__SharedState__Redis|AWSMCP_REDIS_PASSWORD|REDIS_PASSWORD)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSettingPattern();
}
