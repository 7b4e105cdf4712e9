namespace AwsMcp.Host.Configuration;

/// <summary>An options class that can say what is wrong with itself, in words an operator can act on.</summary>
public interface IValidatableOptions
{
    /// <summary>The section the options are bound from, used to name the offending keys.</summary>
    static abstract string Section { get; }

    /// <summary>One message per problem; empty when the options are usable.</summary>
    IEnumerable<string> Validate();
}
