using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Mirae.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests: Debian's aiosmtpd (python3-aiosmtpd, installed by tools/test.sh)
/// writing every message it accepts into a Maildir that <see cref="Messages"/> reads back.
/// </summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _maildir;

    public int Port { get; }

    public sealed record Message(string To, string Subject, string Body, string ContentLanguage);

    private SmtpListener(Process process, string maildir, int port) => (_process, _maildir, Port) = (process, maildir, port);

    public static async Task<SmtpListener> StartAsync()
    {
        var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true });
        if (check is null || !check.WaitForExit(10_000) || check.ExitCode != 0)
        {
            throw new InvalidOperationException("python3-aiosmtpd is missing: run tools/test.sh, which installs it (apt-get install python3-aiosmtpd).");
        }
        var maildir = Directory.CreateTempSubdirectory("mirae-smtp-").FullName;
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(maildir, "box")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var listener = new SmtpListener(process, maildir, port);
        for (var i = 0; ; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return listener;
            }
            catch (SocketException) when (i < 100 && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The messages received so far, decoded (subject and body are UTF-8, base64 as the app sends them).</summary>
    public IReadOnlyList<Message> Messages()
    {
        var box = Path.Combine(_maildir, "box");
        return new[] { "new", "cur" }.Select(d => Path.Combine(box, d)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal)
            .Select(f => Parse(File.ReadAllText(f))).ToList();
    }

    private static Message Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = raw[..split].Replace("\r", "", StringComparison.Ordinal);
        var headers = Regex.Replace(headerText, "\n[ \t]+", " ").Split('\n')
            .Select(h => h.Split(':', 2)).Where(h => h.Length == 2)
            .GroupBy(h => h[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw[(split + 2)..];
        if (headers.GetValueOrDefault("Content-Transfer-Encoding", "").Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }
        return new Message(headers.GetValueOrDefault("To", ""), DecodeWords(headers.GetValueOrDefault("Subject", "")), body,
            headers.GetValueOrDefault("Content-Language", ""));
    }

    /// <summary>RFC 2047 encoded words (=?utf-8?B?…?=), joined as the standard says when only space separates them.</summary>
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(Regex.Replace(value, @"\?=\s+=\?", "?==?"), m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)));

    [GeneratedRegex(@"=\?utf-8\?B\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_maildir, recursive: true);
    }
}
