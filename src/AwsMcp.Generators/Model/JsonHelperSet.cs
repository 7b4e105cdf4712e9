namespace AwsMcp.Generators.Model;

/// <summary>
/// The enum and object types that need a generated reader or writer, each once per assembly however many tools use it
/// (as System.Text.Json generates each type once per context). Sorted by type name, non-nullable.
/// </summary>
/// <param name="Readers">Types bound from arguments.</param>
/// <param name="Writers">Types written in results.</param>
internal sealed record JsonHelperSet(EquatableArray<TypeShape> Readers, EquatableArray<TypeShape> Writers)
{
    public bool IsEmpty => Readers.IsEmpty && Writers.IsEmpty;
}
