using AwsMcp.Abstractions;

namespace AwsMcp.Host.SharedState;

/// <summary>Gives each pack its <see cref="IToolPackCache"/> when it loads: in this process, or shared by the replicas.</summary>
public interface IToolPackCaches
{
    IToolPackCache For(string pluginName);
}
