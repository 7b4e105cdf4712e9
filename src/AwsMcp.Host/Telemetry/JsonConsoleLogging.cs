using AwsMcp.Host.Configuration;

namespace AwsMcp.Host.Telemetry;

/// <summary>
/// <c>AwsMcp:Logging:Json=true</c>: one JSON object per log line on the console (structured fields, scopes, UTC
/// timestamps), for log collectors that parse lines. The console's destination is unchanged (stderr for stdio).
/// </summary>
public static class JsonConsoleLogging
{
    public static ILoggingBuilder AddAwsMcpLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>($"{ConfigurationSections.Logging}:Json"))
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        return logging;
    }
}
