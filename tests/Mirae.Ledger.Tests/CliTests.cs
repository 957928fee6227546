using System.Diagnostics;

namespace Mirae.Ledger.Tests;

/// <summary>The real <c>mirae-ledger</c> executable, as an auditor would run it: exit codes and printed lines.</summary>
public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mirae-ledger-cli-");

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mirae-ledger.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "mirae-ledger did not finish");
        return (process.ExitCode, output.Result, error.Result);
    }

    private string LeavesFile(int count)
    {
        var path = Path.Combine(_folder.FullName, $"leaves-{count}.txt");
        File.WriteAllText(path, string.Concat(Vectors.Leaves.Take(count).Select(l => Convert.ToHexStringLower(l) + "\n")));
        return path;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(64)]
    public void Root_PrintsThePublishedRoot(int size)
    {
        var (exit, output, _) = Run("root", "--leaves", LeavesFile(size));

        Assert.Equal(0, exit);
        Assert.Equal(Hex(Vectors.Roots[size]) + "\n", output);
    }

    [Fact]
    public void ProveAndVerifyInclusion_RoundTripThroughTheCommandLine()
    {
        var v = Vectors.Inclusions.First(i => i.Size == 13 && i.Index == 6);

        var (proveExit, proof, _) = Run("prove-inclusion", "--leaves", LeavesFile(64), "--index", "6", "--size", "13");
        var (exit, output, _) = Run("verify-inclusion", "--index", "6", "--size", "13", "--leaf-hash", Hex(v.LeafHash),
            "--root", Hex(v.Root), "--proof", proof.Trim());

        Assert.Equal(0, proveExit);
        Assert.Equal(string.Join(',', v.Proof.Select(Hex)), proof.Trim());
        Assert.Equal(0, exit);
        Assert.Equal("OK\n", output);
    }

    [Fact]
    public void ProveAndVerifyConsistency_RoundTripThroughTheCommandLine()
    {
        var v = Vectors.Consistencies.First(c => c.OldSize == 6 && c.NewSize == 13);

        var (_, proof, _) = Run("prove-consistency", "--leaves", LeavesFile(13), "--old-size", "6");
        var (exit, output, _) = Run("verify-consistency", "--old-size", "6", "--new-size", "13", "--old-root", Hex(v.OldRoot),
            "--new-root", Hex(v.NewRoot), "--proof", proof.Trim());

        Assert.Equal(string.Join(',', v.Proof.Select(Hex)), proof.Trim());
        Assert.Equal(0, exit);
        Assert.Equal("OK\n", output);
    }

    [Fact]
    public void Verify_WhenTheProofDoesNotHold_PrintsOneFailLineAndExitsOne()
    {
        var v = Vectors.Consistencies.First(c => c.OldSize == 6 && c.NewSize == 13);

        var (exit, output, _) = Run("verify-consistency", "--old-size", "6", "--new-size", "13", "--old-root", Hex(v.NewRoot),
            "--new-root", Hex(v.OldRoot), "--proof", string.Join(',', v.Proof.Select(Hex)));
        var (emptyExit, emptyOutput, _) = Run("verify-inclusion", "--index", "0", "--size", "2", "--leaf-hash", Hex(v.OldRoot),
            "--root", Hex(v.NewRoot), "--proof", "");

        Assert.Equal(1, exit);
        Assert.Matches("^FAIL: [^\n]+\n$", output);
        Assert.Equal(1, emptyExit);
        Assert.Equal("FAIL: proof is too short for this index and size\n", emptyOutput);
    }

    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("root")]
    [InlineData("verify-inclusion", "--index", "x", "--size", "1", "--leaf-hash", "00", "--root", "00", "--proof", "")]
    [InlineData("verify-inclusion", "--index", "0", "--size", "1", "--leaf-hash", "ZZ", "--root", "00", "--proof", "")]
    [InlineData("root", "--leaves", "/no/such/file")]
    [InlineData("root", "--leaves")]
    [InlineData("root", "--leaves", "a", "--color", "red")]
    public void BadArguments_PrintUsageAndExitTwo(params string[] args)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("usage: mirae-ledger", error);
    }

    [Fact]
    public void ProveInclusion_BeyondTheLeaves_IsAUsageError()
    {
        var (exit, _, error) = Run("prove-inclusion", "--leaves", LeavesFile(5), "--index", "5");

        Assert.Equal(2, exit);
        Assert.Contains("need index < size <= 5", error);
    }

    [Fact]
    public void KeygenSignVerify_CheckpointRoundTrip_AndTamperingFails()
    {
        var prefix = Path.Combine(_folder.FullName, "log");
        var root = Hex(Vectors.Roots[64]);

        var (keyExit, _, _) = Run("keygen", "--out", prefix);
        var (signExit, note, _) = Run("sign-checkpoint", "--origin", "ledger.mirae.incheon.kr/v1", "--size", "64", "--root", root,
            "--key", prefix + ".private.pem");
        var notePath = Path.Combine(_folder.FullName, "checkpoint.txt");
        File.WriteAllText(notePath, note);
        var (verifyExit, verified, _) = Run("verify-checkpoint", "--checkpoint", notePath, "--key", prefix + ".public.pem");
        File.WriteAllText(notePath, note.Replace("\n64\n", "\n63\n", StringComparison.Ordinal));
        var (tamperedExit, tampered, _) = Run("verify-checkpoint", "--checkpoint", notePath, "--key", prefix + ".public.pem");

        Assert.Equal(0, keyExit);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(prefix + ".private.pem"));
        }
        Assert.Equal(0, signExit);
        Assert.StartsWith($"ledger.mirae.incheon.kr/v1\n64\n{Convert.ToBase64String(Vectors.Roots[64])}\n\n\u2014 ledger.mirae.incheon.kr/v1 ", note);
        Assert.Equal(0, verifyExit);
        Assert.Equal("OK\n", verified);
        Assert.Equal(1, tamperedExit);
        Assert.Equal("FAIL: signature by the trusted key does not verify\n", tampered);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
