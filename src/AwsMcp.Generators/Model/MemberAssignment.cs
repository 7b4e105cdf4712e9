namespace AwsMcp.Generators.Model;

/// <summary>How the binder gives a bound property its value.</summary>
internal enum MemberAssignment
{
    /// <summary>Passed to the constructor (positional records, single public constructors).</summary>
    ConstructorArgument,

    /// <summary>An init-only property.</summary>
    Init,

    /// <summary>A settable property.</summary>
    Set,

    /// <summary>Read-only: written to results, never bound.</summary>
    ReadOnly,
}
