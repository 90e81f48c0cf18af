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
// length. Here each extension costs one look at its key's length, and a
// key of the right length is compared eight bytes at a time, inline.
type extKeys struct {
	key   [4]string // the fourth is never used; it lets an index be masked
	w0    [4]uint64 // the first and last eight bytes of keys of 8 or more
	w1    [4]uint64
	all   uint8 // a bit per key
	byLen [maxKeyLen + 1]uint8
	// long: a key is longer than maxKeyLen, so every lookup uses Get.
	long bool
}

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
		if len(s) >= 8 {
			k.w0[j], k.w1[j] = le64(s), le64(s[len(s)-8:])
		}
	}
	return k
}

// get returns the values of the keys, in the order given, and a bit per
// key found.
func (k *extKeys) get(e *cef.Event) (v [3]string, found uint8) {
	if k.long {
		for j := range 3 {
			if k.all&(1<<j) != 0 {
				var ok bool
				if v[j], ok = e.Get(k.key[j]); ok {
					found |= 1 << j
				}
			}
		}
		return v, found
	}
	ext := e.Extensions
	for i := len(ext) - 1; i >= 0 && found != k.all; i-- {
		key := ext[i].Key
		n := len(key)
		if n > maxKeyLen {
			continue
		}
		for m := k.byLen[n] &^ found; m != 0; m &= m - 1 {
			j := bits.TrailingZeros8(m) & 3
			if n >= 8 {
				if le64(key) != k.w0[j] || le64(key[n-8:]) != k.w1[j] || n > 16 && key[8:n-8] != k.key[j][8:n-8] {
					continue
				}
			} else if key != k.key[j] {
				continue
			}
			v[j] = ext[i].Value
			found |= 1 << j
		}
	}
	return v, found
}
