namespace AwsMcp.Generators.Model;

/// <summary>What an argument means to the host, as declared on its parameter.</summary>
internal enum ArgumentMeaning
{
    /// <summary>Nothing the host needs to know.</summary>
    Plain,

    /// <summary><c>[TargetResource]</c>: names the resource(s) acted on.</summary>
    TargetResource,

    /// <summary><c>[ResourceCount]</c>: how many resources the call creates or changes.</summary>
    ResourceCount,

    /// <summary><c>[DryRun]</c>: when true, the call changes nothing.</summary>
    DryRun,

    /// <summary><c>[PageToken]</c>: continues a listing; the result returns the next one under the same name.</summary>
    PageToken,

    /// <summary><c>[PageSize]</c>: the integer that bounds a page; a fan-out call shares it among its targets.</summary>
    PageSize,

    /// <summary>A resource template's <c>{region}</c> variable: the region the call acts in, as <c>[AwsTarget]</c>'s <c>region</c> is.</summary>
    Region,
}
