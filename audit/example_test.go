package audit_test

import (
	"fmt"
	"os"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/audit"
)

func must(r *cefsyslog.Record, err error) *cefsyslog.Record {
	if err != nil {
		panic(err)
	}
	return r
}

// Windows events forwarded by Azure Stack Hub carry MasEventRecordID,
// counted per computer and channel: a skipped block is a gap.
func Example_gap() {
	t := audit.New(audit.Config{})
	for _, id := range []int{10450, 10451, 10468} {
		line := fmt.Sprintf("<86>Nov 24 10:15:02 azs-relay CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|"+
			"Microsoft-Windows-Security-Auditing:4624|Logon|2|MasChannel=Security MasComputer=host A MasEventRecordID=%d", id)
		t.Observe(must(cefsyslog.Parse([]byte(line))))
	}
	for _, s := range t.Report().Sources {
		for _, q := range s.Sequences {
			for _, g := range q.Gaps {
				fmt.Printf("%s / %s: missing %s\n", s.Source, q.Stream, g)
			}
		}
	}
	// Output:
	// host A / Security: missing 10452–10467 (16)
}

// An agent's recovery sends a block again; the relay's timestamps differ,
// the events do not.
func Example_replay() {
	t := audit.New(audit.Config{})
	lines := []string{
		"<134>1 2026-11-24T10:00:00Z fw1 CEF - - - CEF:0|Acme|FW|1|100|allow|3|rt=1795000000000 src=10.0.0.1",
		"<134>1 2026-11-24T10:00:01Z fw1 CEF - - - CEF:0|Acme|FW|1|100|allow|3|rt=1795000001000 src=10.0.0.2",
		"<134>1 2026-11-24T10:07:00Z fw1 CEF - - - CEF:0|Acme|FW|1|100|allow|3|rt=1795000000000 src=10.0.0.1",
	}
	for _, l := range lines {
		v := t.Observe(must(cefsyslog.Parse([]byte(l))))
		fmt.Println(v)
	}
	// Output:
	// ok
	// ok
	// replay
}

// RFC 5424 senders number messages with [meta sequenceId]; a number seen
// again is a duplicate, one that arrives after a higher one is late.
func Example_meta() {
	t := audit.New(audit.Config{})
	for _, n := range []int{1, 2, 4, 3, 4} {
		line := fmt.Sprintf(`<165>1 2026-11-24T10:00:0%dZ web1 nginx - - [meta sequenceId="%d"] request %d`, n, n, n)
		fmt.Println(n, t.Observe(must(cefsyslog.Parse([]byte(line)))))
	}
	// Output:
	// 1 ok
	// 2 ok
	// 4 gap
	// 3 late
	// 4 duplicate_number|replay
}

// A source that usually talks every minute and then goes quiet for hours
// is a signal too.
func Example_silence() {
	t := audit.New(audit.Config{SilenceFactor: 10})
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	for _, m := range []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 190, 191} {
		at := start.Add(time.Duration(m) * time.Minute)
		line := fmt.Sprintf("<134>1 %s dc1 agent - - - heartbeat %d", at.Format(time.RFC3339), m)
		t.Observe(must(cefsyslog.Parse([]byte(line))))
	}
	for _, s := range t.Report().Sources[0].Silences {
		fmt.Printf("silent from %s to %s (%s)\n", s.From.Format("15:04"), s.To.Format("15:04"), s.For)
	}
	// Output:
	// silent from 10:09 to 13:10 (3h1m0s)
}

// WriteText prints the report for a person; the JSON of a Report is the
// same findings for a program.
func ExampleReport_WriteText() {
	t := audit.New(audit.Config{})
	for _, n := range []int{7, 8, 12} {
		line := fmt.Sprintf(`<165>1 2026-11-24T10:00:%02dZ web1 nginx - - [meta sequenceId="%d"] request %d`, n, n, n)
		t.Observe(must(cefsyslog.Parse([]byte(line))))
	}
	t.Report().WriteText(os.Stdout)
	// Output:
	// 3 events from 1 source, 2026-11-24T10:00:07Z to 2026-11-24T10:00:12Z
	//
	// SOURCE  STREAM                   EVENTS  NUMBERS  MISSING  DUPLICATES  LATE  RESTARTS  REPLAYS  SILENCES
	// web1                             3                                                     0        0
	//         nginx (meta.sequenceId)  3       7–12     3        0           0     0
	//
	// web1 / nginx: missing 9–11 (3)
}
