package audit

import (
	"testing"
	"time"
)

// FuzzTracker drives a tracker with random streams: each 3 bytes pick a
// source, a step for its number (forward, back, repeat, far back) and a
// content. Nothing may panic, the budget must hold, and every stream's
// counts must agree with its ranges.
func FuzzTracker(f *testing.F) {
	f.Add([]byte{0, 1, 0, 0, 1, 0, 0, 5, 1, 0, 0xfe, 2, 1, 1, 0, 1, 3, 0})
	f.Add([]byte{2, 0x80, 0, 2, 0x81, 0, 2, 0x82, 0, 2, 0x01, 9})
	f.Fuzz(runOps)
}

// runOps is FuzzTracker's body.
func runOps(t *testing.T, ops []byte) {
	if len(ops) > 30000 {
		return // the stream length is what the fuzzer controls; keep runs short
	}
	const budget = 64 << 10
	tr := New(Config{Memory: budget, ReplayWindow: 64, ReorderWindow: 16, SilenceFactor: 3,
		Sequences: []Sequence{MetaSequenceID, {Name: "small", SDID: "small", Param: "n", Max: 50}}})
	nums := map[byte]uint64{}
	at := t0
	for i := 0; i+2 < len(ops); i += 3 {
		src, step, variant := ops[i]%8, ops[i+1], int(ops[i+2])
		n := nums[src]
		switch {
		case step < 0x80:
			n += uint64(step % 20)
		case step < 0xc0:
			n -= min(n, uint64(step%20))
		case step < 0xf0:
			n = uint64(step) % 3
		default:
			n = 2147483647 - uint64(step%4)
		}
		nums[src] = n
		at = at.Add(time.Duration(ops[i+2]) * time.Second)
		host := string([]byte{'h', '0' + src})
		r := metaEvent(host, "a", n, variant, at)
		if src >= 4 {
			r.Syslog.StructuredData[0].ID = "small"
			r.Syslog.StructuredData[0].Params[0].Name = "n"
		}
		tr.Observe(r)
		if tr.MemoryUsed() > budget {
			t.Fatalf("%d bytes used, budget %d", tr.MemoryUsed(), budget)
		}
	}
	for s := range tr.allStreams() {
		var inGaps int64
		for _, g := range s.gaps {
			if g.From > g.To {
				t.Fatalf("range %v runs backwards", g)
			}
			inGaps += int64(g.Len())
		}
		if s.missing != inGaps+s.droppedMissing {
			t.Fatalf("%s/%s: missing %d, ranges hold %d and %d were dropped", s.source, s.label, s.missing, inGaps, s.droppedMissing)
		}
		if len(s.gaps) > DefaultMaxGaps {
			t.Fatalf("%d ranges kept", len(s.gaps))
		}
		for i := s.open + 1; i < len(s.gaps); i++ {
			if s.gaps[i-1].To >= s.gaps[i].From {
				t.Fatalf("open ranges out of order: %v", s.gaps[s.open:])
			}
		}
	}
	rep := tr.Report()
	if rep.Missing() < 0 || rep.Duplicates() < 0 {
		t.Fatalf("negative counts: %d, %d", rep.Missing(), rep.Duplicates())
	}
}
