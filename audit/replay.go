package audit

import "math/bits"

// fingerprints remembers the last n content fingerprints and finds them
// again.
//
// The fingerprints themselves are kept in a ring, in arrival order; two
// tables find them. A table slot holds a fingerprint's arrival number, so
// its place in the ring, and the table forgets by generation instead of
// one by one: fingerprints go into the current table, and after n of them
// the current table becomes the previous one, and the previous one is
// emptied for the next n. A fingerprint is remembered while it is one of
// the last n added; an older one left in the previous table is passed
// over, as its arrival number says. Forgetting is then exact and costs
// nothing per event, adding writes one slot and the ring, and finding is
// two independent probes that the CPU runs side by side.
//
// Each table is laid out like Go's own maps: one control byte per slot
// (empty, or seven bits of the hash), eight to a word, so that a probe
// tests a group of eight slots in a few instructions. Nothing is deleted
// from a table, so probes end at the first group with an empty slot, and
// a table is never more than half full.
type fingerprints struct {
	n          uint32   // the window
	added      uint64   // fingerprints added; the last one's arrival number
	pos        uint32   // added modulo n: where the last one is in the ring
	hash       []uint64 // the last n, at their arrival number modulo n
	at         []int64  // their event times, likewise; nil without an age
	cur, prev  *fpTable
	withinPrev bool // prev holds fingerprints still within the window
}

type fpTable struct {
	ctrl   []uint64 // a control word per group of eight slots
	stamp  []uint32 // arrival number of the fingerprint in each slot, modulo 2³²
	groups uint64   // len(ctrl), a power of two
	count  uint32   // fingerprints in the table
}

const (
	ctrlEmpty = 0x80
	lsb       = 0x0101010101010101
	msb       = 0x8080808080808080
)

// maxWindow keeps arrival distances within uint32.
const maxWindow = 1 << 30

// tableSlots returns the slots of one table for n fingerprints: a power of
// two with at least twice as many slots, and at least one group.
func tableSlots(n int) int {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	return size
}

func newFpTable(slots int) *fpTable {
	t := &fpTable{ctrl: make([]uint64, slots/8), stamp: make([]uint32, slots), groups: uint64(slots / 8)}
	t.clear()
	return t
}

func (t *fpTable) clear() {
	for i := range t.ctrl {
		t.ctrl[i] = ctrlEmpty * lsb
	}
	t.count = 0
}

func newFingerprints(n int, withTime bool) *fingerprints {
	slots := tableSlots(n)
	f := &fingerprints{n: uint32(n), hash: make([]uint64, n), cur: newFpTable(slots), prev: newFpTable(slots)}
	if withTime {
		f.at = make([]int64, n)
	}
	return f
}

// fingerprintBytes returns the memory n fingerprints take.
func fingerprintBytes(n int, withTime bool) int {
	b := 2*tableSlots(n)*(1+4) + 8*n
	if withTime {
		b += 8 * n
	}
	return b
}

// window returns how many fingerprints are remembered.
func (f *fingerprints) window() int { return int(f.n) }

// matchByte returns the high bit of each byte of w equal to b. It may
// also mark a byte just above a match; callers check the hash anyway.
func matchByte(w, b uint64) uint64 {
	v := w ^ (lsb * b)
	return (v - lsb) &^ v & msb
}

// back returns how many fingerprints were added after the one with this
// stamp. Stamps in the tables are at most 2n back, so 32 bits tell.
func (f *fingerprints) back(stamp uint32) uint64 { return uint64(uint32(f.added) - stamp) }

// ring returns the ring index of the fingerprint with this stamp, which
// must be within the window.
func (f *fingerprints) ring(stamp uint32) int {
	return int((f.added - f.back(stamp)) % uint64(f.n))
}

// probe returns the slot of h in t, or -1 and the first empty slot along
// h's probe sequence. A slot whose fingerprint is no longer within the
// window does not count.
func (f *fingerprints) probe(t *fpTable, h uint64) (slot, free int) {
	h2 := h & 0x7F
	g := (h >> 7) & (t.groups - 1)
	for step := uint64(1); ; step++ {
		w := t.ctrl[g]
		for m := matchByte(w, h2); m != 0; m &= m - 1 {
			// The byte itself must match: matchByte may be wrong, and an
			// empty slot's stamp is stale.
			b := bits.TrailingZeros64(m) - 7
			if s := int(g)*8 + b/8; w>>b&0xFF == h2 {
				if st := t.stamp[s]; f.back(st) < uint64(f.n) && f.hash[f.ring(st)] == h {
					return s, -1
				}
			}
		}
		// Nothing is deleted: the empty bytes are the ones with the high
		// bit set.
		if m := w & msb; m != 0 {
			return -1, int(g)*8 + bits.TrailingZeros64(m)/8
		}
		g = (g + step) & (t.groups - 1)
	}
}

// find returns where h is remembered, or -1 and where add should put it.
// Slots of the previous table are numbered after the current one's.
func (f *fingerprints) find(h uint64) (slot, free int) {
	// Most fingerprints are new, and their home groups, the same in both
	// tables, hold neither their control byte nor a reason to probe on.
	g := (h >> 7) & (f.cur.groups - 1)
	wc, wp := f.cur.ctrl[g], f.prev.ctrl[g]
	if matchByte(wc, h&0x7F)|matchByte(wp, h&0x7F) == 0 && wc&msb != 0 && wp&msb != 0 {
		return -1, int(g)*8 + bits.TrailingZeros64(wc&msb)/8
	}
	s, free := f.probe(f.cur, h)
	if s >= 0 {
		return s, -1
	}
	if f.withinPrev {
		if p, _ := f.probe(f.prev, h); p >= 0 {
			return len(f.cur.stamp) + p, free
		}
	}
	return -1, free
}

// add remembers h, which find did not find and said would go in slot
// free of the current table, and forgets the fingerprint added n before
// it; it returns the time that one was seen (0 when none, or without
// times).
func (f *fingerprints) add(h uint64, free int, at int64) (forgotAt int64) {
	if f.cur.count == f.n {
		// A generation is complete: the previous table holds only
		// fingerprints more than n back now.
		f.cur, f.prev = f.prev, f.cur
		f.cur.clear()
		f.withinPrev = true
		_, free = f.probe(f.cur, h)
	}
	t := f.cur
	shift := uint(free%8) * 8
	t.ctrl[free/8] = t.ctrl[free/8]&^(0xFF<<shift) | (h&0x7F)<<shift
	f.added++
	t.stamp[free] = uint32(f.added)
	t.count++
	if f.pos++; f.pos == f.n {
		f.pos = 0
	}
	f.hash[f.pos] = h
	if f.at != nil {
		forgotAt, f.at[f.pos] = f.at[f.pos], at
	}
	return forgotAt
}

// timeAt returns where the time of the fingerprint in slot s is.
func (f *fingerprints) timeAt(s int) *int64 {
	if n := len(f.cur.stamp); s >= n {
		return &f.at[f.ring(f.prev.stamp[s-n])]
	}
	return &f.at[f.ring(f.cur.stamp[s])]
}

// seen returns the time the fingerprint in slot s was seen.
func (f *fingerprints) seen(s int) int64 { return *f.timeAt(s) }

// touch sets the time the fingerprint in slot s was seen.
func (f *fingerprints) touch(s int, at int64) { *f.timeAt(s) = at }
