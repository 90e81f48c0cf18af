package rfc5424

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// mark shows where a test expects reading to stop; it is cut from the input
// before parsing, as encoding/csv's tests do with §.
const mark = "¶"

const bomStr = "\xEF\xBB\xBF"

type parseTest struct {
	name    string
	in      string // mark gives the expected error offset
	lenient bool
	want    *Message // nil: fields are not checked
	field   string   // expected ParseError.Field
	err     error    // expected ParseError.Err; nil for success
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

var long = strings.Repeat

// parseTests covers RFC 5424's own examples (§6.5, §6.3.5, §6.2.3.1) and
// each rule of the grammar, valid and invalid.
var parseTests = []parseTest{
	// RFC 5424 §6.5, example 1: no SD, BOM before MSG.
	{
		name: "rfc example 1",
		in:   "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - " + bomStr + "'su root' failed for lonvick on /dev/pts/8",
		want: &Message{Priority: 34, Version: 1, Timestamp: ts("2003-10-11T22:14:15.003Z"), RawTimestamp: "2003-10-11T22:14:15.003Z",
			Hostname: "mymachine.example.com", AppName: "su", MsgID: "ID47", Msg: "'su root' failed for lonvick on /dev/pts/8"},
	},
	// Example 2: an IPv4 address as HOSTNAME, a negative offset, no BOM.
	{
		name: "rfc example 2",
		in:   "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
		want: &Message{Priority: 165, Version: 1, Timestamp: ts("2003-08-24T05:14:15.000003-07:00"), RawTimestamp: "2003-08-24T05:14:15.000003-07:00",
			Hostname: "192.0.2.1", AppName: "myproc", ProcID: "8710", Msg: "%% It's time to make the do-nuts."},
	},
	// Example 3: structured data and a BOM.
	{
		name: "rfc example 3",
		in:   `<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] ` + bomStr + "An application event log entry...",
		want: &Message{Priority: 165, Version: 1, Timestamp: ts("2003-10-11T22:14:15.003Z"), RawTimestamp: "2003-10-11T22:14:15.003Z",
			Hostname: "mymachine.example.com", AppName: "evntslog", MsgID: "ID47",
			StructuredData: []Element{{ID: "exampleSDID@32473", Params: []Param{{"iut", "3"}, {"eventSource", "Application"}, {"eventID", "1011"}}}},
			Msg:            "An application event log entry..."},
	},
	// Example 4: two elements and no MSG.
	{
		name: "rfc example 4",
		in:   `<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]`,
		want: &Message{Priority: 165, Version: 1, Timestamp: ts("2003-10-11T22:14:15.003Z"), RawTimestamp: "2003-10-11T22:14:15.003Z",
			Hostname: "mymachine.example.com", AppName: "evntslog", MsgID: "ID47",
			StructuredData: []Element{
				{ID: "exampleSDID@32473", Params: []Param{{"iut", "3"}, {"eventSource", "Application"}, {"eventID", "1011"}}},
				{ID: "examplePriority@32473", Params: []Param{{"class", "high"}}},
			}},
	},
	// §6.3.5 calls a space between elements invalid SD; read as a whole
	// message, the second element is the start of MSG.
	{
		name: "space between elements starts MSG",
		in:   `<165>1 - h a - - [exampleSDID@32473 iut="3"] [examplePriority@32473 class="high"]`,
		want: &Message{Priority: 165, Version: 1, Hostname: "h", AppName: "a",
			StructuredData: []Element{{ID: "exampleSDID@32473", Params: []Param{{"iut", "3"}}}},
			Msg:            `[examplePriority@32473 class="high"]`},
	},
	{name: "all nil", in: "<14>1 - - - - - -", want: &Message{Priority: 14, Version: 1}},
	{name: "all nil with msg", in: "<14>1 - - - - - - hello", want: &Message{Priority: 14, Version: 1, Msg: "hello"}},
	{name: "empty msg after space", in: "<14>1 - - - - - - ", want: &Message{Priority: 14, Version: 1}},
	{name: "bom only", in: "<14>1 - - - - - - " + bomStr, want: &Message{Priority: 14, Version: 1}},
	{name: "msg keeps spaces", in: "<14>1 - - - - - -   two  spaces ", want: &Message{Priority: 14, Version: 1, Msg: "  two  spaces "}},
	{name: "msg without bom may be any bytes", in: "<14>1 - - - - - - caf\xe9 \x00\xff", want: &Message{Priority: 14, Version: 1, Msg: "caf\xe9 \x00\xff"}},
	{name: "bom then utf-8", in: "<14>1 - - - - - - " + bomStr + "日本語", want: &Message{Priority: 14, Version: 1, Msg: "日本語"}},
	{name: "bom then invalid utf-8", in: "<14>1 - - - - - - " + bomStr + "ok" + mark + "\xff", field: "MSG", err: ErrMsgUTF8},
	{name: "bom then invalid utf-8, lenient", in: "<14>1 - - - - - - " + bomStr + "ok\xff", lenient: true, want: &Message{Priority: 14, Version: 1, Msg: "ok\xff"}},
	{name: "msg dash", in: "<14>1 - - - - - - -", want: &Message{Priority: 14, Version: 1, Msg: "-"}},

	// PRI (§6.2.1).
	{name: "pri 0", in: "<0>1 - - - - - -", want: &Message{Priority: 0, Version: 1}},
	{name: "pri 191", in: "<191>1 - - - - - -", want: &Message{Priority: 191, Version: 1}},
	{name: "pri 192", in: "<" + mark + "192>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri 999", in: "<" + mark + "999>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri leading zero", in: "<" + mark + "034>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri 00", in: "<" + mark + "00>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri four digits", in: "<123" + mark + "4>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri empty", in: "<" + mark + ">1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri letters", in: "<" + mark + "ab>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "pri negative", in: "<" + mark + "-1>1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "no pri", in: mark + "1 - - - - - -", field: "PRI", err: ErrPriority},
	{name: "empty input", in: mark, field: "PRI", err: ErrUnexpectedEnd},
	{name: "pri cut", in: "<13" + mark, field: "PRI", err: ErrUnexpectedEnd},

	// VERSION (§6.2.2).
	{name: "version 999", in: "<13>999 - - - - - -", want: &Message{Priority: 13, Version: 999}},
	{name: "version 1000", in: "<13>100" + mark + "0 - - - - - -", field: "VERSION", err: ErrVersion},
	{name: "version 0", in: "<13>" + mark + "0 - - - - - -", field: "VERSION", err: ErrVersion},
	{name: "version 01", in: "<13>" + mark + "01 - - - - - -", field: "VERSION", err: ErrVersion},
	{name: "version missing", in: "<13>" + mark + " - - - - - -", field: "VERSION", err: ErrVersion},
	{name: "version letter", in: "<13>1" + mark + "a - - - - - -", field: "VERSION", err: ErrVersion},
	{name: "bsd after pri", in: "<13>" + mark + "Oct 11 22:14:15 host su: x", field: "VERSION", err: ErrVersion},
	{name: "cut after version", in: "<13>1" + mark, field: "VERSION", err: ErrUnexpectedEnd,
		want: &Message{Priority: 13}},
	{name: "cut after version space", in: "<13>1 " + mark, field: "TIMESTAMP", err: ErrUnexpectedEnd,
		want: &Message{Priority: 13, Version: 1}},

	// TIMESTAMP (§6.2.3), with the RFC's examples.
	{name: "ts rfc 1", in: "<13>1 1985-04-12T23:20:50.52Z - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("1985-04-12T23:20:50.52Z"), RawTimestamp: "1985-04-12T23:20:50.52Z"}},
	{name: "ts rfc 2", in: "<13>1 1985-04-12T19:20:50.52-04:00 - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("1985-04-12T19:20:50.52-04:00"), RawTimestamp: "1985-04-12T19:20:50.52-04:00"}},
	{name: "ts half hour offset", in: "<13>1 2024-01-01T00:00:00+05:30 - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("2024-01-01T00:00:00+05:30"), RawTimestamp: "2024-01-01T00:00:00+05:30"}},
	{name: "ts no fraction", in: "<13>1 2024-01-01T00:00:00Z - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("2024-01-01T00:00:00Z"), RawTimestamp: "2024-01-01T00:00:00Z"}},
	{name: "ts rfc invalid leap second", in: "<13>1 1990-12-31T23:59:" + mark + "60Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts rfc invalid nine digits", in: "<13>1 2003-08-24T05:14:15.000000" + mark + "003-07:00 - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts seven digits", in: "<13>1 2003-08-24T05:14:15.123456" + mark + "7Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts nine digits, lenient", in: "<13>1 2003-08-24T05:14:15.000000003-07:00 - - - - -", lenient: true,
		want: &Message{Priority: 13, Version: 1, Timestamp: ts("2003-08-24T05:14:15.000000003-07:00"), RawTimestamp: "2003-08-24T05:14:15.000000003-07:00"}},
	{name: "ts twelve digits, lenient", in: "<13>1 2003-08-24T05:14:15.123456789999Z - - - - -", lenient: true,
		want: &Message{Priority: 13, Version: 1, Timestamp: ts("2003-08-24T05:14:15.123456789Z"), RawTimestamp: "2003-08-24T05:14:15.123456789999Z"}},
	{name: "ts lower t", in: "<13>1 2003-08-24" + mark + "t05:14:15Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts lower z", in: "<13>1 2003-08-24T05:14:15" + mark + "z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts lower t and z, lenient", in: "<13>1 2003-08-24t05:14:15z - - - - -", lenient: true,
		want: &Message{Priority: 13, Version: 1, Timestamp: ts("2003-08-24T05:14:15Z"), RawTimestamp: "2003-08-24t05:14:15z"}},
	{name: "ts leap day 2024", in: "<13>1 2024-02-29T00:00:00Z - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("2024-02-29T00:00:00Z"), RawTimestamp: "2024-02-29T00:00:00Z"}},
	{name: "ts leap day 2000", in: "<13>1 2000-02-29T00:00:00Z - - - - -", want: &Message{Priority: 13, Version: 1, Timestamp: ts("2000-02-29T00:00:00Z"), RawTimestamp: "2000-02-29T00:00:00Z"}},
	{name: "ts no leap day 2023", in: "<13>1 2023-02-" + mark + "29T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts no leap day 1900", in: "<13>1 1900-02-" + mark + "29T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts april 31", in: "<13>1 2024-04-" + mark + "31T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts month 13", in: "<13>1 2024-" + mark + "13-01T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts day 0", in: "<13>1 2024-01-" + mark + "00T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts hour 24", in: "<13>1 2024-01-01T" + mark + "24:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts minute 60", in: "<13>1 2024-01-01T00:" + mark + "60:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts no offset", in: "<13>1 2024-01-01T00:00:00" + mark + " - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts offset hour 24", in: "<13>1 2024-01-01T00:00:00+" + mark + "24:00 - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts offset without colon", in: "<13>1 2024-01-01T00:00:00+05" + mark + "30 - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts empty fraction", in: "<13>1 2024-01-01T00:00:00." + mark + "Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts space for T", in: "<13>1 2024-01-01" + mark + " 00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts short year", in: "<13>1 24" + mark + "-01-01T00:00:00Z - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts garbage after", in: "<13>1 2024-01-01T00:00:00Z" + mark + "x - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts dash garbage", in: "<13>1 " + mark + "-x - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts bsd", in: "<13>1 " + mark + "Oct 11 22:14:15 - - - - -", field: "TIMESTAMP", err: ErrTimestamp},
	{name: "ts cut", in: "<13>1 2024-01-0" + mark, field: "TIMESTAMP", err: ErrUnexpectedEnd},

	// HOSTNAME, APP-NAME, PROCID, MSGID (§6.2.4–6.2.7).
	{name: "hostname 255", in: "<13>1 - " + long("h", 255) + " - - - -", want: &Message{Priority: 13, Version: 1, Hostname: long("h", 255)}},
	{name: "hostname 256", in: "<13>1 - " + long("h", 255) + mark + "h - - - -", field: "HOSTNAME", err: ErrHostname},
	{name: "hostname ipv6", in: "<13>1 - 2001:db8::1 - - - -", want: &Message{Priority: 13, Version: 1, Hostname: "2001:db8::1"}},
	{name: "hostname dash prefix", in: "<13>1 - -h - - - -", want: &Message{Priority: 13, Version: 1, Hostname: "-h"}},
	{name: "hostname non-ascii", in: "<13>1 - h" + mark + "\xc3\xa9 - - - -", field: "HOSTNAME", err: ErrHostname},
	{name: "hostname tab", in: "<13>1 - h" + mark + "\tx - - - -", field: "HOSTNAME", err: ErrHostname},
	{name: "hostname DEL", in: "<13>1 - h" + mark + "\x7f - - - -", field: "HOSTNAME", err: ErrHostname},
	{name: "hostname empty", in: "<13>1 - " + mark + " - - - -", field: "HOSTNAME", err: ErrHostname},
	{name: "app 48", in: "<13>1 - - " + long("a", 48) + " - - -", want: &Message{Priority: 13, Version: 1, AppName: long("a", 48)}},
	{name: "app 49", in: "<13>1 - - " + long("a", 48) + mark + "a - - -", field: "APP-NAME", err: ErrAppName},
	{name: "procid 128", in: "<13>1 - - - " + long("p", 128) + " - -", want: &Message{Priority: 13, Version: 1, ProcID: long("p", 128)}},
	{name: "procid 129", in: "<13>1 - - - " + long("p", 128) + mark + "p - -", field: "PROCID", err: ErrProcID},
	{name: "msgid 32", in: "<13>1 - - - - " + long("m", 32) + " -", want: &Message{Priority: 13, Version: 1, MsgID: long("m", 32)}},
	{name: "msgid 33", in: "<13>1 - - - - " + long("m", 32) + mark + "m -", field: "MSGID", err: ErrMsgID},
	{name: "cut after hostname", in: "<13>1 - host" + mark, field: "APP-NAME", err: ErrUnexpectedEnd,
		want: &Message{Priority: 13, Version: 1, Hostname: "host"}},
	{name: "cut after app", in: "<13>1 - host app " + mark, field: "PROCID", err: ErrUnexpectedEnd,
		want: &Message{Priority: 13, Version: 1, Hostname: "host", AppName: "app"}},
	{name: "cut after msgid", in: "<13>1 - host app - ID47" + mark, field: "STRUCTURED-DATA", err: ErrUnexpectedEnd,
		want: &Message{Priority: 13, Version: 1, Hostname: "host", AppName: "app", MsgID: "ID47"}},
	{name: "cut after msgid space", in: "<13>1 - host app - ID47 " + mark, field: "STRUCTURED-DATA", err: ErrUnexpectedEnd},
	{name: "no sd, lenient", in: "<13>1 - host app - ID47", lenient: true,
		want: &Message{Priority: 13, Version: 1, Hostname: "host", AppName: "app", MsgID: "ID47"}},
	{name: "no sd after space, lenient", in: "<13>1 - host app - ID47 ", lenient: true,
		want: &Message{Priority: 13, Version: 1, Hostname: "host", AppName: "app", MsgID: "ID47"}},

	// STRUCTURED-DATA (§6.3).
	{name: "element without params", in: "<13>1 - - - - - [a]", want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a"}}}},
	{name: "empty value", in: `<13>1 - - - - - [a b=""]`, want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", ""}}}}}},
	{name: "escapes", in: `<13>1 - - - - - [a q="say \"hi\"" b="C:\\x" c="a\]b"]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"q", `say "hi"`}, {"b", `C:\x`}, {"c", "a]b"}}}}}},
	{name: "other backslash kept", in: `<13>1 - - - - - [a b="x\ny\t\\"]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", `x\ny\t\`}}}}}},
	{name: "backslash before escaped quote", in: `<13>1 - - - - - [a b="\x\""]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", `\x"`}}}}}},
	{name: "repeated param names", in: `<13>1 - - - - - [x@1 a="1" a="2"]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "x@1", Params: []Param{{"a", "1"}, {"a", "2"}}}}}},
	{name: "utf-8 value", in: `<13>1 - - - - - [a b="日本"]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", "日本"}}}}}},
	{name: "spaces and = in value", in: `<13>1 - - - - - [a b="x = y [z"]`,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", "x = y [z"}}}}}},
	{name: "id 32", in: "<13>1 - - - - - [" + long("i", 32) + "]", want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: long("i", 32)}}}},
	{name: "id 33", in: "<13>1 - - - - - [" + long("i", 32) + mark + "i]", field: "SD-ID", err: ErrElementID},
	{name: "id empty", in: "<13>1 - - - - - [" + mark + "]", field: "SD-ID", err: ErrElementID},
	{name: "id with =", in: "<13>1 - - - - - [a" + mark + "=b]", field: "SD-ID", err: ErrElementID},
	{name: "id with quote", in: "<13>1 - - - - - [a" + mark + "\"]", field: "SD-ID", err: ErrElementID},
	{name: "id non-ascii", in: "<13>1 - - - - - [a" + mark + "\xc3\xa9]", field: "SD-ID", err: ErrElementID},
	{name: "duplicate id", in: "<13>1 - - - - - [a][b][" + mark + "a]", field: "SD-ID", err: ErrDuplicateElement,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a"}, {ID: "b"}}}},
	{name: "duplicate id, lenient", in: `<13>1 - - - - - [a x="1"][a x="2"]`, lenient: true,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"x", "1"}}}, {ID: "a", Params: []Param{{"x", "2"}}}}}},
	{name: "param name 33", in: "<13>1 - - - - - [a " + long("n", 32) + mark + "n=\"\"]", field: "PARAM-NAME", err: ErrParamName},
	{name: "param name empty", in: "<13>1 - - - - - [a " + mark + "=\"\"]", field: "PARAM-NAME", err: ErrParamName},
	{name: "double space before param", in: "<13>1 - - - - - [a " + mark + " b=\"\"]", field: "PARAM-NAME", err: ErrParamName},
	{name: "param without value", in: "<13>1 - - - - - [a b" + mark + "]", field: "PARAM-NAME", err: ErrParamName},
	{name: "value without quotes", in: "<13>1 - - - - - [a b=" + mark + "c]", field: "PARAM-VALUE", err: ErrParamValue},
	{name: "unescaped ] in value", in: "<13>1 - - - - - [a b=\"x" + mark + "]y\"]", field: "PARAM-VALUE", err: ErrParamValue},
	{name: "unescaped ] in value, lenient", in: `<13>1 - - - - - [a b="x]y"]`, lenient: true,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", "x]y"}}}}}},
	{name: "invalid utf-8 in value", in: "<13>1 - - - - - [a b=\"ok" + mark + "\xff\"]", field: "PARAM-VALUE", err: ErrParamValue},
	{name: "invalid utf-8 after a backslash", in: "<13>1 - - - - - [a b=\"x\\" + mark + "\xa9\"]", field: "PARAM-VALUE", err: ErrParamValue},
	{name: "invalid utf-8 in value, lenient", in: "<13>1 - - - - - [a b=\"ok\xff\"]", lenient: true,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", "ok\xff"}}}}}},
	{name: "no space between params", in: "<13>1 - - - - - [a b=\"1\"" + mark + "c=\"2\"]", field: "SD-ELEMENT", err: ErrStructuredData,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a", Params: []Param{{"b", "1"}}}}}},
	{name: "element not closed", in: "<13>1 - - - - - [a b=\"1\"" + mark, field: "SD-ELEMENT", err: ErrUnexpectedEnd},
	{name: "value not closed", in: "<13>1 - - - - - [a b=\"1 x" + mark, field: "PARAM-VALUE", err: ErrUnexpectedEnd},
	// The quote is escaped, so the value is still open when ']' comes.
	{name: "value ends in escaped quote", in: `<13>1 - - - - - [a b="1\"` + mark + `]`, field: "PARAM-VALUE", err: ErrParamValue},
	{name: "value ends in escaped quote, lenient", in: `<13>1 - - - - - [a b="1\"]` + mark, lenient: true, field: "PARAM-VALUE", err: ErrUnexpectedEnd},
	{name: "id not closed", in: "<13>1 - - - - - [abc" + mark, field: "SD-ID", err: ErrUnexpectedEnd},
	{name: "sd neither dash nor bracket", in: "<13>1 - - - - - " + mark + "hello", field: "STRUCTURED-DATA", err: ErrStructuredData},
	{name: "dash then text", in: "<13>1 - - - - - -" + mark + "hello", field: "STRUCTURED-DATA", err: ErrStructuredData},
	{name: "dash then text, lenient", in: "<13>1 - - - - - -" + mark + "hello", lenient: true, field: "STRUCTURED-DATA", err: ErrStructuredData},
	{name: "no space before msg", in: "<13>1 - - - - - [a]" + mark + "hello", field: "STRUCTURED-DATA", err: ErrStructuredData,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a"}}}},
	{name: "no space before msg, lenient", in: "<13>1 - - - - - [a]hello", lenient: true,
		want: &Message{Priority: 13, Version: 1, StructuredData: []Element{{ID: "a"}}, Msg: "hello"}},
	{name: "64 elements", in: "<13>1 - - - - - " + elements(64), want: &Message{Priority: 13, Version: 1, StructuredData: elementList(64)}},
	{name: "65 elements", in: "<13>1 - - - - - " + elements(64) + mark + "[e64]", field: "SD-ELEMENT", err: ErrTooManyElements},
}

// elements returns n SD elements [e0][e1]...
func elements(n int) string {
	var b strings.Builder
	for _, e := range elementList(n) {
		b.WriteString("[" + e.ID + "]")
	}
	return b.String()
}

func elementList(n int) []Element {
	es := make([]Element, n)
	for i := range es {
		es[i].ID = "e" + itoa(i)
	}
	return es
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			in, wantOff := cutMark(tt.in)
			m, err := Options{Lenient: tt.lenient}.Parse([]byte(in))
			if m == nil {
				t.Fatal("Parse returned a nil message")
			}
			checkError(t, in, err, wantOff, tt.field, tt.err)
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, m); diff != "" {
					t.Errorf("Parse(%q) mismatch (-want +got):\n%s", in, diff)
				}
			}
		})
	}
}

// cutMark removes mark from s and returns where it was, or -1.
func cutMark(s string) (string, int) {
	i := strings.Index(s, mark)
	if i < 0 {
		return s, -1
	}
	return s[:i] + s[i+len(mark):], i
}

func checkError(t *testing.T, in string, err error, wantOff int, wantField string, wantErr error) {
	t.Helper()
	if wantErr == nil {
		if err != nil {
			t.Fatalf("Parse(%q): unexpected error %v", in, err)
		}
		return
	}
	pe, ok := errors.AsType[*ParseError](err)
	if !ok {
		t.Fatalf("Parse(%q) error = %v, want a *ParseError", in, err)
	}
	if !errors.Is(err, wantErr) {
		t.Errorf("Parse(%q) error = %v, want %v", in, pe.Err, wantErr)
	}
	if pe.Field != wantField {
		t.Errorf("Parse(%q) error field = %s, want %s", in, pe.Field, wantField)
	}
	if wantOff >= 0 && pe.Offset != wantOff {
		t.Errorf("Parse(%q) error offset = %d, want %d (%v)", in, pe.Offset, wantOff, err)
	}
	if string(pe.Input) != in {
		t.Errorf("ParseError.Input = %q, want the whole input %q", pe.Input, in)
	}
}

func TestParseTooLong(t *testing.T) {
	in := []byte("<13>1 - - - - - - " + long("x", 100))
	_, err := Options{MaxLen: 50}.Parse(in)
	checkError(t, string(in), err, 50, "SYSLOG-MSG", ErrTooLong)
	if _, err := (Options{MaxLen: len(in)}).Parse(in); err != nil {
		t.Errorf("message of exactly MaxLen bytes: %v", err)
	}
}

func TestParseTooManyParams(t *testing.T) {
	in := `<13>1 - - - - - [a x="1" y="2"][b z="3"]`
	m, err := Options{MaxParams: 2}.Parse([]byte(in))
	checkError(t, in, err, strings.Index(in, "[b ")+3, "SD-PARAM", ErrTooManyParams)
	want := []Element{{ID: "a", Params: []Param{{"x", "1"}, {"y", "2"}}}, {ID: "b"}}
	if diff := cmp.Diff(want, m.StructuredData); diff != "" {
		t.Errorf("partial structured data (-want +got):\n%s", diff)
	}
	if _, err := (Options{MaxParams: 3}).Parse([]byte(in)); err != nil {
		t.Errorf("exactly MaxParams params: %v", err)
	}
}

// TestParseOwnsItsData checks that a Message shares no memory with the
// bytes it was parsed from.
func TestParseOwnsItsData(t *testing.T) {
	in := []byte(`<165>1 2003-10-11T22:14:15.003Z host app 42 ID [a b="c\"d"] msg`)
	orig := string(in)
	m, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	// Escapes are resolved in Parse's copy, never in the caller's bytes.
	if string(in) != orig {
		t.Errorf("Parse changed its input to %q", in)
	}
	want := *m
	want.StructuredData = []Element{{ID: "a", Params: []Param{{"b", `c"d`}}}}
	for i := range in {
		in[i] = 'X'
	}
	if diff := cmp.Diff(&want, m); diff != "" {
		t.Errorf("message changed with its input (-want +got):\n%s", diff)
	}
}

// TestParseParamsClipped checks that appending to one element's params
// cannot overwrite the next element's.
func TestParseParamsClipped(t *testing.T) {
	m, err := Parse([]byte(`<13>1 - - - - - [a x="1"][b y="2"]`))
	if err != nil {
		t.Fatal(err)
	}
	_ = append(m.StructuredData[0].Params, Param{"z", "3"})
	if got := m.StructuredData[1].Params[0]; got != (Param{"y", "2"}) {
		t.Errorf("second element's param = %v after append to the first", got)
	}
}

// TestPrefixes parses every prefix of valid messages: each must succeed or
// fail with an offset inside the prefix, and never panic.
func TestPrefixes(t *testing.T) {
	for _, tt := range parseTests {
		if tt.err != nil {
			continue
		}
		in, _ := cutMark(tt.in)
		for n := range len(in) {
			p := []byte(in[:n])
			m, err := Options{Lenient: tt.lenient}.Parse(p)
			if err == nil {
				continue
			}
			pe, ok := errors.AsType[*ParseError](err)
			if !ok || pe.Offset < 0 || pe.Offset > n {
				t.Fatalf("Parse(%q) = %v, want a *ParseError inside the input", p, err)
			}
			if m == nil {
				t.Fatalf("Parse(%q) returned a nil message", p)
			}
		}
	}
}

func TestAccessors(t *testing.T) {
	m, err := Parse([]byte(`<165>1 - - - - - [a x="1" y="2"][b z="3" z="4"]`))
	if err != nil {
		t.Fatal(err)
	}
	if m.Facility() != 20 || m.Severity() != 5 {
		t.Errorf("Facility, Severity = %d, %d; want 20, 5", m.Facility(), m.Severity())
	}
	e, ok := m.Element("b")
	if !ok || e.ID != "b" {
		t.Fatalf("Element(b) = %v, %v", e, ok)
	}
	if v, ok := e.Value("z"); !ok || v != "3" {
		t.Errorf("Value(z) = %q, %v; want the first, 3", v, ok)
	}
	if _, ok := e.Value("x"); ok {
		t.Error("Value(x) found a param of another element")
	}
	if _, ok := m.Element("c"); ok {
		t.Error("Element(c) found an element that is not there")
	}
	var none Message
	none.Priority = -1
	if none.Facility() != -1 || none.Severity() != -1 {
		t.Errorf("no priority: Facility, Severity = %d, %d; want -1, -1", none.Facility(), none.Severity())
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := Parse([]byte("<165>1 2003-13-11T22:14:15.003Z host app - - -"))
	want := `rfc5424: TIMESTAMP at offset 12: invalid timestamp (near "<165>1 2003-13-11T22:14:"...)`
	if err == nil || err.Error() != want {
		t.Errorf("error text:\n got %v\nwant %s", err, want)
	}
}
