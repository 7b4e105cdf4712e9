namespace AwsMcp.Generators.Model;

/// <summary>The shape of a parameter, property or result type: enough to emit its schema, binder and writer.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="TypeName">The fully qualified C# type, without a top-level nullable marker.</param>
/// <param name="IsNullable">Null is a valid value (<c>Nullable&lt;T&gt;</c> or an annotated reference type).</param>
/// <param name="IsValueType">A struct: its nullable form is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Element">The item of a collection or the value of a dictionary.</param>
/// <param name="Collection">Which collection the binder builds.</param>
/// <param name="EnumMembers">The members of an enum.</param>
/// <param name="Properties">The members of an object, in declaration order (base types first).</param>
/// <param name="Creation">How the binder creates an object.</param>
internal sealed record TypeShape(
    ShapeKind Kind,
    string TypeName,
    bool IsNullable,
    bool IsValueType,
    TypeShape? Element,
    CollectionKind Collection,
    EquatableArray<EnumMember> EnumMembers,
    EquatableArray<PropertyShape> Properties,
    ObjectCreation Creation)
{
    /// <summary>The type of a local that holds a value of this shape.</summary>
    public string LocalTypeName => IsNullable ? TypeName + "?" : TypeName;

    public TypeShape AsNonNullable() => IsNullable ? this with { IsNullable = false } : this;
}
