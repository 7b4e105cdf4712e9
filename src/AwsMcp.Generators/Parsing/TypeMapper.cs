using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

/// <summary>
/// Maps a parameter or result type to a <see cref="TypeShape"/>: the supported types, nested objects inlined
/// (recursion is an error, since schemas never use <c>$ref</c>), member names in snake_case.
/// </summary>
internal sealed class TypeMapper(KnownTypeSymbols known, CancellationToken cancellationToken)
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>How deep one generic type may nest in itself (<c>ToolPage&lt;ToolPage&lt;T&gt;&gt;</c>) before it counts as recursion.</summary>
    private const int MaxGenericNesting = 8;

    private readonly List<ITypeSymbol> _visiting = [];
    private readonly Dictionary<ISymbol, XmlDocumentation> _typeDocumentation = new(SymbolEqualityComparer.Default);

    /// <summary>The shape of <paramref name="type"/>, or null with <paramref name="error"/> set.</summary>
    public TypeShape? Map(ITypeSymbol type, ShapeDirection direction, out MappingError? error) =>
        Map(type, direction, string.Empty, out error);

    private TypeShape? Map(ITypeSymbol type, ShapeDirection direction, string memberPath, out MappingError? error)
    {
        cancellationToken.ThrowIfCancellationRequested();
        error = null;
        ITypeSymbol core = type;
        bool isNullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            core = nullable.TypeArguments[0];
            isNullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            isNullable = true;
        }

        var leaf = new TypeShape(
            ShapeKind.String,
            core.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat),
            isNullable,
            core.IsValueType,
            Element: null,
            CollectionKind.Array,
            EquatableArray<EnumMember>.Empty,
            EquatableArray<PropertyShape>.Empty,
            ObjectCreation.None);

        if (PrimitiveKind(core) is { } primitive)
        {
            return leaf with { Kind = primitive };
        }

        if (core.SpecialType == SpecialType.System_Object || core.TypeKind == TypeKind.Dynamic)
        {
            error = Unsupported(core, memberPath, "object is not supported; use JsonElement for a free-form JSON object");
            return null;
        }

        if (core.SpecialType != SpecialType.None)
        {
            error = Unsupported(core, memberPath, "use string, bool, a numeric type, an enum, Guid, DateTime or DateTimeOffset");
            return null;
        }

        if (core.TypeKind == TypeKind.Enum)
        {
            return leaf with { Kind = ShapeKind.Enum, EnumMembers = EnumMembers(core) };
        }

        if (core is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                error = Unsupported(core, memberPath, "multi-dimensional arrays are not supported");
                return null;
            }

            TypeShape? item = Map(array.ElementType, direction, memberPath + "[]", out error);
            return item is null ? null : leaf with { Kind = ShapeKind.Collection, Element = item, Collection = CollectionKind.Array };
        }

        if (core is not INamedTypeSymbol named)
        {
            error = Unsupported(core, memberPath, "type parameters and pointers are not supported");
            return null;
        }

        if (named.IsGenericType && TryMapCollection(named, leaf, direction, memberPath, out TypeShape? collection, out error))
        {
            return collection;
        }

        if (named.TypeKind is not (TypeKind.Class or TypeKind.Struct) || named.IsAbstract || named.IsStatic)
        {
            error = Unsupported(core, memberPath, "only concrete classes, structs and records can be bound; interfaces, abstract and static types cannot");
            return null;
        }

        return MapObject(named, leaf, direction, memberPath, out error);
    }

    private ShapeKind? PrimitiveKind(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => ShapeKind.String,
        SpecialType.System_Boolean => ShapeKind.Boolean,
        SpecialType.System_SByte => ShapeKind.SByte,
        SpecialType.System_Byte => ShapeKind.Byte,
        SpecialType.System_Int16 => ShapeKind.Int16,
        SpecialType.System_UInt16 => ShapeKind.UInt16,
        SpecialType.System_Int32 => ShapeKind.Int32,
        SpecialType.System_UInt32 => ShapeKind.UInt32,
        SpecialType.System_Int64 => ShapeKind.Int64,
        SpecialType.System_UInt64 => ShapeKind.UInt64,
        SpecialType.System_Single => ShapeKind.Single,
        SpecialType.System_Double => ShapeKind.Double,
        SpecialType.System_Decimal => ShapeKind.Decimal,
        SpecialType.System_DateTime => ShapeKind.DateTime,
        _ when KnownTypeSymbols.Is(type, known.Guid) => ShapeKind.Guid,
        _ when KnownTypeSymbols.Is(type, known.DateTimeOffset) => ShapeKind.DateTimeOffset,
        _ when KnownTypeSymbols.Is(type, known.JsonElement) => ShapeKind.Json,
        _ => null,
    };

    private static EquatableArray<EnumMember> EnumMembers(ITypeSymbol enumType)
    {
        var members = new List<EnumMember>();
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                members.Add(new EnumMember(field.Name, NameConventions.ToSnakeCase(field.Name)));
            }
        }

        return members.ToEquatableArray();
    }

    /// <summary>
    /// True when <paramref name="type"/> is one of the collections or dictionaries bound as JSON arrays and objects
    /// (<paramref name="shape"/> set, or <paramref name="error"/>); other closed generics are mapped as objects.
    /// </summary>
    private bool TryMapCollection(INamedTypeSymbol type, TypeShape leaf, ShapeDirection direction, string memberPath, out TypeShape? shape, out MappingError? error)
    {
        shape = null;
        error = null;
        string definition = type.OriginalDefinition.ToDisplayString();
        CollectionKind? collection = definition switch
        {
            "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>" => CollectionKind.List,
            "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>" => CollectionKind.Array,
            _ => null,
        };
        if (collection is not null)
        {
            TypeShape? item = Map(type.TypeArguments[0], direction, memberPath + "[]", out error);
            shape = item is null ? null : leaf with { Kind = ShapeKind.Collection, Element = item, Collection = collection.Value };
            return true;
        }

        if (definition is not ("System.Collections.Generic.Dictionary<TKey, TValue>"
            or "System.Collections.Generic.IDictionary<TKey, TValue>"
            or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>"))
        {
            return false;
        }

        if (type.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            error = Unsupported(type, memberPath, "dictionary keys must be strings");
            return true;
        }

        TypeShape? value = Map(type.TypeArguments[1], direction, memberPath + "[]", out error);
        shape = value is null ? null : leaf with { Kind = ShapeKind.Dictionary, Element = value };
        return true;
    }

    private TypeShape? MapObject(INamedTypeSymbol type, TypeShape leaf, ShapeDirection direction, string memberPath, out MappingError? error)
    {
        // Recursion through the same type, or through ever larger constructions of one generic type
        // (Chain<T> holding a Chain<List<T>>), which would never end.
        int sameDefinition = 0;
        foreach (ITypeSymbol visiting in _visiting)
        {
            bool expands = SymbolEqualityComparer.Default.Equals(visiting.OriginalDefinition, type.OriginalDefinition) && ++sameDefinition == MaxGenericNesting;
            if (expands || SymbolEqualityComparer.Default.Equals(visiting, type))
            {
                string subject = (expands ? type.OriginalDefinition : type).ToDisplayString();
                error = new MappingError(MappingErrorKind.Recursive, subject, $"through '{memberPath}'");
                return null;
            }
        }

        _visiting.Add(type);
        try
        {
            List<IPropertySymbol> properties = PublicProperties(type);
            return direction == ShapeDirection.Input
                ? MapInputObject(type, leaf, properties, memberPath, out error)
                : MapOutputObject(type, leaf, properties, memberPath, out error);
        }
        finally
        {
            _visiting.RemoveAt(_visiting.Count - 1);
        }
    }

    private TypeShape? MapInputObject(INamedTypeSymbol type, TypeShape leaf, List<IPropertySymbol> properties, string memberPath, out MappingError? error)
    {
        error = null;
        IMethodSymbol? constructor = ChooseConstructor(type);
        if (constructor is null)
        {
            error = Unsupported(type, memberPath, "it needs a public parameterless constructor or exactly one public constructor");
            return null;
        }

        bool canUseWith = type.IsRecord || type.IsValueType;
        var members = new List<PropertyShape>();
        var bound = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            IPropertySymbol? property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (property is not null)
            {
                bound.Add(property);
            }

            string name = property?.Name ?? parameter.Name;
            TypeShape? shape = Map(parameter.Type, ShapeDirection.Input, Join(memberPath, name), out error);
            if (shape is null)
            {
                return null;
            }

            Constraints constraints = ConstraintReader.Read(property is null ? parameter.GetAttributes() : parameter.GetAttributes().Concat(property.GetAttributes()), known);
            DefaultValue? defaultValue = DefaultValueFormatter.Read(parameter, shape) ?? (shape.IsNullable ? DefaultValueFormatter.Null(shape) : null);
            string? description = (property is null ? null : known.Description(property)) ?? known.Description(parameter)
                ?? (property is null ? null : Summary(property))
                ?? TypeDocumentation(type).Parameter(parameter.Name);
            members.Add(new PropertyShape(
                name,
                NameConventions.ToSnakeCase(name),
                shape,
                description,
                IsRequired: defaultValue is null || constraints.Required,
                MemberAssignment.ConstructorArgument,
                defaultValue,
                constraints));
        }

        foreach (IPropertySymbol property in properties)
        {
            if (bound.Contains(property) || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } setter)
            {
                continue;
            }

            TypeShape? shape = Map(property.Type, ShapeDirection.Input, Join(memberPath, property.Name), out error);
            if (shape is null)
            {
                return null;
            }

            Constraints constraints = ConstraintReader.Read(property.GetAttributes(), known);
            bool required = property.IsRequired || constraints.Required;
            if (setter.IsInitOnly && !required && !canUseWith)
            {
                error = Unsupported(type, memberPath, $"the optional init-only property '{property.Name}' cannot be bound without losing its initializer: make it settable or required, or use a record");
                return null;
            }

            members.Add(new PropertyShape(
                property.Name,
                NameConventions.ToSnakeCase(property.Name),
                shape,
                known.Description(property) ?? Summary(property),
                required,
                setter.IsInitOnly ? MemberAssignment.Init : MemberAssignment.Set,
                Default: null,
                constraints));
        }

        if (members.Count == 0 && properties.Count > 0)
        {
            error = Unsupported(type, memberPath, "none of its properties can be set: add setters or init accessors, or a constructor that takes them");
            return null;
        }

        return Complete(type, leaf with { Creation = canUseWith ? ObjectCreation.WithExpression : ObjectCreation.Constructor }, members, memberPath, out error);
    }

    private TypeShape? MapOutputObject(INamedTypeSymbol type, TypeShape leaf, List<IPropertySymbol> properties, string memberPath, out MappingError? error)
    {
        error = null;
        var members = new List<PropertyShape>();
        foreach (IPropertySymbol property in properties)
        {
            if (property.GetMethod is not { DeclaredAccessibility: Accessibility.Public })
            {
                continue;
            }

            TypeShape? shape = Map(property.Type, ShapeDirection.Output, Join(memberPath, property.Name), out error);
            if (shape is null)
            {
                return null;
            }

            members.Add(new PropertyShape(
                property.Name,
                NameConventions.ToSnakeCase(property.Name),
                shape,
                known.Description(property) ?? Summary(property) ?? TypeDocumentation(type).Parameter(property.Name),
                IsRequired: !shape.IsNullable,
                MemberAssignment.ReadOnly,
                Default: null,
                Constraints.None));
        }

        return Complete(type, leaf, members, memberPath, out error);
    }

    private static TypeShape? Complete(INamedTypeSymbol type, TypeShape leaf, List<PropertyShape> members, string memberPath, out MappingError? error)
    {
        error = null;
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PropertyShape member in members)
        {
            if (seen.TryGetValue(member.JsonName, out string? other))
            {
                error = new MappingError(MappingErrorKind.DuplicateName, member.JsonName, $"'{Join(memberPath, other)}' and '{Join(memberPath, member.Name)}' of {type.ToDisplayString()}");
                return null;
            }

            seen.Add(member.JsonName, member.Name);
        }

        return leaf with { Kind = ShapeKind.Object, Properties = members.ToEquatableArray() };
    }

    /// <summary>
    /// The parameterless constructor, else the only public one (positional records). Copy constructors do not count,
    /// nor does the implicit parameterless constructor of a struct that declares one of its own.
    /// </summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type)
    {
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public
                        && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .ToList();
        if (type.IsValueType && candidates.Count == 2 && candidates.Find(c => c.IsImplicitlyDeclared && c.Parameters.Length == 0) is { } implicitConstructor)
        {
            candidates.Remove(implicitConstructor);
        }

        return candidates.Find(c => c.Parameters.Length == 0) ?? (candidates.Count == 1 ? candidates[0] : null);
    }

    /// <summary>Public instance properties, base types first, overrides collapsed into the base's position.</summary>
    private static List<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var properties = new List<IPropertySymbol>();
        foreach (INamedTypeSymbol declaring in chain)
        {
            foreach (ISymbol member in declaring.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property)
                {
                    continue;
                }

                int existing = properties.FindIndex(p => p.Name == property.Name);
                if (existing >= 0)
                {
                    properties[existing] = property;
                }
                else
                {
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    /// <summary>
    /// The XML docs of the type's declaration: those of a generic type (<c>&lt;param name="Items"&gt;</c> on
    /// <c>ToolPage&lt;T&gt;</c>) apply to every closed type.
    /// </summary>
    private XmlDocumentation TypeDocumentation(INamedTypeSymbol type)
    {
        INamedTypeSymbol definition = type.OriginalDefinition;
        if (!_typeDocumentation.TryGetValue(definition, out XmlDocumentation? documentation))
        {
            documentation = XmlDocumentation.Read(definition, cancellationToken);
            _typeDocumentation.Add(definition, documentation);
        }

        return documentation;
    }

    private string? Summary(IPropertySymbol property) => XmlDocumentation.Read(property.OriginalDefinition, cancellationToken).Summary;

    /// <summary>Names the nested member and its type when the problem is below the top level.</summary>
    private static MappingError Unsupported(ITypeSymbol type, string memberPath, string reason) =>
        new(MappingErrorKind.Unsupported, type.ToDisplayString(), memberPath.Length == 0 ? reason : $"member '{memberPath}' of type '{type.ToDisplayString()}': {reason}");

    private static string Join(string memberPath, string name) => memberPath.Length == 0 ? name : memberPath + "." + name;
}
