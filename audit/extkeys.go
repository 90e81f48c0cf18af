package audit

import (
	"math/bits"

	"github.com/cefsyslog/cefsyslog/cef"
)

// extKeys finds the values of up to three CEF extension keys in one pass
// from the end of an event, each with the result cef.Event.Get would give
// (the last pair with the key). A sequence's number and its stream's two
// keys are looked up for every record; three calls to Get would walk the
// extensions three times and compare every key of equal length in full,
// and Azure Stack Hub's keys are 22 of one prefix ("Mas…"), often of equal
// length. Here each extension costs a look at its key's length and last
// byte, and a key that has both right is compared eight bytes at a time,
// inline.
type extKeys struct {
	key   [4]string // the fourth is never used; it lets an index be masked
	all   uint8     // a bit per key
	byLen [maxKeyLen + 1]uint8
	// tail has, for each length, a bit per last byte (modulo 64) of the
	// keys of that length. Keys that only share a length with one
	// (MasVersion and MasChannel) are passed over in one test, where the
	// comparison's branches cost mispredictions: 19% off BenchmarkExtKeys.
	tail [maxKeyLen + 1]uint64
	// long: a key is longer than maxKeyLen, so every lookup uses Get.
	long bool
}

// fewExtensions is the most extensions for which observeSeq calls Get
// three times, inline, rather than extKeys.get: on the six of
// BenchmarkObserve/compact's event the call cost more than the walks it
// saves.
const fewExtensions = 8

// maxKeyLen is the longest key byLen indexes; the dictionary's longest,
// destinationTranslatedZoneExternalID, has 35 bytes.
const maxKeyLen = 63

func newExtKeys(keys ...string) *extKeys {
	k := &extKeys{}
	for j, s := range keys[:min(len(keys), 3)] {
		k.key[j] = s
		k.all |= 1 << j
		if len(s) > maxKeyLen {
			k.long = true
			continue
		}
		k.byLen[len(s)] |= 1 << j
		if s != "" {
			k.tail[len(s)] |= 1 << (s[len(s)-1] & 63)
		}
	}
	return k
}

// get returns the values of the keys, in the order given, and a bit per
// key found. Three strings come back in registers, where an array would
// come back through memory, written a word at a time and read back in
// wider loads that wait for the writes.
func (k *extKeys) get(e *cef.Event) (v0, v1, v2 string, found uint8) {
	var v [4]string
	if k.long {
		for j := range 3 {
			if k.all&(1<<j) != 0 {
				var ok bool
				if v[j], ok = e.Get(k.key[j]); ok {
					found |= 1 << j
				}
			}
		}
		return v[0], v[1], v[2], found
	}
	ext := e.Extensions
	for i := len(ext) - 1; i >= 0 && found != k.all; i-- {
		key := ext[i].Key
		n := len(key)
		if n > maxKeyLen || n > 0 && k.tail[n]>>(key[n-1]&63)&1 == 0 {
			continue
		}
		for m := k.byLen[n] &^ found; m != 0; m &= m - 1 {
			j := bits.TrailingZeros8(m) & 3
			// byLen gives want the key's length. Compared a word at a
			// time, inline: two words settle the keys of 8 to 16 bytes,
			// most of them.
			want := k.key[j]
			switch {
			case n >= 8:
				o := 0
				for o < n-8 && le64(key[o:]) == le64(want[o:]) {
					o += 8
				}
				if o < n-8 || le64(key[n-8:]) != le64(want[n-8:]) {
					continue
				}
			case n >= 4:
				if le32(key) != le32(want) || le32(key[n-4:]) != le32(want[n-4:]) {
					continue
				}
			case n > 0:
				// The first, middle and last bytes are all of them.
				if key[0] != want[0] || key[n>>1] != want[n>>1] || key[n-1] != want[n-1] {
					continue
				}
			}
			v[j] = ext[i].Value
			found |= 1 << j
		}
	}
	return v[0], v[1], v[2], found
}
