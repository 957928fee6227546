namespace Mirae.Ledger.Tests;

public sealed class CheckpointTests
{
    private const string Origin = "ledger.mirae.incheon.kr/v1";
    private static readonly Checkpoint Sample = new(Origin, 64, Vectors.Roots[64]);

    [Fact]
    public void ToText_IsTheTlogCheckpointBody()
    {
        Assert.Equal($"{Origin}\n64\n{Convert.ToBase64String(Vectors.Roots[64])}\n", Sample.ToText());
        Assert.True(Checkpoint.TryParse(Sample.ToText(), out var parsed, out _));
        Assert.Equal(Sample.Size, parsed!.Size);
        Assert.Equal(Sample.RootHash, parsed.RootHash);
        Assert.Equal(Origin, parsed.Origin);
    }

    [Theory]
    [InlineData("o\n064\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "size line")]
    [InlineData("o\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "size line")]
    [InlineData("o\n1\nAAAA\n", "root line")]
    [InlineData("o\n1\n", "needs origin, size and root")]
    [InlineData("\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", "origin line")]
    [InlineData("o\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "newline")]
    public void TryParse_WhenMalformed_SaysWhy(string text, string reason)
    {
        Assert.False(Checkpoint.TryParse(text, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void SignedNote_VerifiesWithThePublicKey_AfterAPemRoundTrip()
    {
        using var generated = CheckpointSigner.Generate(Origin);
        using var signer = CheckpointSigner.FromPrivateKeyPem(Origin, generated.PrivateKeyPem);
        using var verifier = CheckpointVerifier.FromPublicKeyPem(generated.PublicKeyPem);

        var note = signer.Sign(Sample);
        var result = verifier.Verify(note, out var checkpoint);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(64, checkpoint!.Size);
        Assert.StartsWith(Sample.ToText() + "\n\u2014 " + Origin + " ", note);
        Assert.EndsWith("\n", note);
    }

    [Fact]
    public void SignedNote_WhenAnythingChanges_FailsWithAReason()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        using var stranger = CheckpointSigner.Generate(Origin);
        using var verifier = CheckpointVerifier.FromPublicKeyPem(signer.PublicKeyPem);
        var note = signer.Sign(Sample);
        var signatureLine = note[(note.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var blob = Convert.FromBase64String(signatureLine.Split(' ')[2].TrimEnd('\n'));
        blob[^5] ^= 0x40;

        var cases = new Dictionary<string, string>
        {
            ["size changed"] = note.Replace("\n64\n", "\n65\n", StringComparison.Ordinal),
            ["root changed"] = new Checkpoint(Origin, 64, Vectors.Roots[63]).ToText() + "\n" + signatureLine,
            ["origin changed"] = note.Replace(Origin + "\n", "other.example/log\n", StringComparison.Ordinal),
            ["signed by another key"] = stranger.Sign(Sample),
            ["signature bytes altered"] = Sample.ToText() + "\n\u2014 " + Origin + " " + Convert.ToBase64String(blob) + "\n",
            ["no signatures"] = Sample.ToText() + "\n",
            ["not a note"] = "hello",
            ["control character"] = note.Replace("64", "6\t4", StringComparison.Ordinal),
            ["bad signature line"] = Sample.ToText() + "\n- " + Origin + " AAAA\n",
        };

        Assert.All(cases, c =>
        {
            var result = verifier.Verify(c.Value, out var checkpoint);
            Assert.False(result.IsValid, c.Key);
            Assert.False(string.IsNullOrWhiteSpace(result.Failure), c.Key);
            Assert.Null(checkpoint);
        });
    }

    [Fact]
    public void SignedNote_WithCosignaturesFromUnknownKeys_StillVerifies()
    {
        using var signer = CheckpointSigner.Generate(Origin);
        using var witness = CheckpointSigner.Generate("witness.example/w1");
        using var verifier = CheckpointVerifier.FromPublicKeyPem(signer.PublicKeyPem);
        var witnessLine = witness.Sign(Sample).Split("\n\n")[1];

        var note = signer.Sign(Sample) + witnessLine;

        Assert.True(verifier.Verify(note, out _).IsValid);
    }

    [Fact]
    public void Keys_ThatAreNotP256_AreRefused()
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => CheckpointVerifier.FromPublicKeyPem(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<ArgumentException>(() => CheckpointVerifier.FromPublicKeyPem(p384.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<ArgumentException>(() => CheckpointSigner.FromPrivateKeyPem(Origin, p384.ExportPkcs8PrivateKeyPem()));
        Assert.Throws<ArgumentException>(() => CheckpointVerifier.FromPublicKeyPem("not a pem"));
    }
}
