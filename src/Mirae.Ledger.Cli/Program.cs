using Mirae.Ledger.Cli;

return Commands.Run(args, Console.Out, Console.Error);
