package cef

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

// FuzzScan checks the Scanner's promises on any input, strict and not: no
// panic, the input untouched, views where their offsets say, values no
// longer after unescaping, errors inside the input with a copy of it, and
// the same pairs as Parse.
func FuzzScan(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		orig := bytes.Clone(rec)
		for _, strict := range []bool{false, true} {
			s := Scanner{Options: Options{Strict: strict}}
			s.Reset(rec)
			n := 0
			for s.Next() {
				k, v := s.RawKey(), s.RawValue()
				if len(k) == 0 || !bytes.Equal(rec[s.Offset():s.Offset()+len(k)], k) {
					t.Fatalf("key %q is not at offset %d", k, s.Offset())
				}
				if !bytes.Equal(rec[s.ValueOffset():s.ValueOffset()+len(v)], v) {
					t.Fatalf("value %q is not at offset %d", v, s.ValueOffset())
				}
				if u := s.AppendValue(nil); len(u) > len(v) {
					t.Fatalf("unescaped %q longer than %q", u, v)
				}
				n++
			}
			for _, pe := range s.Errors() {
				if pe.Offset < 0 || pe.Offset > len(rec) || !bytes.Equal(pe.Input, rec) || pe.Err == nil {
					t.Fatalf("bad error %v", pe)
				}
			}
			e, err := Options{Strict: strict}.Parse(rec)
			if len(e.Extensions) != n {
				t.Fatalf("Parse has %d pairs, the Scanner %d", len(e.Extensions), n)
			}
			if (err == nil) != (s.Err() == nil) {
				t.Fatalf("errors differ: %v / %v", err, s.Err())
			}
			if err != nil {
				if _, ok := errors.AsType[*ParseError](err); !ok {
					t.Fatalf("Parse error %v has no *ParseError", err)
				}
			}
		}
		if !bytes.Equal(rec, orig) {
			t.Fatal("input modified")
		}
	})
}

// FuzzRoundTrip checks the encoder: an event that parses without error or
// flag encodes, and the encoding parses back to the same event.
func FuzzRoundTrip(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		if len(rec) > maxFuzzLen {
			return
		}
		e, err := Parse(rec)
		if err != nil || e.Flags != 0 {
			return
		}
		for _, x := range e.Extensions {
			if x.Flags != 0 {
				return
			}
		}
		enc, err := e.AppendText(nil)
		if err != nil {
			// What CEF cannot carry: a newline in a header field.
			if bytes.ContainsAny([]byte(e.DeviceVendor+e.DeviceProduct+e.DeviceVersion+e.SignatureID+e.Name+e.Severity), "\r\n") {
				return
			}
			t.Fatalf("cannot encode what parsed from %q: %v", rec, err)
		}
		back, err := Parse(enc)
		if err != nil {
			t.Fatalf("encoding %q of %q does not parse: %v", enc, rec, err)
		}
		if diff := cmp.Diff(e, back); diff != "" {
			t.Fatalf("round trip of %q through %q:\n%s", rec, enc, diff)
		}
	})
}
