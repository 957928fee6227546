namespace Mirae.Web.Tests.Infrastructure;

/// <summary>The outside tools of the log, run in-process as an auditor or a witness would run them.</summary>
public static class LedgerCli
{
    /// <summary>Runs <c>mirae-ledger</c> with these arguments: its exit code and everything it printed.</summary>
    public static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Mirae.Ledger.Cli.Commands.Run(args, output, error);
        return (exit, output + error.ToString());
    }

    /// <summary>The repository's root (the folder of Mirae.slnx), from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mirae.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Mirae.slnx not found above " + AppContext.BaseDirectory);
    }
}
