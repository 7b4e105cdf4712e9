namespace AwsMcp.Abstractions;

/// <summary>
/// Declares that a <c>bool</c> argument, when true, makes the call only check that it would be allowed and change
/// nothing (AWS's <c>DryRun</c>). The host then asks no confirmation for it and marks it a dry run in the audit; the
/// write policy still applies, since the check itself reaches AWS.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class DryRunAttribute : Attribute;
