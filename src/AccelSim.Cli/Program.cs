using AccelSim.Cli;

return CliApp.Run(args);
