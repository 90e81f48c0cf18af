package cefsyslog

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// sampleLines returns every line of testdata/samples and the benchmark
// inputs.
func sampleLines(tb testing.TB) [][]byte {
	tb.Helper()
	var lines [][]byte
	for _, pat := range []string{"testdata/samples/*.log", "testdata/benchdata/*.txt"} {
		names, _ := filepath.Glob(pat)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			for l := range bytes.Lines(data) {
				if l = bytes.TrimRight(l, "\r\n"); len(l) > 0 {
					lines = append(lines, l)
				}
			}
		}
	}
	return lines
}

var checkParsers = []Parser{
	{Now: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)},
	{Lenient: true},
	{MaxLen: 64},
	{Format: RFC3164},
	{Format: CEF},
}

func sameVerdict(t *testing.T, p *Parser, msg []byte) {
	t.Helper()
	_, perr := p.Parse(msg)
	cerr := p.Check(msg)
	if (perr == nil) != (cerr == nil) || perr != nil && perr.Error() != cerr.Error() {
		t.Fatalf("%+v %q:\nParse: %v\nCheck: %v", *p, msg, perr, cerr)
	}
}

// TestCheckAgrees: Check gives Parse's verdict on every sample line, for
// several Parsers.
func TestCheckAgrees(t *testing.T) {
	for _, line := range sampleLines(t) {
		for i := range checkParsers {
			sameVerdict(t, &checkParsers[i], line)
		}
	}
}

// TestCheckAllocs: Check allocates nothing for a message without error.
func TestCheckAllocs(t *testing.T) {
	p := Parser{Year: 2026}
	n := 0
	for _, line := range sampleLines(t) {
		if p.Check(line) != nil {
			continue
		}
		n++
		if a := testing.AllocsPerRun(20, func() { p.Check(line) }); a != 0 {
			t.Errorf("%q: %v allocations", line, a)
		}
	}
	if n < 50 {
		t.Fatalf("only %d lines without error: the test tests little", n)
	}
}

func FuzzCheck(f *testing.F) {
	for _, line := range sampleLines(f) {
		f.Add(line, uint8(0))
	}
	f.Fuzz(func(t *testing.T, msg []byte, which uint8) {
		if len(msg) > 64<<10 {
			return
		}
		sameVerdict(t, &checkParsers[int(which)%len(checkParsers)], msg)
	})
}
