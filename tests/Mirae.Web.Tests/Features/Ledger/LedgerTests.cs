using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mirae.Ledger;
using Mirae.Web.Data;
using Mirae.Web.Features.Audit;
using Mirae.Web.Features.Evaluation;
using Mirae.Web.Features.Ledger;
using Mirae.Web.Features.Notices;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Features.Ledger;

/// <summary>
/// The verifiable log inside the app (issue 19): an entry is saved with its decision, numbered in order, signed over only
/// when every entry since the last checkpoint still matches what was recorded, and provable by anyone through the API.
/// </summary>
[Collection("web")]
public sealed class LedgerTests(Hosts hosts)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers();

    private static async Task<int> WriteNoticeAsync(MiraeFactory factory, string title)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WriteNotice>().SaveAsync(null,
            new WriteNotice.Command(NoticeCategory.Announcement, title, "Ledger notice", "원장 시험 공지 본문", null, false, null), CancellationToken.None);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ANotice_IsRecordedWithIt_NumberedAndSigned_AndAnyoneCanProveIt(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var sequencer = factory.Services.GetRequiredService<LedgerSequencer>();
        var before = await sequencer.RunOnceAsync(CancellationToken.None); // whatever earlier tests recorded
        var first = await WriteNoticeAsync(factory, "원장 첫 공지 " + Guid.NewGuid().ToString("N")[..6]);
        var second = await WriteNoticeAsync(factory, "원장 둘째 공지 " + Guid.NewGuid().ToString("N")[..6]);
        LedgerEntry waiting;
        await using (var db = factory.CreateDbContext())
        {
            waiting = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"notice:{second}");
        }

        var round = await sequencer.RunOnceAsync(CancellationToken.None);
        using var client = factory.CreatePageClient();
        var key = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/ledger/key");
        var note = await client.Http.GetStringAsync("/api/v1/ledger/checkpoint");
        using var verifier = CheckpointVerifier.FromPublicKeyPem(key.GetProperty("publicKeyPem").GetString()!);
        var verified = verifier.Verify(note, out var checkpoint);
        LedgerEntry numbered;
        long? firstIndex;
        await using (var db = factory.CreateDbContext())
        {
            numbered = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Subject == $"notice:{second}");
            firstIndex = await db.LedgerEntries.Where(e => e.Subject == $"notice:{first}").Select(e => e.Index).SingleAsync();
        }
        var index = numbered.Index!.Value;
        var entry = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/entries/{index}");
        var inclusion = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/proofs/inclusion?index={index}&size={checkpoint!.Size}");
        var proof = inclusion.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
        var leaf = MerkleHash.Leaf(Encoding.UTF8.GetBytes(entry.GetProperty("body").GetString()!));
        var (_, page) = await client.GetPageAsync($"/notices/{second}"); // the notice's own page has its 검증 panel

        Assert.Null(waiting.Index); // saved with the notice, numbered by the sequencer
        Assert.Equal(CanonicalJson.Normalize(waiting.Body), waiting.Body);
        Assert.Contains("\"kind\":\"notice.published\"", waiting.Body);
        Assert.Contains($"\"noticeId\":{second}", waiting.Body);
        Assert.True(round.Sequenced >= 2);
        Assert.NotNull(round.Checkpoint);
        Assert.Null(round.Alert);
        Assert.True(verified.IsValid, verified.Failure);
        Assert.Equal(round.Size, checkpoint.Size);
        Assert.Equal(waiting.Body, entry.GetProperty("body").GetString());
        Assert.Equal(Convert.ToHexStringLower(leaf), entry.GetProperty("leafHash").GetString());
        Assert.Equal(checkpoint.Size, entry.GetProperty("checkpointSize").GetInt64());
        Assert.True(MerkleProof.VerifyInclusion(index, checkpoint.Size, leaf, checkpoint.RootHash, proof).IsValid);
        if (before.Size > 0)
        {
            var consistency = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/ledger/proofs/consistency?from={before.Size}&to={checkpoint.Size}");
            var oldRoot = Convert.FromHexString(consistency.GetProperty("fromRoot").GetString()!);
            var steps = consistency.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
            Assert.True(MerkleProof.VerifyConsistency(before.Size, checkpoint.Size, oldRoot, checkpoint.RootHash, steps).IsValid);
        }
        Assert.True(firstIndex < index, $"notice {first} at {firstIndex}, notice {second} at {index}"); // numbered in the order written
        Assert.Contains("data-testid=\"verify-panel\"", page);
        Assert.Contains($"data-verify-index=\"{index}\"", page);
        Assert.Contains(Convert.ToHexStringLower(numbered.LeafHash), page);
    }

    [Fact]
    public async Task BadInput_IsA400WithItsCode()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreatePageClient();
        foreach (var url in new[]
        {
            "/api/v1/ledger/entries/abc", "/api/v1/ledger/entries/-1", "/api/v1/ledger/entries/99999999999999999999",
            "/api/v1/ledger/proofs/inclusion?index=0&size=0", "/api/v1/ledger/proofs/inclusion?index=5&size=99999999999999",
            "/api/v1/ledger/proofs/consistency?from=5&to=2", "/api/v1/ledger/proofs/consistency", "/api/v1/ledger/search?sha256=zz",
            "/api/v1/ledger/entries?limit=5000",
        })
        {
            using var response = await client.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, url);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("validation_failed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        var (badStatus, badPage) = await client.GetPageAsync("/verify?q=not-a-hash");
        var (noneStatus, nonePage) = await client.GetPageAsync("/verify?q=" + new string('a', 64));
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains("64자리 16진수 SHA-256 값을 입력해 주세요", badPage);
        Assert.Equal(HttpStatusCode.OK, noneStatus);
        Assert.Contains("data-testid=\"verify-none\"", nonePage);
    }

    /// <summary>
    /// Random tampering with stored entries, tree nodes and the records they attest, each time between numbering and
    /// signing: the checkpoint is refused with the first bad index every time, and signed again once the data is put back.
    /// </summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Tampering_StopsTheCheckpoint_AtTheFirstBadIndex_EveryTime(DatabaseProvider provider)
    {
        await using var factory = await MiraeFactory.StartAsync(provider);
        var sequencer = factory.Services.GetRequiredService<LedgerSequencer>();
        var callId = await ProgramData.AddCallAsync(factory);
        var random = new Random(20261204);
        var trials = provider == DatabaseProvider.Sqlite ? 120 : 60;
        var kinds = new Dictionary<string, int>();
        for (var trial = 0; trial < trials; trial++)
        {
            var decisionId = 0;
            using (var scope = factory.Services.CreateScope())
            {
                var scoped = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var records = scope.ServiceProvider.GetRequiredService<LedgerRecords>();
                for (var k = 0; k < 3; k++)
                {
                    records.Add("test.entry", $"trial:{trial}:{k}", new JsonObject { ["trial"] = trial, ["k"] = k });
                }
                var problem = new SelectionProblem(100_000_000, 0m, null, [], [new SelectionItem($"R-{trial}", 80m, 50_000_000, null)]);
                var decision = SelectionDecision.Confirm(callId, problem, SelectionSolver.Solve(problem).Result!, "시험", Guid.NewGuid(), DateTimeOffset.UtcNow);
                scoped.SelectionDecisions.Add(decision);
                await scoped.SaveChangesAsync();
                records.Add(LedgerKinds.Award, AwardLedger.Subject(callId), AwardLedger.Data(decision, new Dictionary<string, string>()));
                await scoped.SaveChangesAsync();
                decisionId = decision.Id;
            }
            await sequencer.SequenceAsync(CancellationToken.None);
            await using var data = factory.CreateDbContext();
            var entries = await data.LedgerEntries.AsNoTracking().Where(e => e.Subject.StartsWith($"trial:{trial}:") || e.Body.Contains($"\"decisionId\":{decisionId},"))
                .OrderBy(e => e.Index).ToListAsync();
            Assert.Equal(4, entries.Count);
            var pick = random.Next(3);
            var target = entries[pick];
            var kind = random.Next(6) switch { 0 => "body", 1 => "leaf-hash", 2 => "delete", 3 => "reorder", 4 => "node", _ => "record" };
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            var expected = kind == "record" ? entries[3].Index!.Value : target.Index!.Value;
            Func<Task> restore;
            switch (kind)
            {
                case "body":
                    await data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, target.Body.Replace("\"k\":", "\"k\" :")));
                    restore = () => data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, target.Body));
                    break;
                case "leaf-hash":
                    var flipped = target.LeafHash.ToArray();
                    flipped[random.Next(32)] ^= 0x01;
                    await data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeafHash, flipped));
                    restore = () => data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeafHash, target.LeafHash));
                    break;
                case "delete":
                    await data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteDeleteAsync();
                    restore = async () =>
                    {
                        await using var again = factory.CreateDbContext();
                        again.LedgerEntries.Add(target);
                        await again.SaveChangesAsync();
                    };
                    break;
                case "reorder":
                    var next = entries[pick + 1];
                    await data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, next.Body).SetProperty(e => e.LeafHash, next.LeafHash));
                    await data.LedgerEntries.Where(e => e.Id == next.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, target.Body).SetProperty(e => e.LeafHash, target.LeafHash));
                    restore = async () =>
                    {
                        await data.LedgerEntries.Where(e => e.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, target.Body).SetProperty(e => e.LeafHash, target.LeafHash));
                        await data.LedgerEntries.Where(e => e.Id == next.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Body, next.Body).SetProperty(e => e.LeafHash, next.LeafHash));
                    };
                    break;
                case "node":
                    var nodeKey = LedgerNode.KeyOf(new NodeId(0, target.Index!.Value));
                    var original = (await data.LedgerNodes.AsNoTracking().SingleAsync(n => n.Id == nodeKey)).Hash;
                    var changed = original.ToArray();
                    changed[0] ^= 0x80;
                    await data.LedgerNodes.Where(n => n.Id == nodeKey).ExecuteUpdateAsync(s => s.SetProperty(n => n.Hash, changed));
                    restore = () => data.LedgerNodes.Where(n => n.Id == nodeKey).ExecuteUpdateAsync(s => s.SetProperty(n => n.Hash, original));
                    break;
                default:
                    var selected = (await data.SelectionDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId)).Selected.ToList();
                    await data.SelectionDecisions.Where(d => d.Id == decisionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Selected, new List<string>()));
                    restore = () => data.SelectionDecisions.Where(d => d.Id == decisionId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Selected, selected));
                    break;
            }

            var refused = await sequencer.SignAsync(CancellationToken.None);
            await restore();
            var signed = await sequencer.SignAsync(CancellationToken.None);

            Assert.True(refused.Alert is not null, $"trial {trial}: {kind} at {expected} was signed over");
            Assert.Null(refused.Checkpoint);
            Assert.True(expected == refused.Alert.FirstBadIndex, $"trial {trial}: {kind} at {expected}, alert at {refused.Alert.FirstBadIndex}: {refused.Alert.Reason}");
            Assert.True(signed.Checkpoint is not null, $"trial {trial}: {kind} put back, still refused: {signed.Alert?.Reason}");
        }
        // A selection's record changed long after it was signed stops the next checkpoint as well.
        await using var db = factory.CreateDbContext();
        var oldest = await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == LedgerKinds.Award).OrderBy(e => e.Index).FirstAsync();
        var oldDecision = JsonNode.Parse(oldest.Body)!["data"]!["decisionId"]!.GetValue<int>();
        await db.SelectionDecisions.Where(d => d.Id == oldDecision).ExecuteUpdateAsync(s => s.SetProperty(d => d.Selected, new List<string>()));
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<LedgerRecords>().Add("test.entry", "after", new JsonObject { ["late"] = true });
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        var late = await sequencer.RunOnceAsync(CancellationToken.None);

        Assert.Equal(oldest.Index, late.Alert?.FirstBadIndex);
        Assert.Null(late.Checkpoint);
        Assert.Equal(trials + 1, await db.LedgerAlerts.CountAsync());
        Assert.Equal(trials + 1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.LedgerRefused));
        Assert.Equal(6, kinds.Count);
    }

    /// <summary>Twenty decisions recorded at once from parallel requests, numbered by two sequencers racing: one gapless sequence.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task ParallelDecisions_AndRacingSequencers_GiveOneGaplessSequence(DatabaseProvider provider)
    {
        var factory = await hosts.GetAsync(provider);
        var sequencer = factory.Services.GetRequiredService<LedgerSequencer>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var scope = factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<LedgerRecords>().Add("test.parallel", $"parallel:{tag}:{i}", new JsonObject { ["i"] = i });
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }));
        await Task.WhenAll(sequencer.RunOnceAsync(CancellationToken.None), sequencer.RunOnceAsync(CancellationToken.None), sequencer.RunOnceAsync(CancellationToken.None));
        await sequencer.RunOnceAsync(CancellationToken.None);

        await using var db = factory.CreateDbContext();
        var indices = await db.LedgerEntries.Where(e => e.Index != null).Select(e => e.Index!.Value).OrderBy(i => i).ToListAsync();
        Assert.Equal(Enumerable.Range(0, indices.Count).Select(i => (long)i), indices);
        Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.Index == null));
        Assert.Equal(indices.Count, (await db.LedgerCheckpoints.MaxAsync(c => (long?)c.Size)) ?? 0);
    }
}
