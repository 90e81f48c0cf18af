package rfc3164

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const maxFuzzLen = 4096

func addSeeds(f *testing.F) {
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		f.Add([]byte(in))
	}
	for _, in := range loadBenchInputs(f) {
		f.Add(in.data)
	}
}

// FuzzParse checks the promises on any line: no panic, the input
// untouched, views where they belong, errors inside the line with a copy
// of it, and Parse agreeing with the Scanner.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		orig := bytes.Clone(rec)
		var s Scanner
		s.Options = testOptions
		err := s.Reset(rec)
		h := s.Header()
		for _, v := range [][]byte{h.Timestamp, h.Hostname, h.Tag, h.AppName, h.ProcID, h.Sequence, s.Message()} {
			if v != nil && !bytes.Contains(rec, v) {
				t.Fatalf("view %q is not in the line", v)
			}
		}
		if m := s.Message(); m != nil && !bytes.Equal(rec[s.MessageOffset():], m) {
			t.Fatalf("message %q is not at offset %d", m, s.MessageOffset())
		}
		if pe, ok := errors.AsType[*ParseError](err); err != nil && (!ok || pe.Offset < 0 || pe.Offset > len(rec) || !bytes.Equal(pe.Input, rec)) {
			t.Fatalf("bad error %v", err)
		}
		m, perr := testOptions.Parse(rec)
		if (perr == nil) != (err == nil) || m.Msg != string(s.Message()) || m.Hostname != string(h.Hostname) || m.AppName != string(h.AppName) ||
			m.ProcID != string(h.ProcID) || m.Priority != h.Priority || !m.Timestamp.Equal(s.Time()) {
			t.Fatalf("Parse and the Scanner differ on %q", rec)
		}
		if !bytes.Equal(rec, orig) {
			t.Fatal("input modified")
		}
	})
}

// FuzzRoundTrip checks the encoder: what it writes reads back to the same
// message, but for the year and zone, which BSD stamps cannot carry.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		m, err := testOptions.Parse(rec)
		if err != nil {
			return
		}
		enc, err := m.AppendText(nil)
		if err != nil {
			if !errors.Is(err, ErrCannotEncode) {
				t.Fatalf("encoding %+v: %v", m, err)
			}
			return
		}
		back, err := testOptions.Parse(enc)
		if err != nil {
			t.Fatalf("encoding %q of %q does not parse: %v", enc, rec, err)
		}
		wall := func(m *Message) [6]int {
			tm := m.Timestamp
			return [6]int{int(tm.Month()), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond()}
		}
		if wall(m) != wall(back) || m.Timestamp.IsZero() != back.Timestamp.IsZero() {
			t.Fatalf("time %v came back as %v through %q", m.Timestamp, back.Timestamp, enc)
		}
		back.Timestamp, back.RawTimestamp = m.Timestamp, m.RawTimestamp
		if diff := cmp.Diff(m, back); diff != "" {
			t.Fatalf("round trip of %q through %q:\n%s", rec, enc, diff)
		}
	})
}
