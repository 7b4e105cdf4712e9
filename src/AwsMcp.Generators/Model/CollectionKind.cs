namespace AwsMcp.Generators.Model;

/// <summary>Which concrete collection the binder builds for a <see cref="ShapeKind.Collection"/>.</summary>
internal enum CollectionKind
{
    /// <summary><c>T[]</c>; also used for read-only interfaces (<c>IEnumerable&lt;T&gt;</c>, <c>IReadOnlyList&lt;T&gt;</c>, ...).</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>; used for <c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c> and <c>ICollection&lt;T&gt;</c>.</summary>
    List,
}
