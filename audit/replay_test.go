package audit

import (
	"math/rand/v2"
	"testing"
)

// TestFingerprintsModel drives the table with random fingerprints, many of
// them repeats, and checks every answer against a plain model: a queue of
// the last n fingerprints, across many generations. Hashes that share
// their low bits crowd a few groups, so that probes run long.
func TestFingerprintsModel(t *testing.T) {
	generations := 0
	for _, tc := range []struct {
		n      int
		spread uint64 // distinct fingerprints drawn from
		crowd  bool   // hashes share their group and control byte bits
	}{
		{1, 4, false}, {7, 16, false}, {16, 40, true}, {100, 300, false},
		{100, 300, true}, {1000, 5000, false}, {4096, 1 << 40, false},
	} {
		rng := rand.New(rand.NewPCG(uint64(tc.n), tc.spread))
		f := newFingerprints(tc.n, true)
		var queue []uint64
		var times []int64 // when each in queue was added
		count := map[uint64]int{}
		for step := range 50 * tc.n {
			h := rng.Uint64N(tc.spread)
			if tc.crowd {
				// Few groups, few control bytes: long probe runs.
				h = h<<20 | h%3
			}
			slot, free := f.find(h)
			if (slot >= 0) != (count[h] > 0) {
				t.Fatalf("n=%d step %d: find(%#x) = %d, model has it %d times", tc.n, step, h, slot, count[h])
			}
			if slot >= 0 {
				if got, want := f.seen(slot), times[indexOf(queue, h)]; got != want {
					t.Fatalf("n=%d step %d: %#x seen at %d, added at %d", tc.n, step, h, got, want)
				}
				continue
			}
			if free < 0 {
				t.Fatalf("n=%d step %d: no free slot for %#x", tc.n, step, h)
			}
			var wantForgot int64
			if len(queue) == tc.n {
				count[queue[0]]--
				wantForgot = times[0]
				queue, times = queue[1:], times[1:]
			}
			cur := f.cur
			forgot := f.add(h, free, int64(step+1))
			if f.cur != cur {
				generations++
			}
			if forgot != wantForgot {
				t.Fatalf("n=%d step %d: add forgot at %d, model forgot %d", tc.n, step, forgot, wantForgot)
			}
			queue, times = append(queue, h), append(times, int64(step+1))
			count[h]++
		}
		for _, h := range queue {
			if s, _ := f.find(h); s < 0 {
				t.Fatalf("n=%d: %#x lost from the table", tc.n, h)
			}
		}
	}
	if generations == 0 {
		t.Error("no case started a new generation")
	}
}

func indexOf(q []uint64, h uint64) int {
	for i, v := range q {
		if v == h {
			return i
		}
	}
	return -1
}
