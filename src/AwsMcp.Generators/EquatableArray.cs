using System.Collections;

namespace AwsMcp.Generators;

/// <summary>
/// An immutable array with sequence equality, so that pipeline models holding collections compare structurally and
/// the incremental driver can cache them (as CommunityToolkit.Mvvm's EquatableArray and dotnet/runtime's
/// ImmutableEquatableArray do).
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    public static readonly EquatableArray<T> Empty = new([]);

    private readonly T[]? _items;

    public EquatableArray(T[] items) => _items = items;

    private T[] Items => _items ?? [];

    public int Count => Items.Length;

    public bool IsEmpty => Items.Length == 0;

    public T this[int index] => Items[index];

    public bool Equals(EquatableArray<T> other)
    {
        T[] left = Items, right = other.Items;
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (T item in Items)
            {
                hash = (hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item));
            }

            return hash;
        }
    }

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
