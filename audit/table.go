package audit

import "math/rand/v2"

// table holds the sources or the streams, found by a 64-bit hash of their
// key: open addressing with linear probing, at most half full. Entries
// whose hashes are equal are all kept, and callers compare keys, so a
// collision costs a comparison and is never a mix-up. It is cheaper than a
// map because the caller's hash is the index, and it grows only when an
// entry is added, so finding allocates nothing.
type table[V any] struct {
	slots []tableSlot[V]
	mask  uint64
	n     int
}

type tableSlot[V any] struct {
	hash uint64
	v    *V // nil: empty
}

func newTable[V any]() table[V] {
	return table[V]{slots: make([]tableSlot[V], 64), mask: 63}
}

// find returns the entry whose key hashes to h and that eq says has the
// key, or nil.
func (t *table[V]) find(h uint64, eq func(*V) bool) *V {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		e := &t.slots[i]
		if e.v == nil || e.hash == h && eq(e.v) {
			return e.v
		}
	}
}

// add puts v, whose key hashes to h, in the table.
func (t *table[V]) add(h uint64, v *V) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]tableSlot[V], 2*len(old))
		t.mask = uint64(len(t.slots) - 1)
		for _, e := range old {
			if e.v != nil {
				t.place(e)
			}
		}
	}
	t.place(tableSlot[V]{h, v})
	t.n++
}

func (t *table[V]) place(e tableSlot[V]) {
	i := e.hash & t.mask
	for t.slots[i].v != nil {
		i = (i + 1) & t.mask
	}
	t.slots[i] = e
}

// remove takes v, whose key hashes to h, out of the table, and moves the
// entries after it back so that probes still find them.
func (t *table[V]) remove(h uint64, v *V) {
	i := h & t.mask
	for t.slots[i].v != v {
		if t.slots[i].v == nil {
			return
		}
		i = (i + 1) & t.mask
	}
	t.n--
	for {
		t.slots[i] = tableSlot[V]{}
		j := i
		for {
			j = (j + 1) & t.mask
			e := t.slots[j]
			if e.v == nil {
				return
			}
			// Move the entry at j back to i unless its home lies
			// cyclically in (i, j].
			home := e.hash & t.mask
			if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
				t.slots[i] = e
				i = j
				break
			}
		}
	}
}

// sample returns up to n entries from a random place in the table.
func (t *table[V]) sample(n int) func(yield func(*V) bool) {
	return func(yield func(*V) bool) {
		if t.n == 0 {
			return
		}
		start := rand.Uint64() & t.mask
		for k := uint64(0); k <= t.mask && n > 0; k++ {
			if v := t.slots[(start+k)&t.mask].v; v != nil {
				n--
				if !yield(v) {
					return
				}
			}
		}
	}
}

// all yields every entry.
func (t *table[V]) all(yield func(*V) bool) {
	for _, e := range t.slots {
		if e.v != nil && !yield(e.v) {
			return
		}
	}
}
