package audit

import (
	"math/rand/v2"
	"testing"
)

// TestTableCollisions fills a table with entries whose hashes are few and
// crowd the same slots, removes them in random order, and checks after
// every step that each entry left is found by its own key and by no other:
// equal hashes never mix entries up, and removal keeps every probe run
// whole, also as the table grows.
func TestTableCollisions(t *testing.T) {
	type entry struct{ key int }
	rng := rand.New(rand.NewPCG(3, 4))
	tb := newTable[entry]()
	hashOf := func(key int) uint64 { return uint64(key%5) * 63 } // five hashes, all near slot 0 or wrapping
	var live []*entry
	check := func(step string) {
		t.Helper()
		if tb.n != len(live) {
			t.Fatalf("%s: table counts %d entries, %d are in it", step, tb.n, len(live))
		}
		for _, e := range live {
			if got := tb.find(hashOf(e.key), func(v *entry) bool { return v.key == e.key }); got != e {
				t.Fatalf("%s: key %d finds %v", step, e.key, got)
			}
		}
		n := 0
		for range tb.all {
			n++
		}
		if n != len(live) {
			t.Fatalf("%s: all yields %d entries, want %d", step, n, len(live))
		}
	}
	for key := range 300 {
		e := &entry{key}
		tb.add(hashOf(key), e)
		live = append(live, e)
		if key%37 == 0 {
			check("adding")
		}
	}
	check("full")
	for len(live) > 0 {
		i := rng.IntN(len(live))
		e := live[i]
		tb.remove(hashOf(e.key), e)
		live = append(live[:i], live[i+1:]...)
		if got := tb.find(hashOf(e.key), func(v *entry) bool { return v.key == e.key }); got != nil {
			t.Fatalf("removed key %d is still found", e.key)
		}
		check("removing")
	}
}

// TestTableSample: a sample holds up to n distinct entries of the table.
func TestTableSample(t *testing.T) {
	type entry struct{ key int }
	tb := newTable[entry]()
	for key := range 100 {
		tb.add(uint64(key)*0x9E3779B97F4A7C15, &entry{key})
	}
	seen := map[*entry]bool{}
	for v := range tb.sample(8) {
		if seen[v] {
			t.Fatalf("sample yields key %d twice", v.key)
		}
		seen[v] = true
	}
	if len(seen) != 8 {
		t.Errorf("sample of 8 from 100 yields %d", len(seen))
	}
}
