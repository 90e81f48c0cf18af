package rfc5424

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// maxFuzzLen caps fuzz inputs: the properties do not depend on size, and
// small inputs keep the fuzzer fast.
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

// FuzzScanner checks the Scanner's promises on any input: no panic, the
// input untouched, every view where its offset says, errors inside the
// input with a copy of it, and the same result as a second Scanner that
// skips the walk and asks for the message at once.
func FuzzScanner(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		orig := bytes.Clone(rec)
		for _, lenient := range []bool{false, true} {
			var s Scanner
			s.Lenient = lenient
			s.Reset(rec)
			for s.NextElement() {
				id := s.ElementID()
				if !bytes.Equal(rec[s.ElementOffset():s.ElementOffset()+len(id)], id) {
					t.Fatalf("SD-ID %q is not at offset %d", id, s.ElementOffset())
				}
				for s.NextParam() {
					name, raw := s.ParamName(), s.RawParamValue()
					if !bytes.Equal(rec[s.ParamOffset():s.ParamOffset()+len(name)], name) {
						t.Fatalf("PARAM-NAME %q is not at offset %d", name, s.ParamOffset())
					}
					if v := s.AppendParamValue(nil); len(v) > len(raw) {
						t.Fatalf("unescaped value %q longer than raw %q", v, raw)
					}
				}
			}
			msg := s.Message()
			if msg != nil && !bytes.Equal(rec[s.MessageOffset():], msg) {
				t.Fatalf("MSG %q is not at offset %d", msg, s.MessageOffset())
			}
			err := s.Err()
			if pe, ok := errors.AsType[*ParseError](err); err != nil && (!ok || pe.Offset < 0 || pe.Offset > len(rec) || !bytes.Equal(pe.Input, rec) || pe.Err == nil) {
				t.Fatalf("bad error %v for %q", err, rec)
			}

			var quick Scanner
			quick.Lenient = lenient
			quick.Reset(rec)
			if !bytes.Equal(quick.Message(), msg) || (quick.Err() == nil) != (err == nil) {
				t.Fatalf("walking and skipping disagree: %q %v / %q %v", msg, err, quick.Message(), quick.Err())
			}
		}
		if !bytes.Equal(rec, orig) {
			t.Fatal("scanner modified its input")
		}
	})
}

// FuzzParse checks that Parse never panics, never returns a nil message,
// owns its data, and agrees with a walk of the Scanner.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		for _, lenient := range []bool{false, true} {
			m, err := Options{Lenient: lenient}.Parse(rec)
			if m == nil {
				t.Fatal("nil message")
			}
			var s Scanner
			s.Lenient = lenient
			want, wantErr := scanAll(&s, rec)
			if diff := cmp.Diff(want, m); diff != "" {
				t.Fatalf("Parse and Scanner differ on %q:\n%s", rec, diff)
			}
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Fatalf("errors differ: %v / %v", err, wantErr)
			}
		}
	})
}

// FuzzRoundTrip checks the encoder: whatever parses without error encodes,
// and the encoding parses back to the same message.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		m, err := Parse(rec)
		if err != nil {
			return
		}
		enc, err := m.AppendText(nil)
		if err != nil {
			t.Fatalf("cannot encode what parsed from %q: %v", rec, err)
		}
		back, err := Parse(enc)
		if err != nil {
			t.Fatalf("encoding %q of %q does not parse: %v", enc, rec, err)
		}
		// The encoding writes the time as it normalises it; compare the
		// instants and the rest.
		if !back.Timestamp.Equal(m.Timestamp) {
			t.Fatalf("timestamp %v became %v", m.Timestamp, back.Timestamp)
		}
		back.Timestamp, back.RawTimestamp = m.Timestamp, m.RawTimestamp
		if diff := cmp.Diff(m, back); diff != "" {
			t.Fatalf("round trip of %q through %q:\n%s", rec, enc, diff)
		}
	})
}
