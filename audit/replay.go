package audit

// fingerprints remembers the most recent content fingerprints, in arrival
// order, and finds them again: a ring of hashes says which to forget next,
// and an open-addressing table (linear probing, at most half full) holds
// the same hashes, with the time each was seen beside it when a replay age
// is set. Both are allocated once, so remembering and forgetting allocate
// nothing, and a probe reads the table alone.
type fingerprints struct {
	ring  []uint64 // hashes in arrival order
	next  int      // where the next hash goes
	full  bool     // the ring has wrapped: ring[next] is the oldest
	table []uint64 // hash, or 0 for an empty slot
	at    []int64  // event time of table[i], Unix nanoseconds; nil without an age
	mask  uint64
}

func tableSize(n int) int {
	size := 1
	for size < 2*n {
		size <<= 1
	}
	return size
}

func newFingerprints(n int, withTime bool) *fingerprints {
	size := tableSize(n)
	f := &fingerprints{ring: make([]uint64, n), table: make([]uint64, size), mask: uint64(size - 1)}
	if withTime {
		f.at = make([]int64, size)
	}
	return f
}

// fingerprintBytes returns the memory n fingerprints take.
func fingerprintBytes(n int, withTime bool) int {
	per := 8
	if withTime {
		per = 16
	}
	return n*8 + tableSize(n)*per
}

// lookup returns the table slot holding h, or -1.
func (f *fingerprints) lookup(h uint64) int {
	for i := h & f.mask; ; i = (i + 1) & f.mask {
		switch f.table[i] {
		case h:
			return int(i)
		case 0:
			return -1
		}
	}
}

// add remembers h (never 0), forgetting the oldest hash when the ring is
// full; it returns the time the forgotten hash was seen (0 when none, or
// without times).
func (f *fingerprints) add(h uint64, at int64) (forgotAt int64) {
	if f.full {
		forgotAt = f.remove(f.ring[f.next])
	}
	f.ring[f.next] = h
	i := h & f.mask
	for f.table[i] != 0 {
		i = (i + 1) & f.mask
	}
	f.table[i] = h
	if f.at != nil {
		f.at[i] = at
	}
	f.next++
	if f.next == len(f.ring) {
		f.next, f.full = 0, true
	}
	return forgotAt
}

// remove deletes h from the table, shifting later entries of its probe
// run back so that lookups still find them, and returns its time.
func (f *fingerprints) remove(h uint64) (at int64) {
	i := h & f.mask
	for f.table[i] != h {
		if f.table[i] == 0 {
			return 0
		}
		i = (i + 1) & f.mask
	}
	if f.at != nil {
		at = f.at[i]
	}
	for {
		f.table[i] = 0
		j := i
		for {
			j = (j + 1) & f.mask
			v := f.table[j]
			if v == 0 {
				return at
			}
			// Move the entry at j back to i unless its home lies
			// cyclically in (i, j].
			home := v & f.mask
			if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
				f.table[i] = v
				if f.at != nil {
					f.at[i] = f.at[j]
				}
				i = j
				break
			}
		}
	}
}
