using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notices;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// Two witnesses (<c>mirae-ledger witness</c>) follow the log on the real server: each checks that the new checkpoint
/// extends the one it cosigned before and posts its cosignature, which the log shows beside the checkpoint. A witness
/// the log does not know, or a line that does not verify, is refused; a forked or shrunk log is never cosigned.
/// </summary>
[Collection("web")]
public sealed class WitnessTests
{

    [Fact]
    public async Task TwoWitnesses_CosignEachCheckpoint_AndNeitherCosignsAFork()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("mirae-witness-").FullName;
        using var a = CheckpointSigner.Generate("witness-a.example");
        using var b = CheckpointSigner.Generate("witness-b.example");
        using var stranger = CheckpointSigner.Generate("witness-c.example");
        foreach (var (name, signer) in new[] { ("a", a), ("b", b), ("c", stranger) })
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".pem"), signer.PrivateKeyPem);
        }
        await using var factory = new MiraeFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?>
        {
            ["Ledger:Witnesses:0:Name"] = a.KeyName, ["Ledger:Witnesses:0:PublicKeyPem"] = a.PublicKeyPem,
            ["Ledger:Witnesses:1:Name"] = b.KeyName, ["Ledger:Witnesses:1:PublicKeyPem"] = b.PublicKeyPem,
        });
        var url = factory.StartKestrel().ToString();
        var logKey = factory.Services.GetRequiredService<LedgerKey>();
        var logKeyFile = Path.Combine(folder, "log.pem");
        await File.WriteAllTextAsync(logKeyFile, logKey.PublicKeyPem);
        var sequencer = factory.Services.GetRequiredService<LedgerSequencer>();
        async Task GrowAsync(int notices)
        {
            for (var i = 0; i < notices; i++)
            {
                using var scope = factory.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<WriteNotice>().SaveAsync(null,
                    new WriteNotice.Command(NoticeCategory.Announcement, $"감시자 시험 공지 {Guid.NewGuid():N}", null, "본문", null, false, null), CancellationToken.None);
            }
            await sequencer.RunOnceAsync(CancellationToken.None);
        }
        (int, string) Witness(string who, string name) => LedgerCli.Run("witness", "--url", url, "--name", name, "--key", Path.Combine(folder, who + ".pem"),
            "--log-key", logKeyFile, "--state", Path.Combine(folder, who + ".state"));

        await GrowAsync(3);
        var firstA = Witness("a", a.KeyName);
        var firstB = Witness("b", b.KeyName);
        await GrowAsync(2);
        var secondA = Witness("a", a.KeyName);
        var secondB = Witness("b", b.KeyName);
        var unknown = Witness("c", stranger.KeyName);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var note = await http.GetStringAsync("/api/v1/ledger/checkpoint");
        using var verifier = CheckpointVerifier.FromPublicKeyPem(logKey.PublicKeyPem!);
        var verified = verifier.Verify(note, out var checkpoint);
        // A line in witness a's name signed with another key is refused.
        var forged = stranger.Cosign(checkpoint!, DateTimeOffset.UtcNow).Replace(stranger.KeyName, a.KeyName, StringComparison.Ordinal);
        using var forgedResponse = await http.PostAsJsonAsync("/api/v1/ledger/cosignatures", new { size = checkpoint!.Size, line = forged });
        // The log signs another root for the size witness a has seen (a fork): a refuses to cosign it.
        var forkNote = logKey.Signer!.Sign(new Checkpoint(logKey.Origin, checkpoint.Size, new byte[32]));
        await File.WriteAllTextAsync(Path.Combine(folder, "a.state"), forkNote);
        var fork = Witness("a", a.KeyName);
        var shrunkNote = logKey.Signer!.Sign(new Checkpoint(logKey.Origin, checkpoint.Size + 10, new byte[32]));
        await File.WriteAllTextAsync(Path.Combine(folder, "b.state"), shrunkNote);
        var shrunk = Witness("b", b.KeyName);
        var checkpoints = await http.GetFromJsonAsync<JsonElement>("/api/v1/ledger/checkpoints");
        System.IO.Directory.Delete(folder, recursive: true);

        Assert.True(firstA.Item1 == 0, firstA.Item2);
        Assert.True(firstB.Item1 == 0, firstB.Item2);
        Assert.True(secondA.Item1 == 0, secondA.Item2);
        Assert.Contains("OK witness-b.example cosigned the checkpoint of size 5", secondB.Item2);
        Assert.Equal(1, unknown.Item1);
        Assert.Contains("(403)", unknown.Item2);
        Assert.True(verified.IsValid, verified.Failure); // the log's own signature still verifies among the witnesses' lines
        var lines = note.Split('\n').Where(l => l.StartsWith('\u2014')).ToList();
        Assert.Equal(3, lines.Count);
        using (var witnessA = CheckpointVerifier.FromPublicKeyPem(a.PublicKeyPem))
        {
            Assert.True(witnessA.VerifyCosignature(checkpoint, lines.Single(l => l.Contains(a.KeyName, StringComparison.Ordinal)), a.KeyName, out _).IsValid);
        }
        Assert.Equal(HttpStatusCode.BadRequest, forgedResponse.StatusCode);
        Assert.Equal(1, fork.Item1);
        Assert.Contains("a fork", fork.Item2);
        Assert.Equal(1, shrunk.Item1);
        Assert.Contains("shrank", shrunk.Item2);
        Assert.All(checkpoints.EnumerateArray(), c => Assert.Equal(2, c.GetProperty("witnesses").GetArrayLength()));
    }
}
