package rfc5424

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// benchInput is one of the fixed inputs in testdata/benchdata.
type benchInput struct {
	name string
	data []byte
}

func loadBenchInputs(tb testing.TB) []benchInput {
	tb.Helper()
	var ins []benchInput
	for _, f := range []struct{ name, file string }{
		{"a_5424_sd", "syslog-a_5424_sd.txt"},
		{"b_5424_cef", "syslog-b_5424_cef.txt"},
		{"e_5424_2k", "syslog-e_5424_2k.txt"},
	} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "benchdata", f.file))
		if err != nil {
			tb.Fatal(err)
		}
		ins = append(ins, benchInput{f.name, b})
	}
	return ins
}

// scanAll reads a whole message with the Scanner into a Message, the way a
// caller of the Scanner would, so that it can be compared with Parse.
func scanAll(s *Scanner, rec []byte) (*Message, error) {
	s.Reset(rec)
	h := s.Header()
	m := &Message{
		Priority:     h.Priority,
		Version:      h.Version,
		Timestamp:    s.Time(),
		RawTimestamp: string(h.Timestamp),
		Hostname:     string(h.Hostname),
		AppName:      string(h.AppName),
		ProcID:       string(h.ProcID),
		MsgID:        string(h.MsgID),
	}
	for id := range s.Elements() {
		e := Element{ID: string(id)}
		for name := range s.Params() {
			e.Params = append(e.Params, Param{string(name), string(s.AppendParamValue(nil))})
		}
		m.StructuredData = append(m.StructuredData, e)
	}
	m.Msg = string(s.Message())
	return m, s.Err()
}

// TestScannerAgreesWithParse runs the Scanner's iterator API over every
// table input and checks it yields what Parse does, error included.
func TestScannerAgreesWithParse(t *testing.T) {
	var s Scanner
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		s.Lenient = tt.lenient
		got, gotErr := scanAll(&s, []byte(in))
		want, wantErr := Options{Lenient: tt.lenient}.Parse([]byte(in))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: Scanner and Parse differ (-Parse +Scanner):\n%s", tt.name, diff)
		}
		if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
			t.Errorf("%s: Scanner error %v, Parse error %v", tt.name, gotErr, wantErr)
		}
	}
}

func TestScannerViewsAndOffsets(t *testing.T) {
	rec := []byte(`<165>1 2003-10-11T22:14:15.003Z host app 42 ID47 [ex@1 a="x\]y" b="2"][ex@2] ` + bomStr + `text`)
	var s Scanner
	if err := s.Reset(rec); err != nil {
		t.Fatal(err)
	}
	h := s.Header()
	for _, f := range []struct {
		name string
		v    []byte
		want string
	}{
		{"Timestamp", h.Timestamp, "2003-10-11T22:14:15.003Z"},
		{"Hostname", h.Hostname, "host"},
		{"AppName", h.AppName, "app"},
		{"ProcID", h.ProcID, "42"},
		{"MsgID", h.MsgID, "ID47"},
	} {
		if string(f.v) != f.want {
			t.Errorf("Header.%s = %q, want %q", f.name, f.v, f.want)
		}
		if cap(f.v) != len(f.v) {
			t.Errorf("Header.%s is not clipped: len %d, cap %d", f.name, len(f.v), cap(f.v))
		}
	}
	if want := time.Date(2003, 10, 11, 22, 14, 15, 3e6, time.UTC); !s.Time().Equal(want) {
		t.Errorf("Time = %v, want %v", s.Time(), want)
	}

	type item struct {
		id, name, raw, value string
		idOff, nameOff       int
	}
	var got []item
	for s.NextElement() {
		id := s.ElementID()
		if !bytes.HasPrefix(rec[s.ElementOffset():], id) {
			t.Errorf("SD-ID %q is not at offset %d", id, s.ElementOffset())
		}
		n := 0
		for s.NextParam() {
			n++
			name, raw := s.ParamName(), s.RawParamValue()
			if !bytes.HasPrefix(rec[s.ParamOffset():], name) {
				t.Errorf("PARAM-NAME %q is not at offset %d", name, s.ParamOffset())
			}
			if cap(raw) != len(raw) || cap(name) != len(name) {
				t.Errorf("param views are not clipped")
			}
			got = append(got, item{string(id), string(name), string(raw), string(s.AppendParamValue(nil)), s.ElementOffset(), s.ParamOffset()})
		}
		if n == 0 {
			got = append(got, item{id: string(id), idOff: s.ElementOffset()})
		}
	}
	at := func(sub string) int { return bytes.Index(rec, []byte(sub)) }
	want := []item{
		{"ex@1", "a", `x\]y`, "x]y", at("ex@1"), at(`a="`)},
		{"ex@1", "b", "2", "2", at("ex@1"), at(`b="`)},
		{id: "ex@2", idOff: at("ex@2")},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(item{})); diff != "" {
		t.Errorf("walk (-want +got):\n%s", diff)
	}
	if m := s.Message(); string(m) != "text" {
		t.Errorf("Message = %q, want %q", m, "text")
	}
	if off := s.MessageOffset(); string(rec[off:]) != "text" {
		t.Errorf("MessageOffset = %d points at %q", off, rec[off:])
	}
	if s.Err() != nil {
		t.Errorf("Err = %v", s.Err())
	}
	if s.NextElement() || s.NextParam() {
		t.Error("the walk goes on after the end")
	}
}

// TestScannerMessageFinishesWalk checks that Message reads the structured
// data the caller skipped, and reports errors found there.
func TestScannerMessageFinishesWalk(t *testing.T) {
	var s Scanner
	if err := s.Reset([]byte(`<13>1 - - - - - [a x="1"][b y="2"] msg`)); err != nil {
		t.Fatal(err)
	}
	if !s.NextElement() || !s.NextParam() {
		t.Fatal("no first param")
	}
	if m := s.Message(); string(m) != "msg" {
		t.Errorf("Message = %q after a partial walk", m)
	}

	s.Reset([]byte(`<13>1 - - - - - [a x="1"][a] msg`))
	if m := s.Message(); m != nil {
		t.Errorf("Message = %q despite a duplicate SD-ID", m)
	}
	if !errors.Is(s.Err(), ErrDuplicateElement) {
		t.Errorf("Err = %v, want ErrDuplicateElement", s.Err())
	}
}

// TestScannerReuse checks that Reset forgets everything of the previous
// message, including the SD-IDs used for the duplicate check.
func TestScannerReuse(t *testing.T) {
	var s Scanner
	first := []byte(`<13>1 2024-01-01T00:00:00Z h a p m [a x="1"] one`)
	second := []byte(`<14>1 - - - - - [a] two`)
	for range 2 {
		s.Reset(first)
		if string(s.Message()) != "one" || s.Err() != nil {
			t.Fatalf("first: %q, %v", s.Message(), s.Err())
		}
		s.Reset(second)
		h := s.Header()
		if h.Priority != 14 || h.Hostname != nil || h.Timestamp != nil || !s.Time().IsZero() {
			t.Errorf("second header keeps state of the first: %+v", h)
		}
		if string(s.Message()) != "two" || s.Err() != nil {
			t.Fatalf("second: %q, %v", s.Message(), s.Err())
		}
	}
	// An error does not stick to the next message.
	s.Reset([]byte("<999>1 - - - - - -"))
	if s.Err() == nil {
		t.Fatal("no error for PRI 999")
	}
	s.Reset(second)
	if s.Err() != nil || string(s.Message()) != "two" {
		t.Errorf("after an error: %q, %v", s.Message(), s.Err())
	}
}

func TestScannerZeroValue(t *testing.T) {
	var s Scanner
	if s.NextElement() || s.NextParam() || s.Message() != nil || s.Err() != nil {
		t.Error("a zero Scanner yields data")
	}
	if !s.Time().IsZero() {
		t.Error("a zero Scanner has a time")
	}
}

func TestScannerPartialHeader(t *testing.T) {
	var s Scanner
	err := s.Reset([]byte("<13>1 2024-01-01T00:00:00Z host a\x01pp - - -"))
	if !errors.Is(err, ErrAppName) {
		t.Fatalf("err = %v, want ErrAppName", err)
	}
	h := s.Header()
	if h.Priority != 13 || h.Version != 1 || string(h.Hostname) != "host" || h.AppName != nil {
		t.Errorf("partial header = %+v", h)
	}
	if s.Time().IsZero() {
		t.Error("the timestamp read before the error is lost")
	}
	if s.NextElement() || s.Message() != nil {
		t.Error("the walk goes on after a header error")
	}
}

// TestScannerDoesNotModifyInput runs every table input and checks the bytes
// are unchanged afterwards.
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

func TestAppendParamValue(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{``, ``},
		{`plain`, `plain`},
		{`\"`, `"`},
		{`\\`, `\`},
		{`\]`, `]`},
		{`\n`, `\n`},
		{`\\\"`, `\"`},
		{`a\x\"b`, `a\x"b`},
		{`\\n`, `\n`},
	} {
		if got := appendUnescaped([]byte("pre:"), []byte(tt.raw)); string(got) != "pre:"+tt.want {
			t.Errorf("appendUnescaped(%q) = %q, want %q", tt.raw, got, "pre:"+tt.want)
		}
	}
}

func TestBenchInputsParse(t *testing.T) {
	for _, in := range loadBenchInputs(t) {
		var s Scanner
		m, err := scanAll(&s, in.data)
		if err != nil {
			t.Errorf("%s: %v", in.name, err)
		}
		if m.Msg == "" || m.Hostname == "" {
			t.Errorf("%s: missing fields: %+v", in.name, m)
		}
	}
	// syslog-a carries all three escapes.
	m, err := Parse(loadBenchInputs(t)[0].data)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := m.Element("origin@32473")
	for name, want := range map[string]string{"path": `C:\Windows\System32`, "quote": `say "hi"`, "bracket": "a]b"} {
		if got, _ := e.Value(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if !strings.HasPrefix(m.Msg, "An application") {
		t.Errorf("Msg = %q", m.Msg)
	}
}

// TestHeaderFieldEnds reads header fields of lengths around the eight
// bytes Reset tests at a time and around their limits, in messages that
// end soon after the header or well past it, and puts a byte that may not
// be in a field at every position of each field: the error must name that
// field and that byte.
func TestHeaderFieldEnds(t *testing.T) {
	const prefix = "<13>1 - "
	for _, host := range []int{1, 2, 7, 8, 9, 30, 40, 55, 56, 57, 62, 63, 64, 65, 70} {
		for _, app := range []int{1, 8, 47, 48} {
			for _, msgid := range []int{1, 5, 32} {
				for _, tail := range []string{" -", " - " + strings.Repeat("m", 100)} {
					fields := []string{strings.Repeat("h", host), strings.Repeat("a", app), "-", strings.Repeat("i", msgid)}
					rec := []byte(prefix + strings.Join(fields, " ") + tail)
					var s Scanner
					if err := s.Reset(rec); err != nil {
						t.Fatalf("Reset(%q): %v", rec, err)
					}
					h := s.Header()
					got := []string{string(h.Hostname), string(h.AppName), string(h.ProcID), string(h.MsgID)}
					want := []string{fields[0], fields[1], "", fields[3]}
					if !slices.Equal(got, want) || h.ProcID != nil {
						t.Fatalf("Reset(%q) fields %q, want %q", rec, got, want)
					}

					// A tab in each field, at each position.
					start := len(prefix)
					for f, field := range fields {
						for k := range len(field) {
							bad := slices.Clone(rec)
							bad[start+k] = '\t'
							err := s.Reset(bad)
							var pe *ParseError
							if !errors.As(err, &pe) || pe.Offset != start+k || pe.Field != headerFields[f].name {
								t.Fatalf("Reset(%q) = %v, want %s at offset %d", bad, err, headerFields[f].name, start+k)
							}
						}
						start += len(field) + 1
					}
				}
			}
		}
	}
	// Each field one byte over its limit: the error is at the first byte
	// past the limit, whether the field is shorter or longer than 64 bytes.
	for _, c := range []struct {
		fields []string
		field  string
		off    int
	}{
		{[]string{"h", strings.Repeat("a", 49), "p", "m"}, "APP-NAME", len("<13>1 - h ") + 48},
		{[]string{"h", "a", "p", strings.Repeat("m", 33)}, "MSGID", len("<13>1 - h a p ") + 32},
		{[]string{"h", "a", strings.Repeat("p", 129), "m"}, "PROCID", len("<13>1 - h a ") + 128},
		{[]string{strings.Repeat("h", 256), "a", "p", "m"}, "HOSTNAME", len("<13>1 - ") + 255},
	} {
		rec := []byte("<13>1 - " + strings.Join(c.fields, " ") + " - " + strings.Repeat("m", 64))
		var s Scanner
		var pe *ParseError
		if err := s.Reset(rec); !errors.As(err, &pe) || pe.Field != c.field || pe.Offset != c.off {
			t.Errorf("Reset(%q) = %v, want %s at offset %d", rec, err, c.field, c.off)
		}
	}
}
