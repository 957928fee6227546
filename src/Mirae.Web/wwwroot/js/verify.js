// Checks a log entry in the browser, trusting nothing the page says: it fetches the entry, the latest signed
// checkpoint, the checkpoint key and an inclusion proof from the public API, then
//   1. hashes the entry's canonical JSON as an RFC 9162 leaf (SHA-256 of 0x00 ‖ bytes) and compares the leaf hash,
//   2. walks the inclusion proof (RFC 9162 §2.1.3.2) to the checkpoint's root,
//   3. verifies the checkpoint's C2SP signed-note signature (ECDSA P-256, key ID = SHA-256(SPKI)[0..4]) with WebCrypto.
(function () {
  "use strict";
  var encoder = new TextEncoder();

  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function fromHex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) { out[i] = parseInt(text.substr(i * 2, 2), 16); }
    return out;
  }
  function fromBase64(text) {
    var raw = atob(text);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function concat(parts) {
    var length = parts.reduce(function (n, p) { return n + p.length; }, 0);
    var out = new Uint8Array(length);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }
  function same(a, b) {
    return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
  }
  async function json(url) {
    var response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) { throw new Error(url + " → " + response.status); }
    return response.json();
  }

  // RFC 9162 §2.1.3.2: from the leaf hash and the proof to the root of the tree of `size` leaves.
  async function rootFromInclusion(index, size, leaf, proof) {
    if (index >= size) { throw new Error("index beyond size"); }
    var fn = index, sn = size - 1, r = leaf;
    for (var i = 0; i < proof.length; i++) {
      var p = proof[i];
      if (sn === 0) { throw new Error("proof too long"); }
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(concat([new Uint8Array([1]), p, r]));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await sha256(concat([new Uint8Array([1]), r, p]));
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    if (sn !== 0) { throw new Error("proof too short"); }
    return r;
  }

  // A DER ECDSA signature (SEQUENCE of two INTEGERs) as the 64-byte r ‖ s WebCrypto verifies.
  function derToRaw(der) {
    var at = 2;
    if (der[1] & 0x80) { at = 2 + (der[1] & 0x7f); }
    function integer() {
      if (der[at] !== 0x02) { throw new Error("bad signature"); }
      var length = der[at + 1];
      var value = der.slice(at + 2, at + 2 + length);
      at += 2 + length;
      while (value.length > 32 && value[0] === 0) { value = value.slice(1); }
      var out = new Uint8Array(32);
      out.set(value, 32 - value.length);
      return out;
    }
    return concat([integer(), integer()]);
  }

  async function verifyCheckpoint(note, key) {
    var split = note.indexOf("\n\n");
    if (split < 0) { throw new Error("not a signed note"); }
    var text = note.slice(0, split + 1);
    var lines = text.split("\n");
    var origin = lines[0], size = Number(lines[1]), root = fromBase64(lines[2]);
    var pem = key.publicKeyPem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
    var spki = fromBase64(pem);
    var keyId = (await sha256(spki)).slice(0, 4);
    var publicKey = await crypto.subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    var signatures = note.slice(split + 2).split("\n").filter(function (l) { return l.indexOf("\u2014 " + origin + " ") === 0; });
    for (var i = 0; i < signatures.length; i++) {
      var blob = fromBase64(signatures[i].slice(("\u2014 " + origin + " ").length));
      if (!same(blob.slice(0, 4), keyId)) { continue; }
      var ok = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, derToRaw(blob.slice(4)), encoder.encode(text));
      if (ok) { return { size: size, root: root }; }
      throw new Error("the checkpoint's signature does not verify");
    }
    throw new Error("no signature by the log's key");
  }

  async function check(index) {
    var entry = await json("/api/v1/ledger/entries/" + index);
    var leaf = await sha256(concat([new Uint8Array([0]), encoder.encode(entry.body)]));
    if (hex(leaf) !== entry.leafHash) { throw new Error("the entry's content does not give its leaf hash"); }
    var response = await fetch("/api/v1/ledger/checkpoint");
    if (!response.ok) { throw new Error("no signed checkpoint yet"); }
    var checkpoint = await verifyCheckpoint(await response.text(), await json("/api/v1/ledger/key"));
    var proof = await json("/api/v1/ledger/proofs/inclusion?index=" + index + "&size=" + checkpoint.size);
    var root = await rootFromInclusion(index, checkpoint.size, leaf, proof.proof.map(fromHex));
    if (!same(root, checkpoint.root)) { throw new Error("the inclusion proof does not lead to the checkpoint's root"); }
    return checkpoint.size;
  }

  document.querySelectorAll("button[data-verify-index]").forEach(function (button) {
    if (!window.crypto || !crypto.subtle) { return; }
    var result = button.parentElement.querySelector(".verify-result");
    button.hidden = false;
    button.addEventListener("click", async function () {
      result.textContent = result.getAttribute("data-checking");
      result.classList.remove("ok", "failed");
      try {
        var size = await check(Number(button.getAttribute("data-verify-index")));
        result.textContent = result.getAttribute("data-ok") + " (" + size + ")";
        result.classList.add("ok");
      } catch (e) {
        result.textContent = result.getAttribute("data-failed") + " " + e.message;
        result.classList.add("failed");
      }
    });
  });
})();
