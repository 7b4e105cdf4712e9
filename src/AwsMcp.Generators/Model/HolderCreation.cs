namespace AwsMcp.Generators.Model;

/// <summary>How the registration gets the object an instance tool method is called on.</summary>
internal enum HolderCreation
{
    /// <summary>Static method: no instance.</summary>
    None,

    /// <summary><c>new Holder()</c>.</summary>
    Parameterless,

    /// <summary><c>new Holder(context)</c> with the <c>ToolPackContext</c>.</summary>
    WithContext,
}
