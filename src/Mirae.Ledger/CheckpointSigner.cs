using System.Security.Cryptography;
using System.Text;

namespace Mirae.Ledger;

/// <summary>
/// Signs checkpoints as C2SP signed notes with ECDSA P-256 over SHA-256 (signature type 0x02): the note
/// text, a blank line, then <c>— &lt;key name&gt; base64(key ID ‖ DER signature)</c>, where the key ID is
/// the first 4 bytes of SHA-256 of the DER SubjectPublicKeyInfo.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa _key;

    private CheckpointSigner(string keyName, ECDsa key)
    {
        if (string.IsNullOrEmpty(keyName) || keyName.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '+'))
        {
            throw new ArgumentException("key name must be non-empty, without spaces, '+' or control characters", nameof(keyName));
        }
        if (key.KeySize != 256)
        {
            throw new ArgumentException("the key must be ECDSA P-256", nameof(key));
        }
        KeyName = keyName;
        _key = key;
    }

    /// <summary>The name in the signature lines (by convention the log's origin).</summary>
    public string KeyName { get; }

    /// <summary>A new P-256 key.</summary>
    /// <param name="keyName">Non-empty, no whitespace or '+'.</param>
    public static CheckpointSigner Generate(string keyName) => new(keyName, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Loads a P-256 private key from PEM (PKCS#8 or SEC1 "EC PRIVATE KEY").</summary>
    /// <exception cref="ArgumentException">When the PEM holds no P-256 private key.</exception>
    public static CheckpointSigner FromPrivateKeyPem(string keyName, string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            _ = key.ExportParameters(includePrivateParameters: true);
            return new CheckpointSigner(keyName, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException("not a P-256 private key in PEM: " + e.Message, nameof(pem), e);
        }
    }

    /// <summary>The private key as PKCS#8 PEM; keep it secret.</summary>
    public string PrivateKeyPem => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>The public key as SubjectPublicKeyInfo PEM, for verifiers.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The signed note of <paramref name="checkpoint"/>.</summary>
    public string Sign(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var text = checkpoint.ToText();
        var signature = _key.SignData(Checkpoint.Utf8(text), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var blob = new byte[4 + signature.Length];
        SignedNote.KeyId(_key.ExportSubjectPublicKeyInfo()).CopyTo(blob, 0);
        signature.CopyTo(blob, 4);
        return new StringBuilder(text).Append('\n').Append(SignedNote.Dash).Append(' ').Append(KeyName).Append(' ')
            .Append(Convert.ToBase64String(blob)).Append('\n').ToString();
    }

    /// <summary>
    /// A witness's cosignature line for a checkpoint it has seen grow consistently: <c>— name base64(keyID ‖ time ‖ sig)</c>,
    /// where the time is seconds since 1970 (8 bytes, big-endian) and the signature (ECDSA P-256, DER) covers
    /// <c>"cosignature/v1\ntime {time}\n"</c> followed by the checkpoint text, after C2SP tlog-cosignature (ADR 018).
    /// </summary>
    public string Cosign(Checkpoint checkpoint, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var seconds = time.ToUnixTimeSeconds();
        var signature = _key.SignData(Cosignature.Message(checkpoint, seconds), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var blob = new byte[12 + signature.Length];
        SignedNote.KeyId(_key.ExportSubjectPublicKeyInfo()).CopyTo(blob, 0);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(blob.AsSpan(4, 8), seconds);
        signature.CopyTo(blob, 12);
        return $"{SignedNote.Dash} {KeyName} {Convert.ToBase64String(blob)}";
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}

/// <summary>What a witness signs (C2SP tlog-cosignature's message shape).</summary>
public static class Cosignature
{
    /// <summary>The bytes a cosignature signs: <c>"cosignature/v1\ntime {seconds}\n"</c> and the checkpoint's text.</summary>
    public static byte[] Message(Checkpoint checkpoint, long unixSeconds)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return Checkpoint.Utf8(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cosignature/v1\ntime {unixSeconds}\n") + checkpoint.ToText());
    }
}

/// <summary>Verifies signed checkpoints against one trusted public key.</summary>
public sealed class CheckpointVerifier : IDisposable
{
    private readonly ECDsa _key;
    private readonly byte[] _keyId;

    private CheckpointVerifier(ECDsa key)
    {
        _key = key;
        _keyId = SignedNote.KeyId(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Loads a P-256 public key from SubjectPublicKeyInfo PEM.</summary>
    /// <exception cref="ArgumentException">When the PEM holds no P-256 public key.</exception>
    public static CheckpointVerifier FromPublicKeyPem(string pem)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
            {
                throw new ArgumentException("the key must be ECDSA P-256");
            }
            return new CheckpointVerifier(key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new ArgumentException("not a P-256 public key in PEM: " + e.Message, nameof(pem), e);
        }
    }

    /// <summary>
    /// Verifies a signed note whose text is a checkpoint. Holds when a signature line named like the
    /// checkpoint's origin carries this key's ID and verifies; fails when a line with this key's name
    /// and ID does not verify, or none is present.
    /// </summary>
    /// <param name="signedNote">The whole note: checkpoint text, blank line, signature lines.</param>
    /// <param name="checkpoint">The parsed checkpoint when the result is valid.</param>
    public VerificationResult Verify(string signedNote, out Checkpoint? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        checkpoint = null;
        if (!SignedNote.TrySplit(signedNote, out var text, out var signatures, out var error))
        {
            return VerificationResult.Fail(error!);
        }
        if (!Checkpoint.TryParse(text!, out var parsed, out error))
        {
            return VerificationResult.Fail(error!);
        }

        var verified = false;
        foreach (var (name, blob) in signatures!)
        {
            if (name != parsed!.Origin || blob.Length <= 4 || !blob.AsSpan(0, 4).SequenceEqual(_keyId))
            {
                continue; // another key's signature: ignored, as the spec requires
            }
            if (!_key.VerifyData(Checkpoint.Utf8(text!), blob.AsSpan(4), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return VerificationResult.Fail("signature by the trusted key does not verify");
            }
            verified = true;
        }
        if (!verified)
        {
            return VerificationResult.Fail("no signature by the trusted key");
        }
        checkpoint = parsed;
        return VerificationResult.Valid;
    }

    /// <summary>
    /// Verifies a witness's cosignature line (<see cref="CheckpointSigner.Cosign"/>) of <paramref name="checkpoint"/> by
    /// this key, named <paramref name="name"/>; gives the time the witness signed.
    /// </summary>
    public VerificationResult VerifyCosignature(Checkpoint checkpoint, string line, string name, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(line);
        time = default;
        var prefix = $"{SignedNote.Dash} {name} ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return VerificationResult.Fail($"not a signature line named {name}");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(line[prefix.Length..].Trim());
        }
        catch (FormatException)
        {
            return VerificationResult.Fail("the signature is not base64");
        }
        if (blob.Length <= 12 || !blob.AsSpan(0, 4).SequenceEqual(_keyId))
        {
            return VerificationResult.Fail("not signed by this witness's key");
        }
        var seconds = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(blob.AsSpan(4, 8));
        if (!_key.VerifyData(Cosignature.Message(checkpoint, seconds), blob.AsSpan(12), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return VerificationResult.Fail("the cosignature does not verify");
        }
        time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return VerificationResult.Valid;
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}

internal static class SignedNote
{
    public const char Dash = '\u2014';

    /// <summary>Key ID for signature type 0x02: SHA-256 of the DER SubjectPublicKeyInfo, first 4 bytes.</summary>
    public static byte[] KeyId(byte[] subjectPublicKeyInfo) => SHA256.HashData(subjectPublicKeyInfo)[..4];

    public static bool TrySplit(string note, out string? text, out List<(string Name, byte[] Blob)>? signatures, out string? error)
    {
        text = null;
        signatures = null;
        if (note.Any(c => char.IsControl(c) && c != '\n'))
        {
            error = "note has control characters";
            return false;
        }
        var separator = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (separator < 0 || separator + 2 >= note.Length || !note.EndsWith('\n'))
        {
            error = "note has no signature block";
            return false;
        }
        text = note[..(separator + 1)];
        signatures = [];
        foreach (var line in note[(separator + 2)..^1].Split('\n'))
        {
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[0] != Dash.ToString() || parts[1].Length == 0)
            {
                error = "malformed signature line";
                return false;
            }
            try
            {
                signatures.Add((parts[1], Convert.FromBase64String(parts[2])));
            }
            catch (FormatException)
            {
                error = "signature is not base64";
                return false;
            }
        }
        error = null;
        return true;
    }
}
