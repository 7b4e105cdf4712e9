using System.Globalization;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// One instance and its life cycle. Transitional states (pending, stopping, shutting-down) started through the API
/// settle at the next observation, so a caller sees <c>running → stopping</c> in the StopInstances answer and
/// <c>stopped</c> when it looks again; seeded transitional instances stay in their state, for demos.
/// Not thread-safe: <see cref="Ec2RegionState"/> serialises access.
/// </summary>
internal sealed class Ec2Instance
{
    /// <summary>How long a terminated instance stays visible, as on AWS (about an hour).</summary>
    public static readonly TimeSpan TerminatedVisibility = TimeSpan.FromHours(1);

    private Ec2InstanceState? _settlesTo;
    private DateTimeOffset _settlesAt;

    public required string InstanceId { get; init; }

    public required string ReservationId { get; init; }

    public required string OwnerId { get; init; }

    public required string Region { get; init; }

    public required Ec2Image Image { get; init; }

    public required string InstanceType { get; init; }

    public required Ec2Subnet Subnet { get; init; }

    public required string PrivateIpAddress { get; init; }

    /// <summary>The public address the instance has while it runs; null when it gets none.</summary>
    public string? AssignedPublicIp { get; init; }

    public string? KeyName { get; init; }

    public required IReadOnlyList<string> SecurityGroupIds { get; init; }

    public required IReadOnlyList<Ec2Tag> Tags { get; init; }

    /// <summary>Base64 user data, as RunInstances received it.</summary>
    public string? UserData { get; init; }

    public required DateTimeOffset LaunchTime { get; init; }

    public int LaunchIndex { get; init; }

    public required Ec2InstanceState State { get; set; }

    /// <summary>Why the instance last changed state (e.g. <c>User initiated (2026-11-25 08:00:00 GMT)</c>); empty when running normally.</summary>
    public string StateTransitionReason { get; private set; } = "";

    public DateTimeOffset? TerminatedAt { get; private set; }

    /// <summary>When it last stopped; null since it started again (CloudWatch publishes no metrics in between).</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    public string? PublicIpAddress => State == Ec2InstanceState.Running || State == Ec2InstanceState.Stopping ? AssignedPublicIp : null;

    public string PrivateDnsName => Region == "us-east-1"
        ? $"ip-{PrivateIpAddress.Replace('.', '-')}.ec2.internal"
        : $"ip-{PrivateIpAddress.Replace('.', '-')}.{Region}.compute.internal";

    public string? PublicDnsName => PublicIpAddress is null
        ? null
        : Region == "us-east-1"
            ? $"ec2-{PublicIpAddress.Replace('.', '-')}.compute-1.amazonaws.com"
            : $"ec2-{PublicIpAddress.Replace('.', '-')}.{Region}.compute.amazonaws.com";

    public bool IsVisible(DateTimeOffset now) => TerminatedAt is null || now - TerminatedAt < TerminatedVisibility;

    /// <summary>Puts the instance in <paramref name="transitional"/> until <paramref name="settlesAt"/>, then <paramref name="final"/>.</summary>
    public void BeginTransition(Ec2InstanceState transitional, Ec2InstanceState final, DateTimeOffset settlesAt)
    {
        State = transitional;
        _settlesTo = final;
        _settlesAt = settlesAt;
    }

    /// <summary>Completes a transition that is due.</summary>
    public void Settle(DateTimeOffset now)
    {
        if (_settlesTo is not null && now >= _settlesAt)
        {
            State = _settlesTo;
            _settlesTo = null;
        }
    }

    /// <summary>Stopped instances start; running and pending ones answer as they are.</summary>
    public bool CanStart => State == Ec2InstanceState.Stopped || State == Ec2InstanceState.Running || State == Ec2InstanceState.Pending;

    /// <summary>Running instances stop; stopped and stopping ones answer as they are (pending ones cannot stop yet).</summary>
    public bool CanStop => State == Ec2InstanceState.Running || State == Ec2InstanceState.Stopped || State == Ec2InstanceState.Stopping;

    public bool CanReboot => State == Ec2InstanceState.Running || State == Ec2InstanceState.Pending;

    public void Start(DateTimeOffset now)
    {
        if (State == Ec2InstanceState.Stopped)
        {
            BeginTransition(Ec2InstanceState.Pending, Ec2InstanceState.Running, now);
            StateTransitionReason = "";
            StoppedAt = null;
        }
    }

    public void Stop(DateTimeOffset now)
    {
        if (State == Ec2InstanceState.Running)
        {
            BeginTransition(Ec2InstanceState.Stopping, Ec2InstanceState.Stopped, now);
            StateTransitionReason = UserInitiated(now);
            StoppedAt = now;
        }
    }

    /// <summary>Terminates (any state but terminated); a terminated instance answers as terminated again.</summary>
    public void Terminate(DateTimeOffset now)
    {
        if (State == Ec2InstanceState.Terminated || State == Ec2InstanceState.ShuttingDown)
        {
            return;
        }

        BeginTransition(Ec2InstanceState.ShuttingDown, Ec2InstanceState.Terminated, now);
        StateTransitionReason = UserInitiated(now);
        TerminatedAt = now;
    }

    private static string UserInitiated(DateTimeOffset now) =>
        $"User initiated ({now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";
}
