namespace AwsMcp.Sandbox.Core.ManagementEvents;

/// <summary>A resource an event names, as LookupEvents lists it: <c>AWS::EC2::Instance</c> and the instance id.</summary>
public sealed record TrailResource(string Type, string Name);
