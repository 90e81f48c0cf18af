package audit

import (
	"math/bits"
	"math/rand/v2"
)

// keyHash hashes what sources, streams and fingerprints are found by:
// the construction of Go's runtime hash for machines without AES
// instructions (after wyhash), keyed by four random secrets so that
// senders cannot choose input that collides. It chains, so a stream's
// source and label hash without being joined into one key first (6 ns,
// where joining them for hash/maphash and hashing took 15). The tables
// compare keys, so a collision there costs time, never a mix-up.
//
// A fingerprint starts from the message's text (or the raw record, when
// there is no syslog header), the one long field, hashed by the runtime's
// string hash under a seed of the tracker's (maphash.Comparable), which
// uses the CPU's AES instructions where it has them: on an 825-byte event
// it takes half the time of hash. Not maphash.String, which hashes in
// 128-byte pieces and is slower than hash on long text (BenchmarkHash).
type keyHash struct{ k0, k1, k2, k3 uint64 }

func newKeyHash() keyHash { return keyHash{rand.Uint64(), rand.Uint64(), rand.Uint64(), rand.Uint64()} }

// hash returns the hash of s, chained from seed (0, or an earlier hash).
// The length is part of it, so an empty s changes the hash too.
func hash[T string | []byte](k keyHash, seed uint64, s T) uint64 {
	const m5 = 0x1d8e4e27c47d124f
	n := len(s)
	seed ^= k.k0
	var a, b uint64
	switch {
	case n == 0:
	case n < 4:
		a = uint64(s[0]) | uint64(s[n>>1])<<8 | uint64(s[n-1])<<16
	case n <= 8:
		a, b = uint64(le32(s)), uint64(le32(s[n-4:]))
	case n <= 16:
		a, b = le64(s), le64(s[n-8:])
	default:
		i := 0
		if n > 48 {
			// Three independent lanes, which the CPU multiplies side by
			// side.
			s1, s2 := seed, seed
			for ; n-i > 48; i += 48 {
				c := s[i : i+48]
				seed = mix(le64(c[0:8])^k.k1, le64(c[8:16])^seed)
				s1 = mix(le64(c[16:24])^k.k2, le64(c[24:32])^s1)
				s2 = mix(le64(c[32:40])^k.k3, le64(c[40:48])^s2)
			}
			seed ^= s1 ^ s2
		}
		for ; n-i > 16; i += 16 {
			seed = mix(le64(s[i:i+8])^k.k1, le64(s[i+8:i+16])^seed)
		}
		a, b = le64(s[n-16:]), le64(s[n-8:])
	}
	return mix(m5^uint64(n), mix(a^k.k1, b^seed))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func le32[T string | []byte](s T) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le64[T string | []byte](s T) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
