package fuzz

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/framing"
	"github.com/cefsyslog/cefsyslog/rfc3164"
	"github.com/cefsyslog/cefsyslog/rfc5424"
)

// maxInput caps what a target reads: the fuzzer controls the size, and
// the limits under test are per message.
const maxInput = 64 << 10

// now fixes the year of stamps without one, so that runs agree.
var now = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// seeds are real-world shapes: the benchmark inputs and lines the
// packages' tests pin (constructed from the RFCs and vendors' documents).
var seeds = []string{
	`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 4242 ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][origin@32473 path="C:\\Windows\\System32" quote="say \"hi\"" bracket="a\]b"] An application event log entry...`,
	`<134>1 2024-07-26T10:00:00.123456-07:00 azs-ercs01 AzureStack - - - CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PrivilegedEndpointAccessed|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`,
	`<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8`,
	`2025-01-15T07:25:36+00:00 OneGate manager {"log_type":"login_manager","log_level":"INFO"}`,
	`<189>237: *Jan  8 19:46:03.295: %SYS-5-CONFIG_I: Configured from console by vty0 (10.34.195.36)`,
	`<86>Mar 14 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasChannel=System MasComputer=azs-ercs01.contoso.local MasEventRecordID=1371 MasLevel=4`,
	`CEF:0|Security|threatmanager|1.0|100|detected a \| in message|10|src=10.0.0.1 act=blocked a \= dst=1.1.1.1 msg=line\nbreak`,
	`CEF:0|SentinelOne|Mgmt|activityID=1 activityType=2`,
	`<13>1 2025-03-30T01:59:59Z fw-edge01 filterlog 4021 - [x@32473 rule_uid="a1" rule_uid="b2" path="C:\\Temp\\x" note="say \"hi\" \]"] repeated params`,
	"<14>1 - host01 app - - - nil timestamp",
	"<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \xef\xbb\xbf'su root' failed",
	"<13>Oct 11 22:14:15 2001:db8::17 named[77]: zone loaded",
}

// addSeeds adds the seeds and every line of the library's sample files.
func addSeeds(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "samples", "*.log"))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			if line = bytes.TrimRight(line, "\r\n"); len(line) > 0 {
				f.Add(line)
			}
		}
	}
}

func parser() *cefsyslog.Parser { return &cefsyslog.Parser{Now: now} }

func recordJSON(r *cefsyslog.Record) string { return string(r.AppendJSON(nil)) }

// FuzzAutoAgrees: the record auto-detection gives is the record of the
// format it detected, and its syslog fields are those the format's own
// parser reads.
func FuzzAutoAgrees(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > maxInput {
			return
		}
		p := parser()
		auto, _ := p.Parse(msg)
		direct := *p
		direct.Format = cefsyslog.Detect(msg)
		rec, _ := direct.Parse(msg)
		if a, d := recordJSON(auto), recordJSON(rec); a != d {
			t.Fatalf("auto and %v differ:\n%s\n%s", direct.Format, a, d)
		}
		switch auto.Format {
		case cefsyslog.RFC5424:
			m, _ := rfc5424.Parse(msg)
			s := auto.Syslog
			if s.Priority != m.Priority || s.Hostname != m.Hostname || s.AppName != m.AppName ||
				s.ProcID != m.ProcID || s.MsgID != m.MsgID || s.Message != m.Msg || !s.Timestamp.Equal(m.Timestamp) {
				t.Fatalf("record %+v, rfc5424 %+v", s, m)
			}
		case cefsyslog.RFC3164:
			m, _ := rfc3164.Options{Now: now}.Parse(msg)
			s := auto.Syslog
			if s.Priority != m.Priority || s.Hostname != m.Hostname || s.AppName != m.AppName ||
				s.ProcID != m.ProcID || s.Message != m.Msg || !s.Timestamp.Equal(m.Timestamp) {
				t.Fatalf("record %+v, rfc3164 %+v", s, m)
			}
		case cefsyslog.CEF:
			e, _ := cef.Parse(msg)
			if auto.CEF == nil || e == nil || string(auto.CEF.AppendJSON(nil)) != string(e.AppendJSON(nil)) {
				t.Fatalf("record %+v, cef %+v", auto.CEF, e)
			}
		}
	})
}

// FuzzEncodeDetect: what each encoder writes from a message of its format
// is read back, through auto-detection, as the same format with the same
// fields. (The RFC 3164 reader takes any line, RFC 5424 and CEF ones too,
// so it is fed only the lines detection gives it.)
func FuzzEncodeDetect(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > maxInput {
			return
		}
		// A record error the original has (a CEF event in MSG that does
		// not parse, say) comes back with the encoded message too.
		_, origErr := parser().Parse(msg)
		sameErr := func(err error) bool { return (err == nil) == (origErr == nil) }
		if m, err := rfc5424.Parse(msg); err == nil {
			out, err := m.AppendText(nil)
			if err == nil {
				r, err := parser().Parse(out)
				if !sameErr(err) || r.Format != cefsyslog.RFC5424 || r.Syslog.Message != m.Msg || r.Syslog.Hostname != m.Hostname {
					t.Fatalf("rfc5424 %q: read back as %v %+v, %v", out, r.Format, r.Syslog, err)
				}
			}
		}
		if e, err := cef.Parse(msg); err == nil {
			out, err := e.AppendText(nil)
			if err == nil {
				r, err := parser().Parse(out)
				if !sameErr(err) || r.Format != cefsyslog.CEF || string(r.CEF.AppendJSON(nil)) != string(e.AppendJSON(nil)) {
					t.Fatalf("cef %q: read back as %v, %v", out, r.Format, err)
				}
			}
		}
		if cefsyslog.Detect(msg) != cefsyslog.RFC3164 {
			return
		}
		if m, err := (rfc3164.Options{Now: now}).Parse(msg); err == nil {
			out, err := m.AppendText(nil)
			if err == nil {
				r, err := parser().Parse(out)
				if !sameErr(err) || r.Format != cefsyslog.RFC3164 || r.Syslog.Message != m.Msg || r.Syslog.Hostname != m.Hostname || r.Syslog.AppName != m.AppName {
					t.Fatalf("rfc3164 %q: read back as %v %+v, %v", out, r.Format, r.Syslog, err)
				}
			}
		}
	})
}

// FuzzFramingRecords: messages framed with octet counting and read back
// in chunks cut where the fuzzer says give the records the messages give
// one by one.
func FuzzFramingRecords(f *testing.F) {
	f.Add([]byte(strings.Join(seeds[:4], "\n")), uint8(3))
	f.Add([]byte(strings.Join(seeds, "\n")), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		if len(data) > maxInput {
			return
		}
		msgs := bytes.Split(data, []byte("\n"))
		var stream []byte
		var want []string
		for _, m := range msgs {
			if len(m) == 0 {
				continue
			}
			stream = strconv.AppendInt(stream, int64(len(m)), 10)
			stream = append(append(stream, ' '), m...)
			r, _ := parser().Parse(m)
			want = append(want, recordJSON(r))
		}
		src := io.Reader(bytes.NewReader(stream))
		if chunk > 0 {
			src = &chunked{data: stream, n: int(chunk)}
		}
		rd := framing.Reader{Mode: framing.Auto, MaxSize: maxInput}
		rd.Reset(iotest.HalfReader(src))
		var got []string
		for {
			frame, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("frame %d: %v", len(got), err)
			}
			r, _ := parser().Parse(frame)
			got = append(got, recordJSON(r))
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%d records through framing, %d directly; first difference:\n%s", len(got), len(want), firstDiff(got, want))
		}
	})
}

// chunked returns at most n bytes per Read.
type chunked struct {
	data []byte
	n    int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := min(len(p), c.n, len(c.data))
	copy(p, c.data[:k])
	c.data = c.data[k:]
	return k, nil
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + "\n" + b[i]
		}
	}
	return "(one is a prefix of the other)"
}

// FuzzScannerOwned: each scanner's views agree with its owned API.
func FuzzScannerOwned(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > maxInput {
			return
		}
		// The scanner reads structured data as it is iterated, so its
		// verdict is known at the end.
		var s5 rfc5424.Scanner
		m5, perr5 := rfc5424.Parse(msg)
		if s5.Reset(msg) == nil {
			h := s5.Header()
			if string(h.Hostname) != m5.Hostname || string(h.AppName) != m5.AppName {
				t.Fatalf("rfc5424: scanner %+v, parse %+v", h, m5)
			}
			i := 0
			for s5.NextElement() {
				if i >= len(m5.StructuredData) || string(s5.ElementID()) != m5.StructuredData[i].ID {
					t.Fatalf("rfc5424: element %d %q, parse %+v", i, s5.ElementID(), m5.StructuredData)
				}
				j := 0
				for s5.NextParam() {
					p := m5.StructuredData[i].Params[j]
					if string(s5.ParamName()) != p.Name || string(s5.AppendParamValue(nil)) != p.Value {
						t.Fatalf("rfc5424: param %q=%q, parse %+v", s5.ParamName(), s5.AppendParamValue(nil), p)
					}
					j++
				}
				i++
			}
			if s5.Err() == nil && string(s5.Message()) != m5.Msg {
				t.Fatalf("rfc5424: scanner MSG %q, parse %q", s5.Message(), m5.Msg)
			}
		}
		if (s5.Err() == nil) != (perr5 == nil) {
			t.Fatalf("rfc5424: scanner %v, parse %v", s5.Err(), perr5)
		}

		var s3 rfc3164.Scanner
		s3.Now = now
		err3 := s3.Reset(msg)
		m3, perr3 := rfc3164.Options{Now: now}.Parse(msg)
		if (err3 == nil) != (perr3 == nil) {
			t.Fatalf("rfc3164: scanner %v, parse %v", err3, perr3)
		}
		if h := s3.Header(); string(h.Hostname) != m3.Hostname || string(h.AppName) != m3.AppName || string(h.ProcID) != m3.ProcID || string(s3.Message()) != m3.Msg || h.Priority != m3.Priority {
			t.Fatalf("rfc3164: scanner %+v %q, parse %+v", h, s3.Message(), m3)
		}

		var sc cef.Scanner
		errc := sc.Reset(msg)
		e, perrc := cef.Parse(msg)
		if (errc == nil) != (perrc == nil) && errc != nil {
			t.Fatalf("cef: scanner %v, parse %v", errc, perrc)
		}
		if errc == nil {
			i := 0
			for sc.Next() {
				if i >= len(e.Extensions) || string(sc.RawKey()) != e.Extensions[i].Key || string(sc.AppendValue(nil)) != e.Extensions[i].Value {
					t.Fatalf("cef: pair %d %q=%q, parse %+v", i, sc.RawKey(), sc.AppendValue(nil), e.Extensions)
				}
				i++
			}
		}
	})
}

// FuzzBounded: parsing a message and writing its record allocate in
// proportion to its size, whatever it holds.
func FuzzBounded(f *testing.F) {
	addSeeds(f)
	f.Add(bytes.Repeat([]byte(`[a b="\]\]\]"]`), 400))
	f.Add(bytes.Repeat([]byte("k= "), 5000))
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > maxInput {
			return
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r, _ := parser().Parse(msg)
		out := r.AppendJSON(nil)
		runtime.ReadMemStats(&after)
		// JSON writes a byte as at most 6 (\u00XX, or \ufffd for a byte
		// that is not UTF-8), and a byte of the message can appear in
		// "raw", in the syslog "message" and in one CEF field, besides
		// "raw_base64": under 20 bytes of JSON per byte in. Appending to a
		// buffer allocates up to about 5 times its final size (Go grows a
		// large slice by a quarter at a time), and the parse keeps a few
		// copies of the message: 128 bytes per byte in, a linear bound
		// that anything quadratic would pass at once. A message of
		// invalid bytes behind "CEF:0|a|" comes near it (about 117).
		if got, limit := after.TotalAlloc-before.TotalAlloc, uint64(128*len(msg)+64<<10); got > limit {
			t.Fatalf("%d bytes in: %d bytes allocated (limit %d), %d bytes of JSON", len(msg), got, limit, len(out))
		}
	})
}
