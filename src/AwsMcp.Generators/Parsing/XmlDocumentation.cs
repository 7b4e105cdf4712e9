using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

/// <summary>The <c>&lt;summary&gt;</c> and <c>&lt;param&gt;</c> texts of a symbol's XML documentation, as plain text.</summary>
internal sealed class XmlDocumentation
{
    private static readonly XmlDocumentation s_empty = new(null, new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _parameters;

    private XmlDocumentation(string? summary, Dictionary<string, string> parameters)
    {
        Summary = summary;
        _parameters = parameters;
    }

    public string? Summary { get; }

    public string? Parameter(string name) => _parameters.TryGetValue(name, out string? text) ? text : null;

    public static XmlDocumentation Read(ISymbol symbol, CancellationToken cancellationToken)
    {
        string? xml = symbol.GetDocumentationCommentXml(CultureInfo.InvariantCulture, expandIncludes: false, cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return s_empty;
        }

        try
        {
            XElement? member = XDocument.Parse(xml).Element("member");
            if (member is null)
            {
                return s_empty;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement parameter in member.Elements("param"))
            {
                string? name = parameter.Attribute("name")?.Value;
                string text = ToPlainText(parameter);
                if (name is not null && text.Length > 0)
                {
                    parameters[name] = text;
                }
            }

            string? summary = member.Element("summary") is { } element ? ToPlainText(element) : null;
            return new XmlDocumentation(string.IsNullOrEmpty(summary) ? null : summary, parameters);
        }
        catch (XmlException)
        {
            // Malformed docs are the compiler's to report (CS1570); the tool then simply has no description.
            return s_empty;
        }
    }

    /// <summary>Inline tags become their text (<c>&lt;see cref="T:A.B"/&gt;</c> → <c>B</c>); whitespace collapses to single spaces.</summary>
    private static string ToPlainText(XElement element)
    {
        var builder = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            if (node is XText text)
            {
                builder.Append(text.Value);
            }
            else if (node is XElement inline)
            {
                string? cref = inline.Attribute("cref")?.Value;
                string? name = inline.Attribute("name")?.Value ?? inline.Attribute("langword")?.Value;
                builder.Append(cref is not null ? cref.Substring(cref.LastIndexOf('.') + 1) : name ?? inline.Value);
            }
        }

        return string.Join(" ", builder.ToString().Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
