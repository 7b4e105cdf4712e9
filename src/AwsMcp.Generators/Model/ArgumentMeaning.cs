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
}
