package audit

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/google/go-cmp/cmp"
)

// item is one delivery of a generated stream: a number and which content
// it carries (a restart sends new content under old numbers).
type item struct {
	num     uint64
	variant int
}

// genTruth is what a generated stream's deliveries hold, by construction.
type genTruth struct {
	gaps       []Range // as the sender numbers them, oldest first
	duplicates int64
	late       int64
	restarts   int64
}

type genStream struct {
	kind            string // "win" or "meta"
	long            bool   // win: Azure Stack Hub's 22 extensions, not 6
	source, label   string
	max             uint64
	items           []item
	truth           genTruth
	replaysExpected int64
}

// generate builds one stream of n numbers from start: blocks dropped
// (right after the first number, in the middle and just before the last),
// adjacent pairs swapped, blocks replayed as an agent's recovery would,
// and, when restart is set, one restart at 1 in the middle.
func generate(rng *rand.Rand, g *genStream, start uint64, n int, restart bool, window uint64) {
	wrap := func(u uint64) uint64 {
		if g.max == 0 {
			return u
		}
		return (u-1)%g.max + 1
	}
	type epoch struct {
		nums    []uint64 // unwrapped numbers delivered, in number order
		dropped []uint64
		variant int
	}
	var epochs []epoch
	restartAt := -1
	if restart {
		restartAt = n/2 + rng.IntN(n/4)
	}
	cur := epoch{}
	u := start
	for i := range n {
		if i == restartAt {
			epochs = append(epochs, cur)
			cur = epoch{variant: len(epochs)}
			u = 1
		}
		first, last := len(cur.nums) == 0, i == n-1
		// Drop a block: never the first or last number of an epoch,
		// which the tracker cannot see.
		if !first && !last && i+1 != restartAt && rng.IntN(60) == 0 {
			for k := rng.IntN(20) + 1; k > 0 && i < n-1 && i+1 != restartAt; k-- {
				cur.dropped = append(cur.dropped, u)
				u++
				i++
			}
		}
		if i >= n {
			break
		}
		cur.nums = append(cur.nums, u)
		u++
	}
	epochs = append(epochs, cur)

	for ei, e := range epochs {
		g.truth.gaps = append(g.truth.gaps, runs(e.dropped, wrap, g.max)...)
		if ei > 0 {
			g.truth.restarts++
		}
		// Deliver in number order, then swap some adjacent pairs and
		// replay some blocks.
		var out []item
		for _, num := range e.nums {
			out = append(out, item{wrap(num), e.variant})
		}
		for i := 1; i+2 < len(out); i++ {
			if rng.IntN(40) == 0 {
				out[i], out[i+1] = out[i+1], out[i]
				g.truth.late++
				i += 2 // pairs never overlap
			}
		}
		var withReplays []item
		for i, it := range out {
			withReplays = append(withReplays, it)
			if i > 10 && rng.IntN(200) == 0 {
				l := rng.IntN(10) + 1
				withReplays = append(withReplays, out[i-l:i+1]...)
				g.truth.duplicates += int64(l + 1)
				g.replaysExpected += int64(l + 1)
			}
		}
		g.items = append(g.items, withReplays...)
	}
}

// runs turns dropped unwrapped numbers (ascending) into ranges as the
// sender numbers them, split where the sequence wraps.
func runs(nums []uint64, wrap func(uint64) uint64, max uint64) []Range {
	var out []Range
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		from, to := wrap(nums[i]), wrap(nums[j])
		if max > 0 && to < from {
			out = append(out, Range{from, max}, Range{1, to})
		} else {
			out = append(out, Range{from, to})
		}
		i = j + 1
	}
	return out
}

func (g *genStream) record(it item, relay string, at time.Time) *cefsyslog.Record {
	if g.kind == "win" {
		if g.long {
			return longWinEvent(relay, g.source, g.label, it.num, it.variant, at)
		}
		return winEvent(relay, g.source, g.label, it.num, it.variant, at)
	}
	return metaEvent(g.source, g.label, it.num, it.variant, at)
}

// TestGeneratedStreams compares the report with the generator's truth on
// interleaved streams of both sequences: gaps at the start, middle and
// end, swaps, replayed blocks, restarts and wrap-around.
func TestGeneratedStreams(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			const window = 64
			seqs := []Sequence{MasEventRecordID, MetaSequenceID, {Name: "small", SDID: "small", Param: "n", Max: 3000}}
			var streams []*genStream
			for i := range 12 {
				g := &genStream{}
				switch i % 3 {
				case 0:
					g.kind, g.source, g.label = "win", fmt.Sprintf("azs-node%02d", i), []string{"Security", "System", "Application"}[rng.IntN(3)]
					g.long = i%2 == 0
					generate(rng, g, uint64(rng.IntN(100000)+1), 300+rng.IntN(500), rng.IntN(2) == 0, window)
				case 1:
					g.kind, g.source, g.label, g.max = "meta", fmt.Sprintf("host%02d", i), "sshd", 2147483647
					// Near the top, so that some wrap.
					generate(rng, g, 2147483647-uint64(rng.IntN(400)), 300+rng.IntN(500), false, window)
				case 2:
					g.kind, g.source, g.label, g.max = "meta", fmt.Sprintf("host%02d", i), "app", 2147483647
					generate(rng, g, 1, 300+rng.IntN(500), rng.IntN(2) == 0, window)
				}
				streams = append(streams, g)
			}
			tr := New(Config{Sequences: seqs, ReorderWindow: window, Memory: 8 << 20})
			// Interleave, each stream in its own order.
			pos := make([]int, len(streams))
			at := t0
			for left := true; left; {
				left = false
				for _, i := range rng.Perm(len(streams)) {
					g := streams[i]
					if pos[i] == len(g.items) {
						continue
					}
					left = true
					it := g.items[pos[i]]
					pos[i]++
					at = at.Add(time.Second)
					tr.Observe(g.record(it, "azs-relay", at))
				}
			}
			rep := tr.Report()
			if rep.Forgotten.Any() {
				t.Fatalf("forgot within the budget: %+v", rep.Forgotten)
			}
			var replays int64
			for _, g := range streams {
				if g.kind == "win" {
					replays += g.replaysExpected
				}
				got := findSeq(t, rep, g.source, g.label)
				want := g.truth
				if !slices.Equal(got.Gaps, want.gaps) {
					t.Errorf("%s/%s gaps:\n got %v\nwant %v", g.source, g.label, got.Gaps, want.gaps)
				}
				var missing int64
				for _, r := range want.gaps {
					missing += int64(r.Len())
				}
				if got.Missing != missing || got.Duplicates != want.duplicates || got.Late != want.late || got.RestartCount != want.restarts {
					t.Errorf("%s/%s: missing %d, duplicates %d, late %d, restarts %d; want %d, %d, %d, %d",
						g.source, g.label, got.Missing, got.Duplicates, got.Late, got.RestartCount,
						missing, want.duplicates, want.late, want.restarts)
				}
				if g.kind == "meta" {
					if r := findSource(t, rep, g.source); r.Replays != g.replaysExpected {
						t.Errorf("%s: %d replays, want %d", g.source, r.Replays, g.replaysExpected)
					}
				}
			}
			// Windows events all came through one relay.
			if r := findSource(t, rep, "azs-relay"); r.Replays != replays {
				t.Errorf("azs-relay: %d replays, want %d", r.Replays, replays)
			}
		})
	}
}

func findSource(t *testing.T, rep *Report, name string) SourceReport {
	t.Helper()
	for _, s := range rep.Sources {
		if s.Source == name {
			return s
		}
	}
	t.Fatalf("no source %q in the report", name)
	return SourceReport{}
}

func findSeq(t *testing.T, rep *Report, source, stream string) SequenceReport {
	t.Helper()
	for _, q := range findSource(t, rep, source).Sequences {
		if q.Stream == stream {
			return q
		}
	}
	t.Fatalf("no stream %s/%s in the report", source, stream)
	return SequenceReport{}
}

// TestGapRangesExact pins the reading of small cases.
func TestGapRangesExact(t *testing.T) {
	for _, tc := range []struct {
		name string
		nums []uint64
		want SequenceReport
	}{
		{"in order", []uint64{5, 6, 7}, SequenceReport{First: 5, Last: 7, Received: 3}},
		{"gap in the middle", []uint64{10450, 10451, 10468, 10469}, SequenceReport{First: 10450, Last: 10469, Received: 4, Missing: 16, Gaps: []Range{{10452, 10467}}}},
		{"gap at the start", []uint64{1, 5, 6}, SequenceReport{First: 1, Last: 6, Received: 3, Missing: 3, Gaps: []Range{{2, 4}}}},
		{"late fills the gap", []uint64{1, 3, 2, 4}, SequenceReport{First: 1, Last: 4, Received: 4, Late: 1}},
		{"late splits the gap", []uint64{1, 6, 3}, SequenceReport{First: 1, Last: 3, Received: 3, Missing: 3, Late: 1, Gaps: []Range{{2, 2}, {4, 5}}}},
		{"late before the first", []uint64{10, 11, 7}, SequenceReport{First: 10, Last: 7, Received: 3, Missing: 2, Late: 1, Gaps: []Range{{8, 9}}}},
		{"duplicate", []uint64{1, 2, 2, 3}, SequenceReport{First: 1, Last: 3, Received: 4, Duplicates: 1}},
		{"restart", append(seq(1, 2000), 1, 2, 3), SequenceReport{First: 1, Last: 3, Received: 2003, RestartCount: 1, Restarts: []Restart{{2000, 1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr := New(Config{})
			for i, n := range tc.nums {
				// Each content differs, so a repeated number is not a replay.
				tr.Observe(winEvent("relay", "node1", "Security", n, i, t0))
			}
			got := findSeq(t, tr.Report(), "node1", "Security")
			tc.want.Sequence, tc.want.Stream = "MasEventRecordID", "Security"
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("report (-want +got):\n%s", diff)
			}
		})
	}
}

func seq(from, to uint64) []uint64 {
	var s []uint64
	for n := from; n <= to; n++ {
		s = append(s, n)
	}
	return s
}

// TestWrap: meta sequenceId wraps after 2147483647 to 1 (RFC 5424 §7.3.1);
// a gap across the wrap is reported as two ranges.
func TestWrap(t *testing.T) {
	tr := New(Config{})
	for i, n := range []uint64{2147483645, 2147483646, 2, 3} {
		tr.Observe(metaEvent("host", "app", n, i, t0))
	}
	got := findSeq(t, tr.Report(), "host", "app")
	want := []Range{{2147483647, 2147483647}, {1, 1}}
	if !slices.Equal(got.Gaps, want) || got.Missing != 2 || got.RestartCount != 0 {
		t.Errorf("gaps %v missing %d restarts %d; want %v, 2, 0", got.Gaps, got.Missing, got.RestartCount, want)
	}
}

// TestReplayThroughRelay: a block sent again by a relay that rewrote the
// header's time is recognised by content, and a Verdict says so.
func TestReplayThroughRelay(t *testing.T) {
	lines := []string{
		"<38>Nov 24 10:00:01 fw1 sshd[42]: Accepted publickey for alice from 10.0.0.1 port 51234",
		"<38>Nov 24 10:00:02 fw1 sshd[42]: Accepted publickey for bob from 10.0.0.2 port 51240",
		"<38>Nov 24 10:00:03 fw1 sshd[42]: Disconnected from 10.0.0.1 port 51234",
	}
	tr := New(Config{})
	for _, l := range lines {
		if v := tr.Observe(parse(t, l)); v != 0 {
			t.Fatalf("%q: %v on first sight", l, v)
		}
	}
	for _, l := range lines[:2] {
		l = strings.Replace(l, "10:00:0", "11:30:0", 1) // the relay's own clock
		if v := tr.Observe(parse(t, l)); !v.Has(Replay) {
			t.Errorf("%q: %v, want replay", l, v)
		}
	}
	rep := tr.Report()
	if r := findSource(t, rep, "fw1"); r.Events != 5 || r.Replays != 2 {
		t.Errorf("fw1: %d events, %d replays; want 5, 2", r.Events, r.Replays)
	}
	if rep.Duplicates() != 2 || rep.Clean() {
		t.Errorf("Duplicates() = %d, Clean() = %v", rep.Duplicates(), rep.Clean())
	}
}

// TestReplayFieldBoundaries: the same text in different fields, or the
// same SD params split differently between elements, is a different event.
func TestReplayFieldBoundaries(t *testing.T) {
	lines := []string{
		"<165>1 2026-11-24T10:00:00Z h ab - - - text",
		"<165>1 2026-11-24T10:00:00Z h - ab - - text",
		"<165>1 2026-11-24T10:00:00Z h - - ab - text",
		"<165>1 2026-11-24T10:00:00Z h a b - - text",
		`<165>1 2026-11-24T10:00:00Z h - - - [x p="1" q="2"] text`,
		`<165>1 2026-11-24T10:00:00Z h - - - [x p="1"][q] text`,
		`<165>1 2026-11-24T10:00:00Z h - - - [x p="1"] text`,
		`<165>1 2026-11-24T10:00:00Z h - - - [x p="1"][y q="2"] text`,
		`<165>1 2026-11-24T10:00:00Z h - - - [x p="1" y="q"] text`,
	}
	tr := New(Config{Sequences: []Sequence{}})
	for _, l := range lines {
		if v := tr.Observe(parse(t, l)); v.Has(Replay) {
			t.Errorf("%q: %v, want a new event", l, v)
		}
	}
	if v := tr.Observe(parse(t, strings.Replace(lines[5], "10:00:00", "10:05:00", 1))); !v.Has(Replay) {
		t.Errorf("%q again: %v, want replay", lines[5], v)
	}
}

// TestReplayAge: an event seen again after ReplayAge is new again.
func TestReplayAge(t *testing.T) {
	tr := New(Config{ReplayAge: time.Hour})
	at := t0
	for _, step := range []time.Duration{0, 30 * time.Minute, 2 * time.Hour, 10 * time.Minute} {
		at = at.Add(step)
		tr.Observe(metaEvent("h", "cron", 1, 0, at))
	}
	if r := findSource(t, tr.Report(), "h"); r.Replays != 2 {
		t.Errorf("%d replays, want 2 (30 min after the first, and 10 min after the one 2 h later)", r.Replays)
	}
}

// TestReplayAgeOutlivesWindow: when the count window forgets events that
// the age would still cover, the report counts them, and a replay of one
// goes unseen as the count says; when the age runs out first, nothing is
// counted.
func TestReplayAgeOutlivesWindow(t *testing.T) {
	for _, tc := range []struct {
		age        time.Duration
		wantForgot int64
	}{{time.Hour, 15}, {5 * time.Second, 0}} {
		tr := New(Config{ReplayWindow: 10, ReplayAge: tc.age, Sequences: []Sequence{}})
		for i := range 25 {
			tr.Observe(metaEvent("h", "a", uint64(i), 0, t0.Add(time.Duration(i)*time.Second)))
		}
		if got := tr.Report().Forgotten.Fingerprints; got != tc.wantForgot {
			t.Errorf("age %v: %d fingerprints forgotten early, want %d", tc.age, got, tc.wantForgot)
		}
		if v := tr.Observe(metaEvent("h", "a", 3, 0, t0.Add(30*time.Second))); v.Has(Replay) {
			t.Errorf("age %v: event 3 again, 22 events back with a window of 10: %v", tc.age, v)
		}
		if v := tr.Observe(metaEvent("h", "a", 20, 0, t0.Add(31*time.Second))); v.Has(Replay) == (tc.age < 11*time.Second) {
			t.Errorf("age %v: event 20 again, within the window and 11 s later: %v", tc.age, v)
		}
	}
}

// TestReplayWindowCount: the window forgets the oldest events first.
func TestReplayWindowCount(t *testing.T) {
	tr := New(Config{ReplayWindow: 100, Sequences: []Sequence{}})
	for i := range 150 {
		tr.Observe(metaEvent("h", "a", uint64(i), 0, t0))
	}
	if v := tr.Observe(metaEvent("h", "a", 149, 0, t0)); !v.Has(Replay) {
		t.Errorf("recent event: %v, want replay", v)
	}
	if v := tr.Observe(metaEvent("h", "a", 10, 0, t0)); v.Has(Replay) {
		t.Errorf("event 140 events back, window 100: %v, want no replay", v)
	}
}

// TestSilences: a source quiet for far longer than its usual interval,
// a source quiet over the absolute threshold, and one that stopped.
func TestSilences(t *testing.T) {
	tr := New(Config{Silence: 2 * time.Hour, SilenceFactor: 10})
	for m := range 600 {
		at := t0.Add(time.Duration(m) * time.Minute)
		tr.Observe(metaEvent("steady", "a", uint64(m+1), 0, at))
		if m < 100 || m >= 130 { // quiet for 31 minutes: 31× its interval
			tr.Observe(metaEvent("paused", "a", uint64(m+1), 0, at))
		}
		if m < 300 {
			tr.Observe(metaEvent("stopped", "a", uint64(m+1), 0, at))
		}
		if m%300 == 0 { // every 5 hours: over the absolute threshold
			tr.Observe(metaEvent("rare", "a", uint64(m+1), 0, at))
		}
	}
	rep := tr.Report()
	check := func(name string, want []Silence) {
		t.Helper()
		got := findSource(t, rep, name).Silences
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s silences (-want +got):\n%s", name, diff)
		}
	}
	at := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	check("steady", nil)
	check("paused", []Silence{{From: at(99), To: at(130), For: 31 * time.Minute}})
	check("rare", []Silence{{From: at(0), To: at(300), For: 5 * time.Hour}, {From: at(300), To: at(599), For: 299 * time.Minute, Ongoing: true}})
	check("stopped", []Silence{{From: at(299), To: at(599), For: 5 * time.Hour, Ongoing: true}})
	if rep.Silences() != 4 {
		t.Errorf("Silences() = %d, want 4", rep.Silences())
	}
}

// TestMemoryBudget: a stream larger than the budget makes the tracker
// forget the sources it has not heard from longest; it stays within the
// budget, says what it forgot, and its totals still count what the
// forgotten streams had found.
func TestMemoryBudget(t *testing.T) {
	const budget = 256 << 10
	tr := New(Config{Memory: budget, ReplayWindow: 1000})
	var wantMissing int64
	for s := range 2000 {
		host := fmt.Sprintf("host%04d", s)
		for _, n := range []uint64{1, 2, 3, 7, 8} { // 4–6 missing
			tr.Observe(metaEvent(host, "a", n, 0, t0))
		}
		wantMissing += 3
		if used := tr.MemoryUsed(); used > budget {
			t.Fatalf("after %d sources: %d bytes used, budget %d", s+1, used, budget)
		}
	}
	rep := tr.Report()
	if rep.Forgotten.Sources == 0 || rep.Forgotten.Streams == 0 {
		t.Errorf("forgot nothing: %+v", rep.Forgotten)
	}
	if got := rep.Missing(); got != wantMissing {
		t.Errorf("Missing() = %d, want %d", got, wantMissing)
	}
	var text strings.Builder
	rep.WriteText(&text)
	if !strings.Contains(text.String(), "memory budget made the audit forget") {
		t.Errorf("the text report does not say it forgot:\n%s", text.String())
	}
}

// TestReplayWindowCutByBudget: the report says when the budget made the
// replay window smaller than asked.
func TestReplayWindowCutByBudget(t *testing.T) {
	rep := New(Config{Memory: 1 << 20, ReplayWindow: 1 << 20}).Report()
	if rep.Forgotten.ReplayWindow == 0 || rep.ReplayWindow != rep.Forgotten.ReplayWindow || rep.ReplayWindow >= 1<<20 {
		t.Errorf("window %d, forgotten.replay_window %d", rep.ReplayWindow, rep.Forgotten.ReplayWindow)
	}
}

// TestReportJSONAndText: the report marshals to JSON and prints the
// findings in the form the docs show.
func TestReportJSONAndText(t *testing.T) {
	tr := New(Config{})
	for i, n := range []uint64{10450, 10451, 10468} {
		tr.Observe(winEvent("relay", "host A", "Security", n, i, t0.Add(time.Duration(i)*time.Second)))
	}
	tr.Observe(winEvent("relay", "host A", "Security", 10468, 2, t0.Add(time.Hour)))
	rep := tr.Report()
	var text strings.Builder
	if err := rep.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"host A / Security: missing 10452–10467 (16)", "host A / Security: 1 number received again", "relay: 1 event seen again (replayed)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*rep, back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(data), `"gaps":[{"from":10452,"to":10467}]`) {
		t.Errorf("JSON: %s", data)
	}
}

func parse(t *testing.T, line string) *cefsyslog.Record {
	t.Helper()
	p := cefsyslog.Parser{Year: 2026}
	r, err := p.Parse([]byte(line))
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	return r
}
