package cefsyslog_test

import (
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc5424"
)

func TestDetect(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want cefsyslog.Format
	}{
		{"<165>1 2003-10-11T22:14:15.003Z host app - - -", cefsyslog.RFC5424},
		{"<0>1 - - - - - -", cefsyslog.RFC5424},
		{"<999>1 - - - - - -", cefsyslog.RFC5424}, // an RFC 5424 error, not RFC 3164
		{"<13>999 -", cefsyslog.RFC5424},
		{"<13>1000 -", cefsyslog.RFC3164},
		{"<13>0 - - -", cefsyslog.RFC3164},
		{"<13>01 - - -", cefsyslog.RFC3164},
		{"<13>1", cefsyslog.RFC3164},
		{"<13>1Oct 11 22:14:15 host su: x", cefsyslog.RFC3164},
		{"<28>2009-11-10T23:00:00Z c33b68c01c70 demotag[11]: Go's log/syslog", cefsyslog.RFC3164},
		{"<189>237: *Jan  8 19:46:03.295: %SYS-5-CONFIG_I: x", cefsyslog.RFC3164},
		{"<13>Oct 11 22:14:15 host su: x", cefsyslog.RFC3164},
		{"<13>", cefsyslog.RFC3164},
		{"<1234>1 - - -", cefsyslog.RFC3164},
		{"<>1 - - -", cefsyslog.RFC3164},
		{"<ab>1 ", cefsyslog.RFC3164},
		{"Oct 11 22:14:15 host su: x", cefsyslog.RFC3164},
		{"2025-01-15T07:25:36+00:00 host app: x", cefsyslog.RFC3164},
		{"CEF:0|a|b|c|d|e|5|", cefsyslog.CEF},
		{" CEF:0|a|b|c|d|e|5|", cefsyslog.RFC3164},
		{"", cefsyslog.RFC3164},
	} {
		if got := cefsyslog.Detect([]byte(tt.in)); got != tt.want {
			t.Errorf("Detect(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestRecordJSON pins the contract's record for the cases it names.
func TestRecordJSON(t *testing.T) {
	for _, tt := range []struct {
		name string
		p    cefsyslog.Parser
		in   string
		want string
	}{
		{"rfc example 3", cefsyslog.Parser{},
			`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] ` + "\xEF\xBB\xBF" + `An application event log entry...`,
			`{"format":"rfc5424","syslog":{"priority":165,"facility":20,"severity":5,"version":1,"timestamp":"2003-10-11T22:14:15.003Z","hostname":"mymachine.example.com","app_name":"evntslog","msg_id":"ID47","structured_data":[{"id":"exampleSDID@32473","params":[{"name":"iut","value":"3"},{"name":"eventSource","value":"Application"},{"name":"eventID","value":"1011"}]}],"message":"An application event log entry..."}}`},
		{"offset and trailing zeros", cefsyslog.Parser{},
			`<13>1 2024-01-01T10:00:00.120000+05:30 h - - - - x`,
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"timestamp":"2024-01-01T10:00:00.12+05:30","hostname":"h","message":"x"}}`},
		{"zero offset is Z", cefsyslog.Parser{},
			`<13>1 2024-01-01T10:00:00+00:00 - - - - -`,
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"timestamp":"2024-01-01T10:00:00Z"}}`},
		{"bom only is no message, element without params", cefsyslog.Parser{},
			"<13>1 - - - - - [a] \xEF\xBB\xBF",
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"structured_data":[{"id":"a"}]}}`},
		{"error keeps fields and raw", cefsyslog.Parser{},
			`<13>1 - host app - - [a x="1"][b y="2"`,
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"hostname":"host","app_name":"app","structured_data":[{"id":"a","params":[{"name":"x","value":"1"}]},{"id":"b","params":[{"name":"y","value":"2"}]}]},"error":{"offset":38,"reason":"unexpected end of message"},"raw":"<13>1 - host app - - [a x=\"1\"][b y=\"2\""}`},
		{"error at pri", cefsyslog.Parser{},
			`<192>1 - - - - - -`,
			`{"format":"rfc5424","syslog":{},"error":{"offset":1,"reason":"invalid priority"},"raw":"<192>1 - - - - - -"}`},
		{"not utf-8", cefsyslog.Parser{},
			"<13>1 - - - - - - caf\xe9",
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"message":"caf\ufffd"},"raw_base64":"PDEzPjEgLSAtIC0gLSAtIC0gY2Fm6Q=="}`},
		{"too long", cefsyslog.Parser{MaxLen: 16},
			`<13>1 - host app - - - long message`,
			// app_name reaches the cut and is cut there, as raw is.
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"hostname":"host","app_name":"app"},"error":{"offset":16,"reason":"message longer than 16 bytes"},"raw":"<13>1 - host app"}`},
		{"forced format", cefsyslog.Parser{Format: cefsyslog.RFC5424},
			`<13>Oct 11 22:14:15 host su: x`,
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5},"error":{"offset":4,"reason":"invalid version"},"raw":"<13>Oct 11 22:14:15 host su: x"}`},
		{"bare cef", cefsyslog.Parser{},
			`CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`,
			`{"format":"cef","cef":{"version":0,"device_vendor":"Microsoft","device_product":"Microsoft Azure Stack Hub","device_version":"1.0","signature_id":"1000","name":"PEP","severity":"5","extensions":{"Who":"CONTOSO\\cloudadmin","WhichIP":"10.0.0.5"}},"azurestack":{"kind":"unknown","level":"warning"}}`},
		{"cef in rfc5424 with spaces before it", cefsyslog.Parser{},
			`<134>1 - azs - - - -   CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5`,
			`{"format":"rfc5424","syslog":{"priority":134,"facility":16,"severity":6,"version":1,"hostname":"azs","message":"  CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5"},"cef":{"version":0,"device_vendor":"Microsoft","device_product":"Microsoft Azure Stack Hub","device_version":"1.0","signature_id":"1000","name":"PEP","severity":"5","extensions":{}},"azurestack":{"kind":"unknown","level":"warning"}}`},
		{"cef error offset is in the whole message", cefsyslog.Parser{},
			`<134>1 - h - - - - CEF:0|a|b|c|d|e|5|foo =bar src=10.0.0.1`,
			`{"format":"rfc5424","syslog":{"priority":134,"facility":16,"severity":6,"version":1,"hostname":"h","message":"CEF:0|a|b|c|d|e|5|foo =bar src=10.0.0.1"},"cef":{"version":0,"device_vendor":"a","device_product":"b","device_version":"c","signature_id":"d","name":"e","severity":"5","extensions":{"src":"10.0.0.1"}},"error":{"offset":37,"reason":"malformed extension"},"raw":"<134>1 - h - - - - CEF:0|a|b|c|d|e|5|foo =bar src=10.0.0.1"}`},
		{"a message that only mentions CEF", cefsyslog.Parser{},
			`<134>1 - h - - - - not CEF:0|a`,
			`{"format":"rfc5424","syslog":{"priority":134,"facility":16,"severity":6,"version":1,"hostname":"h","message":"not CEF:0|a"}}`},
		// The contract's RFC 3164 cases.
		{"rfc3164 without a header", cefsyslog.Parser{},
			`just some text from a device`,
			`{"format":"rfc3164","syslog":{"message":"just some text from a device"}}`},
		{"rfc3164 bad pri 192", cefsyslog.Parser{}, `<192>Oct 11 22:14:15 host app: x`,
			`{"format":"rfc3164","syslog":{"message":"<192>Oct 11 22:14:15 host app: x"},"error":{"offset":1,"reason":"invalid priority"},"raw":"<192>Oct 11 22:14:15 host app: x"}`},
		{"rfc3164 bad pri letters", cefsyslog.Parser{}, `<abc>x`,
			`{"format":"rfc3164","syslog":{"message":"<abc>x"},"error":{"offset":1,"reason":"invalid priority"},"raw":"<abc>x"}`},
		{"rfc3164 bad pri negative", cefsyslog.Parser{}, `<-1>x`,
			`{"format":"rfc3164","syslog":{"message":"<-1>x"},"error":{"offset":1,"reason":"invalid priority"},"raw":"<-1>x"}`},
		{"rfc3164 bad pri empty", cefsyslog.Parser{}, `<>x`,
			`{"format":"rfc3164","syslog":{"message":"<>x"},"error":{"offset":1,"reason":"invalid priority"},"raw":"<>x"}`},
		{"rfc3164 tag and message", cefsyslog.Parser{Year: 2025}, `<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed`,
			`{"format":"rfc3164","syslog":{"priority":34,"facility":4,"severity":2,"timestamp":"2025-10-11T22:14:15Z","hostname":"mymachine","app_name":"su","proc_id":"123","message":"'su root' failed"}}`},
		{"rfc3164 first word without colon is message", cefsyslog.Parser{Year: 2025}, `Oct 11 22:14:15 host manager started`,
			`{"format":"rfc3164","syslog":{"timestamp":"2025-10-11T22:14:15Z","hostname":"host","message":"manager started"}}`},
		{"rfc3164 host CEF: 0.0", cefsyslog.Parser{Year: 2025}, `May 17 23:59:28 TestHost CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|`,
			`{"format":"rfc3164","syslog":{"timestamp":"2025-05-17T23:59:28Z","hostname":"TestHost","message":"CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|"},"cef":{"version":0,"device_vendor":"Microsoft","device_product":"Microsoft Azure Stack Hub","device_version":"1.0","signature_id":"1000","name":"PEP","severity":"5","extensions":{}},"azurestack":{"kind":"unknown","level":"warning"}}`},
		{"azure stack hub documented line", cefsyslog.Parser{}, `2018:05:17:-23:59:28 -07:00 TestHost CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: User Account Created|10`,
			`{"format":"rfc3164","syslog":{"timestamp":"2018-05-17T23:59:28-07:00","hostname":"TestHost","message":"CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|3|TITLE: User Account Created|10"},"cef":{"version":0,"device_vendor":"Microsoft","device_product":"Microsoft Azure Stack Hub","device_version":"1.0","signature_id":"3","name":"TITLE: User Account Created","severity":"10","extensions":{}},"azurestack":{"kind":"unknown","level":"critical"}}`},
		{"rfc3164 a given year is used as is, with no rollback", cefsyslog.Parser{Year: 2026, Now: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, `Dec 31 23:59:59 h a: x`,
			`{"format":"rfc3164","syslog":{"timestamp":"2026-12-31T23:59:59Z","hostname":"h","app_name":"a","message":"x"}}`},
		{"rfc3164 default year rolls back", cefsyslog.Parser{Now: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}, `Dec 31 23:59:59 h a: x`,
			`{"format":"rfc3164","syslog":{"timestamp":"2025-12-31T23:59:59Z","hostname":"h","app_name":"a","message":"x"}}`},
		{"rfc3164 Feb 29 without a year takes the last leap year", cefsyslog.Parser{Now: time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)}, `Feb 29 10:00:00 h a: x`,
			`{"format":"rfc3164","syslog":{"timestamp":"2024-02-29T10:00:00Z","hostname":"h","app_name":"a","message":"x"}}`},
		{"rfc3164 year in the stamp wins", cefsyslog.Parser{Year: 2030}, `Jul 16 2020 02:15:13 h a: x`,
			`{"format":"rfc3164","syslog":{"timestamp":"2020-07-16T02:15:13Z","hostname":"h","app_name":"a","message":"x"}}`},
		{"control characters escaped", cefsyslog.Parser{},
			"<13>1 - - - - - - tab\there \"quoted\" back\\slash \x01 \u2028",
			`{"format":"rfc5424","syslog":{"priority":13,"facility":1,"severity":5,"version":1,"message":"tab\there \"quoted\" back\\slash \u0001 \u2028"}}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := tt.p.Parse([]byte(tt.in))
			got := string(rec.AppendJSON(nil))
			if got != tt.want {
				t.Errorf("JSON:\n got %s\nwant %s", got, tt.want)
			}
			if (err != nil) != strings.Contains(tt.want, `"error"`) {
				t.Errorf("err = %v", err)
			}
			if !json.Valid([]byte(got)) {
				t.Error("not valid JSON")
			}
			viaMarshal, _ := json.Marshal(rec)
			var a, b any
			json.Unmarshal(viaMarshal, &a)
			json.Unmarshal([]byte(got), &b)
			if ja, jb := mustJSON(a), mustJSON(b); ja != jb {
				t.Errorf("json.Marshal and AppendJSON differ:\n%s\n%s", ja, jb)
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestSyslogJSONMatchesPackage checks that the root record's syslog object
// is exactly what rfc5424.Message marshals to.
func TestSyslogJSONMatchesPackage(t *testing.T) {
	in := []byte(`<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 ID [a x="1" x="\"2\""][b] msg`)
	rec, _ := cefsyslog.Parse(in)
	m, _ := rfc5424.Parse(in)
	got, _ := rec.Syslog.MarshalJSON()
	want, _ := m.MarshalJSON()
	if string(got) != string(want) {
		t.Errorf("root:\n%s\nrfc5424:\n%s", got, want)
	}
}

func TestErrorsThroughRecord(t *testing.T) {
	rec, err := cefsyslog.Parse([]byte("<13>1 2003-13-01T00:00:00Z h a - - -"))
	if err == nil || error(rec.Err) != err {
		t.Fatalf("err %v, rec.Err %v", err, rec.Err)
	}
	if !errors.Is(err, rfc5424.ErrTimestamp) {
		t.Errorf("errors.Is(err, rfc5424.ErrTimestamp) is false for %v", err)
	}
	pe, ok := errors.AsType[*rfc5424.ParseError](err)
	if !ok || pe.Field != "TIMESTAMP" || pe.Offset != 11 {
		t.Errorf("errors.As: %v, %v", pe, ok)
	}
	root, ok := errors.AsType[*cefsyslog.ParseError](err)
	if !ok || root.Offset != 11 || root.Reason != "invalid timestamp" || root.Format != cefsyslog.RFC5424 {
		t.Errorf("root error: %+v", root)
	}
	if got := err.Error(); got != "rfc5424 at offset 11: invalid timestamp" {
		t.Errorf("Error() = %q", got)
	}

	_, err = (&cefsyslog.Parser{MaxLen: 5}).Parse([]byte("<13>1 - - - - - -"))
	if !errors.Is(err, cefsyslog.ErrTooLong) {
		t.Errorf("too long: %v", err)
	}

	rec, err = cefsyslog.Parse([]byte("<13>1 - h - - - - CEF:0|a|b|c|d|e|5|foo =bar"))
	if !errors.Is(err, cef.ErrMalformedExtension) || rec.Err.Format != cefsyslog.CEF || rec.Format != cefsyslog.RFC5424 {
		t.Errorf("cef error in a syslog record: %v, %+v", err, rec.Err)
	}
	if pe, ok := errors.AsType[*cef.ParseError](err); !ok || pe.Offset != 18 {
		t.Errorf("the cef package's error keeps its own offset in MSG: %v", pe)
	}
}

func TestFormatText(t *testing.T) {
	for f := cefsyslog.Auto; f <= cefsyslog.CEF; f++ {
		b, err := f.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back cefsyslog.Format
		if err := back.UnmarshalText(b); err != nil || back != f {
			t.Errorf("%v round trip: %v, %v", f, back, err)
		}
	}
	var f cefsyslog.Format
	if err := f.UnmarshalText([]byte("xml")); err == nil {
		t.Error("unknown format accepted")
	}
	if s := cefsyslog.Format(9).String(); s != "Format(9)" {
		t.Errorf("String of an unknown format = %q", s)
	}
	if _, err := cefsyslog.Format(9).MarshalText(); err == nil {
		t.Error("unknown format marshals")
	}
}

func TestLocation(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		t.Skip(err)
	}
	// The contract's example: the zone the stamp was written in.
	rec, _ := (&cefsyslog.Parser{Year: 2025, Location: tokyo}).Parse([]byte("Oct 11 22:14:15 host app: x"))
	if got := rec.Syslog.Timestamp.Format(time.RFC3339); got != "2025-10-11T22:14:15+09:00" {
		t.Errorf("got %s", got)
	}
}

// TestCharset reads real Shift_JIS bytes: "ログイン失敗" (login failed).
func TestCharset(t *testing.T) {
	sjis, err := cefsyslog.LookupCharset("Shift_JIS")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"shift_jis", "EUC-JP", "ISO-2022-JP", "windows-1252", "GB18030", "utf-8"} {
		if _, err := cefsyslog.LookupCharset(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := cefsyslog.LookupCharset("klingon"); err == nil {
		t.Error("unknown charset found")
	}
	p := cefsyslog.Parser{Charset: sjis, Year: 2025}
	msg := []byte("<13>Oct 11 22:14:15 fw01 auth: \x83\x8d\x83\x4f\x83\x43\x83\x93\x8e\xb8\x94\x73")
	rec, err := p.Parse(msg)
	if err != nil || rec.Syslog.Message != "ログイン失敗" || rec.Raw != "<13>Oct 11 22:14:15 fw01 auth: ログイン失敗" {
		t.Errorf("decoded: %q %v", rec.Syslog.Message, err)
	}
	// A byte Shift_JIS has no character for: kept, reported, exact bytes
	// in raw_base64.
	bad := []byte("<13>Oct 11 22:14:15 fw01 auth: \x83\x8d\xa0\xff")
	rec, err = p.Parse(bad)
	if !errors.Is(err, cefsyslog.ErrCharset) || rec.Undecoded != string(bad) {
		t.Errorf("undecodable: %v, %q", err, rec.Undecoded)
	}
	if j := string(rec.AppendJSON(nil)); !strings.Contains(j, `"raw_base64":"PDEzPk9jdCAxMSAyMjoxNDoxNSBmdzAxIGF1dGg6IIONoP8="`) {
		t.Errorf("JSON: %s", j)
	}
}

// FuzzDetect checks auto-detection: Parse under Auto gives exactly what
// Parse with the format Detect names gives.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"<13>1 - - - - - -", "<13>Oct 11 22:14:15 h a: x", "CEF:0|a|b|c|d|e|5|x=1", "text", "<999>1 x", "<13>0 x", "", "<", "<1>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, msg []byte) {
		if len(msg) > 4096 {
			return
		}
		now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		auto, autoErr := (&cefsyslog.Parser{Now: now}).Parse(msg)
		direct, directErr := (&cefsyslog.Parser{Now: now, Format: cefsyslog.Detect(msg)}).Parse(msg)
		if a, d := string(auto.AppendJSON(nil)), string(direct.AppendJSON(nil)); a != d || (autoErr == nil) != (directErr == nil) {
			t.Fatalf("auto and direct differ:\n%s\n%s", a, d)
		}
		if auto.Syslog == nil && auto.Format != cefsyslog.CEF {
			t.Fatalf("a %v record without syslog", auto.Format)
		}
		if !json.Valid(auto.AppendJSON(nil)) {
			t.Fatalf("not JSON: %s", auto.AppendJSON(nil))
		}
	})
}

func TestSyslogAccessors(t *testing.T) {
	rec, _ := cefsyslog.Parse([]byte("<165>1 - - - - - -"))
	if rec.Syslog.Facility() != 20 || rec.Syslog.Severity() != 5 {
		t.Errorf("facility %d, severity %d", rec.Syslog.Facility(), rec.Syslog.Severity())
	}
	none := cefsyslog.Syslog{Priority: -1}
	if none.Facility() != -1 || none.Severity() != -1 {
		t.Error("absent priority gives a facility or severity")
	}
}

// TestParserConcurrent shares one Parser between goroutines; run with -race.
func TestParserConcurrent(t *testing.T) {
	p := &cefsyslog.Parser{Lenient: true}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for range 100 {
				rec, err := p.Parse([]byte(`<13>1 2024-01-01T00:00:00.5+05:45 h a - - [x@1 n="` + strings.Repeat("v", i) + `"] m`))
				if err != nil || rec.Syslog.Message != "m" {
					t.Errorf("%v %v", rec, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
