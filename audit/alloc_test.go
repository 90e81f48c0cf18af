package audit

import (
	"fmt"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
)

// steadyRecords returns n records per source, for sources sources, each
// source's Windows channel (of six extensions or 22) or its meta
// sequenceId counting up, in round-robin order: what a collector sees
// once every source is known.
func steadyRecords(sources, n int) []*cefsyslog.Record {
	var recs []*cefsyslog.Record
	for i := range n {
		for s := range sources {
			at := t0.Add(time.Duration(i*sources+s) * time.Second)
			switch s % 4 {
			case 0:
				recs = append(recs, winEvent("relay", fmt.Sprintf("node%03d", s), "Security", uint64(1000+i), 0, at))
			case 2:
				recs = append(recs, longWinEvent("relay", fmt.Sprintf("node%03d", s), "Security", uint64(1000+i), 0, at))
			default:
				recs = append(recs, metaEvent(fmt.Sprintf("host%03d", s), "sshd", uint64(1+i), 0, at))
			}
		}
	}
	return recs
}

// TestObserveAllocs: once the sources are known, observing a record
// allocates nothing, whether it is in order, late, a replay or fills a gap.
func TestObserveAllocs(t *testing.T) {
	recs := steadyRecords(20, 120)
	tr := New(Config{Silence: time.Hour, SilenceFactor: 10, ReplayWindow: 1000})
	warm := 20 * 20
	for _, r := range recs[:warm] {
		tr.Observe(r)
	}
	i := warm
	allocs := testing.AllocsPerRun(len(recs)-warm-1, func() {
		tr.Observe(recs[i])
		i++
	})
	if allocs != 0 {
		t.Errorf("Observe: %v allocations per record, want 0", allocs)
	}
	// Replays, late arrivals and gaps of known streams.
	j := 0
	allocs = testing.AllocsPerRun(200, func() {
		tr.Observe(recs[warm+j%300])
		j += 7
	})
	if allocs != 0 {
		t.Errorf("Observe of replays and late records: %v allocations per record, want 0", allocs)
	}
	if rep := tr.Report(); rep.Duplicates() == 0 {
		t.Error("the second pass found no duplicates; the test did not test them")
	}
}
