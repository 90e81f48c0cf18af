package audit

import (
	"hash/maphash"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/cefsyslog/cefsyslog"
)

// TestHashEveryByte: at every length up to a few lanes' worth, changing
// any one bit of the input changes the hash, and so does adding a byte;
// a hash that skipped a byte, or read one twice in place of another,
// fails here.
func TestHashEveryByte(t *testing.T) {
	k := newKeyHash()
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[uint64]string{}
	for n := range 200 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		h := hash(k, 0, b)
		if other, ok := seen[h]; ok {
			t.Fatalf("length %d collides with %q", n, other)
		}
		seen[h] = string(b)
		if hash(k, 0, string(b)) != h {
			t.Fatalf("length %d: string and []byte hash differently", n)
		}
		for i := range n {
			for bit := range 8 {
				b[i] ^= 1 << bit
				if hash(k, 0, b) == h {
					t.Fatalf("length %d: flipping bit %d of byte %d leaves the hash", n, bit, i)
				}
				b[i] ^= 1 << bit
			}
		}
	}
}

// TestHashChain: chaining depends on the order and the boundaries of the
// parts.
func TestHashChain(t *testing.T) {
	k := newKeyHash()
	chain := func(parts ...string) uint64 {
		var h uint64
		for _, p := range parts {
			h = hash(k, h, p)
		}
		return h
	}
	sets := [][]string{{"ab", ""}, {"", "ab"}, {"a", "b"}, {"ab"}, {"b", "a"}, {"", "", "ab"}}
	got := map[uint64]int{}
	for i, s := range sets {
		h := chain(s...)
		if j, ok := got[h]; ok {
			t.Errorf("%q and %q chain to the same hash", sets[j], s)
		}
		got[h] = i
	}
}

// TestHashKeyed: another tracker's keys give other hashes.
func TestHashKeyed(t *testing.T) {
	a, b := newKeyHash(), newKeyHash()
	if hash(a, 0, "azs-node1") == hash(b, 0, "azs-node1") {
		t.Error("two key sets hash a name the same")
	}
}

// TestFingerprintEveryMessageByte: the message's text goes into the
// fingerprint whole, at every length up to a few of the runtime hash's
// blocks: changing any one byte, or adding one at the end, makes another
// event. Each text is the one before it and one more byte.
func TestFingerprintEveryMessageByte(t *testing.T) {
	tr := New(Config{})
	rng := rand.New(rand.NewPCG(3, 4))
	seen := map[uint64]int{}
	var b []byte
	for n := range 300 {
		if n > 0 {
			b = append(b, byte('!'+rng.IntN(94)))
		}
		fp := func() uint64 {
			return tr.fingerprint(&cefsyslog.Record{Syslog: &cefsyslog.Syslog{Hostname: "h", Message: string(b)}})
		}
		h := fp()
		if m, ok := seen[h]; ok {
			t.Fatalf("messages of %d and %d bytes have one fingerprint", m, n)
		}
		seen[h] = n
		for i := range n {
			c := b[i]
			b[i] ^= 0x40
			if fp() == h {
				t.Fatalf("%d bytes: changing byte %d leaves the fingerprint", n, i)
			}
			b[i] = c
		}
	}
}

// BenchmarkHash sets keyHash beside hash/maphash's String and Comparable
// on a host name, a 300-byte message and an Azure Stack Hub Windows
// event's length: the claims keyHash's comment makes.
func BenchmarkHash(b *testing.B) {
	k, seed := newKeyHash(), maphash.MakeSeed()
	text := strings.Repeat("azs-node17.contoso.local ", 100)
	hashes := []struct {
		name string
		sum  func(string) uint64
	}{
		{"keyHash", func(s string) uint64 { return hash(k, 0, s) }},
		{"maphash", func(s string) uint64 { return maphash.String(seed, s) }},
		{"comparable", func(s string) uint64 { return maphash.Comparable(seed, s) }},
	}
	for _, n := range []int{20, 300, 825} {
		s := text[:n]
		for _, h := range hashes {
			b.Run("hash="+h.name+"/len="+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(n))
				var sum uint64
				for b.Loop() {
					sum += h.sum(s)
				}
				sink64 = sum
			})
		}
	}
}

var sink64 uint64
