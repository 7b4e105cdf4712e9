using System.Xml;
using System.Xml.Linq;

namespace AwsMcp.Host.Plugins.Install;

/// <summary>The parts of a package's .nuspec the installer needs, read without DTDs or external entities.</summary>
public sealed record Nuspec(string Id, string Version, IReadOnlyList<string> PackageTypes)
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1024 * 1024,
    };

    public static Nuspec Read(Stream stream)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new ToolPackInstallException($"the package's .nuspec is not valid XML: {ex.Message}", ex);
        }

        // Match local names: the nuspec namespace differs between NuGet schema versions.
        var metadata = document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")
            ?? throw new ToolPackInstallException("the package's .nuspec has no <metadata>");
        var id = Value(metadata, "id");
        var version = Value(metadata, "version");
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
        {
            throw new ToolPackInstallException("the package's .nuspec has no <id> or <version>");
        }

        var packageTypes = metadata.Elements()
            .Where(e => e.Name.LocalName == "packageTypes")
            .Elements()
            .Where(e => e.Name.LocalName == "packageType")
            .Select(e => (string?)e.Attribute("name"))
            .OfType<string>()
            .ToList();
        return new Nuspec(id.Trim(), version.Trim(), packageTypes);
    }

    private static string? Value(XElement metadata, string name) =>
        metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
