using System.Globalization;
using System.Net.Sockets;

namespace AwsMcp.TestSupport.ScaleOut;

/// <summary>
/// A real nginx on 127.0.0.1 balancing round-robin over replicas, as a load balancer in front of a deployment would:
/// no sticky sessions, a replica that refuses connections is skipped (and retried after <c>fail_timeout</c>), a POST
/// already sent to a replica that dies is never sent to another one (nginx does not retry non-idempotent requests), and
/// every answer says which replica gave it (<see cref="UpstreamHeader"/>).
/// </summary>
public sealed class NginxBalancer : IAsyncDisposable
{
    /// <summary>The response header naming the replica (<c>127.0.0.1:port</c>) that answered.</summary>
    public const string UpstreamHeader = "X-Upstream";

    private readonly ChildProcess _process;
    private readonly string _folder;

    private NginxBalancer(ChildProcess process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    public static async Task<NginxBalancer> StartAsync(IEnumerable<int> replicaPorts, string folder)
    {
        Directory.CreateDirectory(folder);
        var port = FreePort.Next();
        var servers = string.Concat(replicaPorts.Select(p => $"    server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)} max_fails=1 fail_timeout=3s;\n"));
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{folder}}/body;
              proxy_temp_path {{folder}}/proxy;
              fastcgi_temp_path {{folder}}/fastcgi;
              uwsgi_temp_path {{folder}}/uwsgi;
              scgi_temp_path {{folder}}/scgi;
              upstream awsmcp {
            {{servers}}    keepalive 32;
              }
              server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                client_max_body_size 2m;
                client_body_buffer_size 2m;
                location / {
                  proxy_pass http://awsmcp;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $http_host;
                  proxy_buffering off;
                  proxy_connect_timeout 2s;
                  proxy_read_timeout 60s;
                  add_header {{UpstreamHeader}} $upstream_addr always;
                }
              }
            }
            """);
        var process = await ChildProcess.StartAsync(
            "nginx", "nginx", ["-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log"), "-g", "daemon off;"],
            new Dictionary<string, string?>(), () => ListensAsync(port), TimeSpan.FromSeconds(30));
        return new NginxBalancer(process, folder, port);
    }

    /// <summary>nginx's own complaints (a replica down, a request cut), for failure messages.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
