package audit

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
)

// benchStream makes the records a parser would hand the tracker, without
// allocating: a few records are rewritten in turn, each with the next
// source's computer name, its next sequence number and a new message text,
// so that like a just-parsed record each is in the CPU's caches when
// Observe reads it, while the tracker's own state for 1,000 sources is
// not. The texts are windows on one random buffer, as long as the shape's
// message, so that every event's content differs, as real events' do.
type benchStream struct {
	recs     []*cefsyslog.Record
	names    []string // computer names, windows on one string
	nums     []string
	text     string
	msgLen   int
	next     []int // next sequence number index, per source
	num, cmp int   // index of MasEventRecordID and MasComputer in the extensions
	// Cursors, counted up and wrapped, so that set divides nothing.
	src, rec, off int
}

// A benchShape makes a record of one kind of event.
type benchShape struct {
	name string
	make func(testing.TB) *cefsyslog.Record
}

// benchShapes are the events the benchmarks track. "compact" is the
// constructed Windows event of winEvent, six extensions, with a 300-byte
// text. "azurestack" is the Windows event of
// testdata/benchdata/cef-b_maswin.txt (825 bytes, 22 Mas* extensions) as
// an Azure Stack Hub relay forwards it, behind a BSD syslog header: more
// to hash, and more extensions to look through.
var benchShapes = []benchShape{
	{"compact", func(testing.TB) *cefsyslog.Record {
		r := winEvent("azs-relay", "azs-node0", "Security", 1000, 0, t0)
		r.Syslog.Message = strings.Repeat("x", 300)
		return r
	}},
	{"azurestack", func(tb testing.TB) *cefsyslog.Record {
		line, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", "cef-b_maswin.txt"))
		if err != nil {
			tb.Fatal(err)
		}
		r, err := cefsyslog.Parse(append([]byte("<86>Nov 24 10:00:00 azs-relay "), line...))
		if err != nil || r.CEF == nil || r.Syslog == nil {
			tb.Fatalf("the benchmark's Azure Stack Hub event: %v", err)
		}
		return r
	}},
}

func newBenchStream(tb testing.TB, shape benchShape, sources, events int) *benchStream {
	bs := &benchStream{}
	bs.nums = windows(events/sources+2, func(b []byte, i int) []byte { return strconv.AppendInt(b, int64(1000+i), 10) })
	bs.names = windows(sources, func(b []byte, i int) []byte { return strconv.AppendInt(append(b, "azs-node"...), int64(i), 10) })
	bs.next = make([]int, sources)
	for range 4 {
		bs.recs = append(bs.recs, shape.make(tb))
	}
	bs.msgLen = len(bs.recs[0].Syslog.Message)
	var sb strings.Builder
	x := uint64(88172645463325252)
	for sb.Len() < events+bs.msgLen {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		sb.WriteByte(byte('a' + x%26))
	}
	bs.text = sb.String()
	bs.num, bs.cmp = -1, -1
	for i, e := range bs.recs[0].CEF.Extensions {
		switch e.Key {
		case "MasEventRecordID":
			bs.num = i
		case "MasComputer":
			bs.cmp = i
		}
	}
	if bs.num < 0 || bs.cmp < 0 {
		tb.Fatalf("%s: no MasEventRecordID or MasComputer", shape.name)
	}
	return bs
}

// windows returns n strings that share one backing string, the i-th
// appended by add.
func windows(n int, add func([]byte, int) []byte) []string {
	var b []byte
	offs := []int{0}
	for i := range n {
		b = add(b, i)
		offs = append(offs, len(b))
	}
	all := string(b)
	out := make([]string, n)
	for i := range out {
		out[i] = all[offs[i]:offs[i+1]]
	}
	return out
}

// reset starts every source's numbers again.
func (bs *benchStream) reset() {
	clear(bs.next)
	bs.src, bs.rec, bs.off = 0, 0, 0
}

// set makes the next event, of the next source, at the given time.
func (bs *benchStream) set(at time.Time) *cefsyslog.Record {
	r := bs.recs[bs.rec]
	n := bs.next[bs.src]
	r.CEF.Extensions[bs.cmp].Value = bs.names[bs.src]
	r.CEF.Extensions[bs.num].Value = bs.nums[n]
	r.Syslog.Message = bs.text[bs.off : bs.off+bs.msgLen]
	r.Syslog.Timestamp = at
	if n++; n == len(bs.nums) {
		n = 0 // only BenchmarkFloor goes this far
	}
	bs.next[bs.src] = n
	if bs.src++; bs.src == len(bs.names) {
		bs.src = 0
	}
	if bs.rec++; bs.rec == len(bs.recs) {
		bs.rec = 0
	}
	if bs.off++; bs.off+bs.msgLen > len(bs.text) {
		bs.off = 0
	}
	return r
}

// BenchmarkObserve is the per-event cost in steady state: 1,000 sources
// (Azure Stack Hub computers' Windows channels, through one relay), each
// event new and in order, for each of benchShapes. "default" is the zero
// Config; "sequences" turns replay detection off, leaving sequences and
// sources.
func BenchmarkObserve(b *testing.B) {
	for _, shape := range benchShapes {
		for _, bc := range []struct {
			name string
			cfg  Config
		}{{"default", Config{}}, {"sequences", Config{ReplayWindow: -1}}} {
			b.Run(shape.name+"/"+bc.name, func(b *testing.B) {
				const sources, events = 1000, 1 << 20
				var bs *benchStream
				var tr *Tracker
				k := 0
				start := func() {
					bs, tr = newBenchStream(b, shape, sources, events), New(bc.cfg)
					for k = 0; k < 2*sources; k++ {
						tr.Observe(bs.set(t0))
					}
				}
				start()
				b.ReportAllocs()
				for b.Loop() {
					tr.Observe(bs.set(t0))
					if k++; k == events {
						b.StopTimer()
						start()
						b.StartTimer()
					}
				}
			})
		}
	}
}

// BenchmarkFloor is what the benchmark's own record rewriting costs, for
// comparison with BenchmarkObserve.
func BenchmarkFloor(b *testing.B) {
	for _, shape := range benchShapes {
		b.Run(shape.name, func(b *testing.B) {
			bs := newBenchStream(b, shape, 1000, 1<<20)
			for b.Loop() {
				bs.set(t0)
			}
		})
	}
}

// BenchmarkMillionEvents tracks one million events from 1,000 sources
// with the default configuration and reports the memory the tracker counts
// against its budget (budget-MB), the heap it grew by (heap-MB), the cost
// per event, and whether anything had to be forgotten (it must not).
func BenchmarkMillionEvents(b *testing.B) {
	const sources, events = 1000, 1_000_000
	bs := newBenchStream(b, benchShapes[0], sources, events)
	for b.Loop() {
		b.StopTimer()
		bs.reset()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		start := time.Now()
		tr := New(Config{})
		for k := range events {
			tr.Observe(bs.set(t0.Add(time.Duration(k) * time.Millisecond)))
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
