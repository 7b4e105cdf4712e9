namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>An EC2 instance state as the API reports it: <c>&lt;code&gt;16&lt;/code&gt;&lt;name&gt;running&lt;/name&gt;</c>.</summary>
internal sealed record Ec2InstanceState(int Code, string Name)
{
    public static readonly Ec2InstanceState Pending = new(0, "pending");
    public static readonly Ec2InstanceState Running = new(16, "running");
    public static readonly Ec2InstanceState ShuttingDown = new(32, "shutting-down");
    public static readonly Ec2InstanceState Terminated = new(48, "terminated");
    public static readonly Ec2InstanceState Stopping = new(64, "stopping");
    public static readonly Ec2InstanceState Stopped = new(80, "stopped");
}
