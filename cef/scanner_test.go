package cef

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type benchInput struct {
	name string
	data []byte
}

func loadBenchInputs(tb testing.TB) []benchInput {
	tb.Helper()
	var ins []benchInput
	for _, f := range []struct{ name, file string }{
		{"a_pep", "cef-a_pep.txt"},
		{"b_maswin", "cef-b_maswin.txt"},
		{"c_fw15", "cef-c_fw15.txt"},
		{"d_escapes", "cef-d_escapes.txt"},
	} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", f.file))
		if err != nil {
			tb.Fatal(err)
		}
		ins = append(ins, benchInput{f.name, b})
	}
	return ins
}

// scanAll reads an event with the Scanner into an Event, as a caller of
// the Scanner would, to compare with Parse.
func scanAll(s *Scanner, rec []byte) *Event {
	s.Reset(rec)
	h := s.Header()
	e := &Event{
		Version:       max(h.Major, 0),
		RawVersion:    string(h.Version),
		DeviceVendor:  string(s.AppendField(nil, FieldDeviceVendor)),
		DeviceProduct: string(s.AppendField(nil, FieldDeviceProduct)),
		DeviceVersion: string(s.AppendField(nil, FieldDeviceVersion)),
		SignatureID:   string(s.AppendField(nil, FieldSignatureID)),
		Name:          string(s.AppendField(nil, FieldName)),
		Severity:      string(s.AppendField(nil, FieldSeverity)),
		Fields:        h.Fields,
		Flags:         h.Flags,
	}
	for s.Next() {
		e.Extensions = append(e.Extensions, Extension{string(s.RawKey()), string(s.AppendValue(nil)), s.Flags()})
	}
	return e
}

func TestScannerAgreesWithParse(t *testing.T) {
	var s Scanner
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		s.Strict = tt.strict
		got := scanAll(&s, []byte(in))
		want, err := Options{Strict: tt.strict}.Parse([]byte(in))
		if want.Version < 0 {
			want.Version = 0
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: (-Parse +Scanner)\n%s", tt.name, diff)
		}
		if (err == nil) != (s.Err() == nil) {
			t.Errorf("%s: errors %v / %v", tt.name, err, s.Err())
		}
	}
}

func TestScannerViews(t *testing.T) {
	rec := []byte(`CEF: 0.0|Acme\|Corp|Prod|1.0|sig|Na\\me|High|a=1\=2 bb=x y  c=`)
	var s Scanner
	if err := s.Reset(rec); err != nil {
		t.Fatal(err)
	}
	h := s.Header()
	for _, v := range [][]byte{h.Version, h.DeviceVendor, h.Name, h.Severity} {
		if cap(v) != len(v) {
			t.Errorf("view %q is not clipped", v)
		}
	}
	if string(h.Version) != "0.0" || h.Major != 0 || string(h.DeviceVendor) != `Acme\|Corp` || h.Fields != 7 {
		t.Errorf("header %+v", h)
	}
	if got := s.AppendField([]byte("pre:"), FieldDeviceVendor); string(got) != "pre:Acme|Corp" {
		t.Errorf("AppendField = %q", got)
	}
	if got := s.AppendField(nil, FieldName); string(got) != `Na\me` {
		t.Errorf("AppendField(Name) = %q", got)
	}
	type pair struct {
		key, raw, value string
		off, voff       int
	}
	var got []pair
	for s.Next() {
		k, v := s.RawKey(), s.RawValue()
		if !bytes.HasPrefix(rec[s.Offset():], k) || !bytes.HasPrefix(rec[s.ValueOffset():], v) {
			t.Errorf("pair %q=%q not at its offsets %d, %d", k, v, s.Offset(), s.ValueOffset())
		}
		got = append(got, pair{string(k), string(v), string(s.AppendValue(nil)), s.Offset(), s.ValueOffset()})
	}
	at := func(sub string) int { return bytes.Index(rec, []byte(sub)) }
	want := []pair{
		{"a", `1\=2`, "1=2", at("a="), at("a=") + 2},
		{"bb", "x y ", "x y ", at("bb="), at("bb=") + 3},
		{"c", "", "", at("c="), at("c=") + 2},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(pair{})); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	if s.Next() || s.RawKey() != nil {
		t.Error("pairs after the end")
	}
}

func TestScannerReuseAndZero(t *testing.T) {
	var s Scanner
	if s.Next() || s.Err() != nil || s.RawKey() != nil || s.Header().Fields != 0 {
		t.Error("a zero Scanner yields data")
	}
	s.Reset([]byte(`CEF:0|a|b|c|d|e|5|foo =bar x=1`))
	for s.Next() {
	}
	if s.Err() == nil {
		t.Fatal("no error for a malformed pair")
	}
	s.Reset([]byte(`CEF:1|v|p|1|2|n|3|k=v`))
	if s.Err() != nil || len(s.Errors()) != 0 {
		t.Errorf("errors stick to the next event: %v", s.Err())
	}
	h := s.Header()
	if h.Major != 1 || string(h.DeviceVendor) != "v" || h.Flags != 0 {
		t.Errorf("header keeps state: %+v", h)
	}
	n := 0
	for k, v := range s.All() {
		if string(k) != "k" || string(v) != "v" {
			t.Errorf("pair %s=%s", k, v)
		}
		n++
	}
	if n != 1 {
		t.Errorf("%d pairs", n)
	}
}

func TestScannerDoesNotModifyInput(t *testing.T) {
	var s Scanner
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		rec := []byte(in)
		scanAll(&s, rec)
		if string(rec) != in {
			t.Fatalf("%s: input modified", tt.name)
		}
	}
}

func TestBenchInputs(t *testing.T) {
	for _, in := range loadBenchInputs(t) {
		e, err := Parse(in.data)
		if err != nil {
			t.Errorf("%s: %v", in.name, err)
		}
		for _, x := range e.Extensions {
			if x.Flags != 0 {
				t.Errorf("%s: %s flagged %v", in.name, x.Key, x.Flags)
			}
		}
	}
	// cef-d holds every legal escape.
	e, _ := Parse(loadBenchInputs(t)[3].data)
	for k, want := range map[string]string{
		"request":  `https://x.example/p?a=1&b=2&c=\3`,
		"filePath": `C:\Windows\System32\cmd.exe`,
		"msg":      "line one\nline two\r\nline three with = and \\",
		"cs1":      `user=admin\root==`,
		"act":      `blocked a \`,
	} {
		if got, _ := e.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if e.DeviceVendor != "Acme|Corp" || e.DeviceProduct != `Threat\Manager` || e.Name != `Detected a | in packet\` {
		t.Errorf("header: %q %q %q", e.DeviceVendor, e.DeviceProduct, e.Name)
	}
	b, _ := Parse(loadBenchInputs(t)[1].data)
	if len(b.Extensions) != 22 {
		t.Errorf("maswin: %d pairs", len(b.Extensions))
	}
	if v, ok := b.Get("MasCorrelationRelatedActivityID"); !ok || v != "" {
		t.Errorf("empty value: %q %v", v, ok)
	}
	if v, _ := b.Get("MasEventDescription"); v != "The Group Policy settings for the user were processed successfully. There were no changes detected since the last successful processing of Group Policy." {
		t.Errorf("value with spaces: %q", v)
	}
}
