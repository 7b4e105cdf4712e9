using System.Net;
using System.Net.Sockets;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>A loopback port nobody listens on right now, for a process that must be told its port (Redis, nginx, a replica that restarts on its own port).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
