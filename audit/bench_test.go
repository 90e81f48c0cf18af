package audit

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
)

// benchStream makes records that stay valid as the benchmark rewrites
// them in place: each source has one record whose sequence number and
// message text are swapped for the next ones before each Observe, without
// allocating. The texts are windows on one random buffer, so that every
// event's content differs, as real events' do.
type benchStream struct {
	recs []*cefsyslog.Record
	nums []string
	text string
	next []int
}

func newBenchStream(sources, events int) *benchStream {
	bs := &benchStream{}
	var nb []byte
	var offs []int
	perSource := events/sources + 2
	for i := range perSource {
		offs = append(offs, len(nb))
		nb = strconv.AppendInt(nb, int64(1000+i), 10)
	}
	offs = append(offs, len(nb))
	all := string(nb)
	for i := range perSource {
		bs.nums = append(bs.nums, all[offs[i]:offs[i+1]])
	}
	var sb strings.Builder
	x := uint64(88172645463325252)
	for sb.Len() < events+400 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		sb.WriteByte(byte('a' + x%26))
	}
	bs.text = sb.String()
	for s := range sources {
		r := winEvent("azs-relay", "azs-node"+strconv.Itoa(s), "Security", 1000, 0, t0)
		bs.recs = append(bs.recs, r)
		bs.next = append(bs.next, 0)
	}
	return bs
}

// set makes event k (of source k % sources) the next record of its source.
func (bs *benchStream) set(k int, at time.Time) *cefsyslog.Record {
	s := k % len(bs.recs)
	r := bs.recs[s]
	n := bs.next[s]
	bs.next[s]++
	setExt(r.CEF, "MasEventRecordID", bs.nums[n%len(bs.nums)])
	r.Syslog.Message = bs.text[k%(len(bs.text)-300):][:300]
	r.Syslog.Timestamp = at
	return r
}

func setExt(e *cef.Event, key, v string) {
	for i := range e.Extensions {
		if e.Extensions[i].Key == key {
			e.Extensions[i].Value = v
		}
	}
}

// BenchmarkObserve is the per-event cost in steady state: 1,000 sources
// (Azure Stack Hub computers' Security channels, through one relay), each
// event new and in order. "default" is the zero Config; "sequences" turns
// replay detection off, leaving sequences and sources.
func BenchmarkObserve(b *testing.B) {
	for _, bc := range []struct {
		name string
		cfg  Config
	}{{"default", Config{}}, {"sequences", Config{ReplayWindow: -1}}} {
		b.Run(bc.name, func(b *testing.B) {
			const sources, events = 1000, 1 << 20
			var bs *benchStream
			var tr *Tracker
			k := 0
			start := func() {
				bs, tr = newBenchStream(sources, events), New(bc.cfg)
				for k = 0; k < 2*sources; k++ {
					tr.Observe(bs.set(k, t0))
				}
			}
			start()
			b.ReportAllocs()
			for b.Loop() {
				tr.Observe(bs.set(k, t0))
				if k++; k == events {
					b.StopTimer()
					start()
					b.StartTimer()
				}
			}
		})
	}
}

// BenchmarkFloor is what the benchmark's own record rewriting costs, for
// comparison with BenchmarkObserve.
func BenchmarkFloor(b *testing.B) {
	bs := newBenchStream(1000, 1<<20)
	k := 0
	for b.Loop() {
		bs.set(k, t0)
		k = (k + 1) & (1<<20 - 1)
	}
}

// BenchmarkMillionEvents tracks one million events from 1,000 sources
// with the default configuration and reports the memory the tracker counts
// against its budget (budget-MB), the heap it grew by (heap-MB), the cost
// per event, and whether anything had to be forgotten (it must not).
func BenchmarkMillionEvents(b *testing.B) {
	const sources, events = 1000, 1_000_000
	bs := newBenchStream(sources, events)
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := range bs.next {
			bs.next[i] = 0
		}
		b.StartTimer()
		start := time.Now()
		tr := New(Config{})
		for k := range events {
			tr.Observe(bs.set(k, t0.Add(time.Duration(k)*time.Millisecond)))
		}
		perEvent := time.Since(start) / events
		b.StopTimer()
		runtime.ReadMemStats(&after)
		rep := tr.Report()
		if rep.Forgotten.Any() || rep.Missing() != 0 || rep.Duplicates() != 0 {
			b.Fatalf("the default budget did not hold 1M events from 1,000 sources: forgotten %+v, missing %d, duplicates %d",
				rep.Forgotten, rep.Missing(), rep.Duplicates())
		}
		b.ReportMetric(float64(tr.MemoryUsed())/(1<<20), "budget-MB")
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
		b.ReportMetric(float64(perEvent.Nanoseconds()), "ns/event")
		runtime.KeepAlive(tr)
		b.StartTimer()
	}
}
