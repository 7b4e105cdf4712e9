using AwsMcp.Host.Cli;

return await CliApplication.RunAsync(args);
