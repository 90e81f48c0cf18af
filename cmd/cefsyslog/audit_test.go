package main

import (
	"encoding/json"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const auditSample = "../../testdata/samples/audit.log"

// TestAuditSample: the README's run finds the gap in the Windows events
// and the replayed firewall block, and exits 1.
func TestAuditSample(t *testing.T) {
	out, stderr, status := runCmd(t, "", "audit", auditSample)
	if status != 1 || stderr != "" {
		t.Errorf("status %d, stderr %q; want 1 and nothing", status, stderr)
	}
	for _, want := range []string{
		"23 events from 3 sources",
		"azs-host01.contoso.local / Security: missing 10452–10467 (16)",
		"fw01 / CEF: 3 numbers received again",
		"fw01: 3 events seen again (replayed)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestAuditJSON(t *testing.T) {
	out, _, status := runCmd(t, "", "audit", "--json", auditSample)
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	var rep struct {
		Events  int
		Sources []struct {
			Source    string
			Replays   int
			Sequences []struct {
				Sequence, Stream string
				Missing          int
				Gaps             []struct{ From, To int }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Events != 23 || len(rep.Sources) != 3 {
		t.Fatalf("%d events, %d sources", rep.Events, len(rep.Sources))
	}
	host := rep.Sources[0]
	if host.Source != "azs-host01.contoso.local" || len(host.Sequences) != 1 || host.Sequences[0].Missing != 16 ||
		len(host.Sequences[0].Gaps) != 1 || host.Sequences[0].Gaps[0].From != 10452 || host.Sequences[0].Gaps[0].To != 10467 {
		t.Errorf("first source: %+v", host)
	}
	if fw := rep.Sources[2]; fw.Source != "fw01" || fw.Replays != 3 {
		t.Errorf("fw01: %+v", fw)
	}
}

// TestAuditClean: a stream with nothing missing exits 0, from stdin.
func TestAuditClean(t *testing.T) {
	var in strings.Builder
	for n := 1; n <= 5; n++ {
		fmt.Fprintf(&in, "<165>1 2026-11-24T10:00:0%dZ web1 nginx - - [meta sequenceId=\"%d\"] request %d\n", n, n, n)
	}
	out, _, status := runCmd(t, in.String(), "audit")
	if status != 0 || !strings.Contains(out, "No loss, duplicates or silences found.") {
		t.Errorf("status %d:\n%s", status, out)
	}
}

// TestAuditFlags: --seq names another sequence, --silence finds a quiet
// source, --memory bounds the audit, bad flags exit 2.
func TestAuditFlags(t *testing.T) {
	var in strings.Builder
	for i, id := range []int{100, 101, 105} {
		hour := []int{10, 11, 13}[i]
		fmt.Fprintf(&in, "<134>1 2026-11-24T%d:00:00Z fw1 CEF - - - CEF:0|Acme|FW|1|100|allow|3|cn1=%d src=10.0.0.%d\n", hour, id, i)
	}
	out, _, status := runCmd(t, in.String(), "audit", "--seq", "cef:cn1", "--silence", "90m", "--memory", "1M")
	if status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	for _, want := range []string{"fw1 / CEF: missing 102–104 (3)", "fw1: silent from 2026-11-24T11:00:00Z to 2026-11-24T13:00:00Z (2h0m0s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range [][]string{
		{"--seq", "nope"}, {"--seq", "sd:meta"}, {"--memory", "lots"}, {"--replay-window", "-1"}, {"--silence", "-1s"},
	} {
		if _, stderr, status := runCmd(t, "", append([]string{"audit"}, bad...)...); status != exitUsage || stderr == "" {
			t.Errorf("%v: status %d, stderr %q", bad, status, stderr)
		}
	}
	if _, stderr, status := runCmd(t, "", "audit", "no-such-file.log"); status != exitUsage || !strings.Contains(stderr, "no-such-file.log") {
		t.Errorf("missing file: status %d, stderr %q", status, stderr)
	}
}

// TestParseDedupe: --dedupe drops the replayed block and says how many.
func TestParseDedupe(t *testing.T) {
	out, stderr, status := runCmd(t, "", "parse", "--dedupe", auditSample)
	if status != 0 {
		t.Errorf("status %d", status)
	}
	if got := strings.Count(out, "\n"); got != 20 {
		t.Errorf("%d records, want 20 (23 less 3 replays)", got)
	}
	if want := "cefsyslog parse: --dedupe: 3 of 23 records dropped as replays\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	// Without --dedupe, everything is written.
	out, _, _ = runCmd(t, "", "parse", auditSample)
	if got := strings.Count(out, "\n"); got != 23 {
		t.Errorf("%d records without --dedupe, want 23", got)
	}
}

// TestListenDedupe: a message sent twice is written once and counted.
func TestListenDedupe(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.jsonl")
	p := startListen(t, nil, "--tcp", "127.0.0.1:0", "--out", out, "--dedupe")
	c, err := net.Dial("tcp", p.addr("tcp"))
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte(msg5424("first") + "\n" + msg5424("again") + "\n" + msg5424("first") + "\n"))
	c.Close()
	waitFor(t, "2 records", 30*time.Second, func() bool { return countLines(out) == 2 })
	_, cnt := p.stop()
	if cnt.Received != 3 || cnt.Written != 2 || cnt.Deduplicated != 1 {
		t.Errorf("counters %+v", cnt)
	}
}
