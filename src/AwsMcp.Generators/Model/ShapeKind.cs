namespace AwsMcp.Generators.Model;

/// <summary>What a parameter, property or result type is, as far as JSON Schema and binding care.</summary>
internal enum ShapeKind
{
    String,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    Enum,

    /// <summary>A free-form JSON object (<c>JsonElement</c>).</summary>
    Json,

    /// <summary>An array, list or sequence; <see cref="TypeShape.Element"/> is the item.</summary>
    Collection,

    /// <summary>A dictionary with string keys; <see cref="TypeShape.Element"/> is the value.</summary>
    Dictionary,

    /// <summary>A class, struct or record bound property by property.</summary>
    Object,
}
