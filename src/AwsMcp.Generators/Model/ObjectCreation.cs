namespace AwsMcp.Generators.Model;

/// <summary>How the binder builds an object: which members it may set and how optional init-only ones are applied.</summary>
internal enum ObjectCreation
{
    /// <summary>Not bound (output-only shapes).</summary>
    None,

    /// <summary>A constructor call (possibly without arguments) followed by an object initializer and optional setters.</summary>
    Constructor,

    /// <summary>
    /// Like <see cref="Constructor"/>, but optional init-only properties are applied with a <c>with</c> expression
    /// (records and structs), so that absent ones keep their initializers.
    /// </summary>
    WithExpression,
}
