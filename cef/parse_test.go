package cef

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mark shows where a test expects the first error; it is cut from the
// input before parsing.
const mark = "¶"

type ext = Extension

type parseTest struct {
	name   string
	in     string // mark gives the first error's offset
	strict bool
	want   *Event // nil: not checked
	errs   []error
}

// hdr builds the Event of a whole header.
func hdr(version, vendor, product, devVersion, sigID, name, severity string, exts ...Extension) *Event {
	major := 0
	if version != "" && version[0] == '1' {
		major = 1
	}
	return &Event{Version: major, RawVersion: version, DeviceVendor: vendor, DeviceProduct: product,
		DeviceVersion: devVersion, SignatureID: sigID, Name: name, Severity: severity, Fields: 7, Extensions: exts}
}

// parseTests holds the spec's own examples, every probe of the reference's
// list of peer failures (p01–p21), and the rules of the package doc.
var parseTests = []parseTest{
	// The standard's examples.
	{name: "spec example", in: `CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|src=10.0.0.1 dst=2.1.2.2 spt=1232`,
		want: hdr("0", "Security", "threatmanager", "1.0", "100", "worm successfully stopped", "10",
			ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "dst", Value: "2.1.2.2"}, ext{Key: "spt", Value: "1232"})},
	{name: "spec pipe in header and extension", in: `CEF:0|security|threatmanager|1.0|100|detected a \| in message|10|src=10.0.0.1 act=blocked a | dst=1.1.1.1`,
		want: hdr("0", "security", "threatmanager", "1.0", "100", "detected a | in message", "10",
			ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "act", Value: "blocked a |"}, ext{Key: "dst", Value: "1.1.1.1"})},
	{name: "spec backslash", in: `CEF:0|security|threatmanager|1.0|100|detected a \\ in packet|10|src=10.0.0.1 act=blocked a \\ dst=1.1.1.1`,
		want: hdr("0", "security", "threatmanager", "1.0", "100", `detected a \ in packet`, "10",
			ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "act", Value: `blocked a \`}, ext{Key: "dst", Value: "1.1.1.1"})},
	{name: "spec equals", in: `CEF:0|security|threatmanager|1.0|100|detected a = in message|10|src=10.0.0.1 act=blocked a \= dst=1.1.1.1`,
		want: hdr("0", "security", "threatmanager", "1.0", "100", "detected a = in message", "10",
			ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "act", Value: "blocked a ="}, ext{Key: "dst", Value: "1.1.1.1"})},
	{name: "spec multi-line", in: `CEF:0|security|threatmanager|1.0|100|Detected a threat. No action needed.|10|src=10.0.0.1 msg=Detected a threat.\n No action needed.\r`,
		want: hdr("0", "security", "threatmanager", "1.0", "100", "Detected a threat. No action needed.", "10",
			ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "msg", Value: "Detected a threat.\n No action needed.\r"})},
	{name: "spec file name with spaces", in: `CEF:0|a|b|1|2|n|3|filePath=/user/username/dir/my file name.txt src=1.2.3.4`,
		want: hdr("0", "a", "b", "1", "2", "n", "3", ext{Key: "filePath", Value: "/user/username/dir/my file name.txt"}, ext{Key: "src", Value: "1.2.3.4"})},

	// Versions.
	{name: "CEF:1 and Very-High (p10)", in: `CEF:1|a|b|1|2|n|Very-High|`, want: hdr("1", "a", "b", "1", "2", "n", "Very-High")},
	{name: "CEF:0.0", in: `CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|`, want: hdr("0.0", "Microsoft", "Microsoft Azure Stack Hub", "1.0", "1000", "PEP", "5")},
	{name: "CEF: 0.0", in: `CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|5|`, want: hdr("0.0", "Microsoft", "Microsoft Azure Stack Hub", "1.0", "1000", "PEP", "5")},
	{name: "CEF:1.2", in: `CEF:1.2|a|b|c|d|e|5|`, want: hdr("1.2", "a", "b", "c", "d", "e", "5")},
	{name: "version letters", in: `CEF:` + mark + `x|a|b|c|d|e|5|`, errs: []error{ErrVersion}},
	{name: "version dot without digits", in: `CEF:0.` + mark + `|a|b|c|d|e|5|`, errs: []error{ErrVersion}},
	{name: "version two dots", in: `CEF:0.0` + mark + `.1|a|b|c|d|e|5|`, errs: []error{ErrVersion}},
	{name: "not cef", in: mark + `LEEF:1.0|a|b|c|d|`, errs: []error{ErrNotCEF}},
	{name: "syslog prefix is not cef (p09)", in: mark + `<134>Sep 19 08:26:10 host CEF:0|a|b|c|d|e|5|`, errs: []error{ErrNotCEF}},
	{name: "empty", in: mark, errs: []error{ErrNotCEF}},
	{name: "only CEF:", in: `CEF:` + mark, errs: []error{ErrVersion}},
	{name: "version without header", in: `CEF:0` + mark, errs: []error{ErrIncompleteHeader}},

	// Header shapes.
	{name: "no trailing pipe (p06)", in: `CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|1000|PEP|10`, want: hdr("0", "Microsoft", "Microsoft Azure Stack Hub", "1.0", "1000", "PEP", "10")},
	{name: "trailing pipe and spaces", in: `CEF:0|a|b|c|d|e|5|   `, want: hdr("0", "a", "b", "c", "d", "e", "5")},
	{name: "empty header fields", in: `CEF:0||||||`, want: hdr("0", "", "", "", "", "", "")},
	{name: "escaped backslash and pipe in header (p17)", in: `CEF:0|security\\|threat\|manager|1.0|100|n|10|`, want: hdr("0", `security\`, "threat|manager", "1.0", "100", "n", "10")},
	{name: "unknown escape in header", in: `CEF:0|a\x|b|c|d|e|5|`,
		want: &Event{RawVersion: "0", DeviceVendor: `a\x`, DeviceProduct: "b", DeviceVersion: "c", SignatureID: "d", Name: "e", Severity: "5", Fields: 7, Flags: FlagUnknownEscape}},
	{name: "unknown escape in header, strict", strict: true, in: `CEF:0|` + mark + `a\x|b|c|d|e|5|`, errs: []error{ErrUnknownEscape}},
	{name: "overlong vendor", in: `CEF:0|` + strings.Repeat("v", 64) + `|b|c|d|e|5|`,
		want: &Event{RawVersion: "0", DeviceVendor: strings.Repeat("v", 64), DeviceProduct: "b", DeviceVersion: "c", SignatureID: "d", Name: "e", Severity: "5", Fields: 7, Flags: FlagTooLong}},
	{name: "63 characters of vendor, multibyte", in: `CEF:0|` + strings.Repeat("é", 63) + `|b|c|d|e|5|`,
		want: hdr("0", strings.Repeat("é", 63), "b", "c", "d", "e", "5")},
	{name: "incomplete header", in: `CEF:0|a|b|c` + mark, errs: []error{ErrIncompleteHeader},
		want: &Event{RawVersion: "0", DeviceVendor: "a", DeviceProduct: "b", DeviceVersion: "c", Fields: 4}},
	{name: "truncated header keeps the extension (p05)", in: `CEF:0|SentinelOne|Mgmt|` + mark + `activityID=1111111111111111111 activityType=3505 siteId=None`,
		errs: []error{ErrIncompleteHeader},
		want: &Event{RawVersion: "0", DeviceVendor: "SentinelOne", DeviceProduct: "Mgmt", Fields: 3, Extensions: []Extension{
			{Key: "activityID", Value: "1111111111111111111"}, {Key: "activityType", Value: "3505"}, {Key: "siteId", Value: "None"}}}},
	{name: "truncated header, strict", strict: true, in: `CEF:0|SentinelOne|Mgmt|activityID=1 x=2` + mark, errs: []error{ErrIncompleteHeader}},
	{name: "severity Information kept", in: `CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|Alert|Title|Information|`, want: hdr("0", "Microsoft", "Microsoft Azure Stack Hub", "1.0", "Alert", "Title", "Information")},
	{name: "severity with a space kept", in: `CEF:0|a|b|c|d|e|Very High|src=1.2.3.4`, want: hdr("0", "a", "b", "c", "d", "e", "Very High", ext{Key: "src", Value: "1.2.3.4"})},

	// Extension spaces and values.
	{name: "spec trailing spaces (p01)", in: `CEF:0|a|b|c|d|e|5|msg=padded   src=10.0.0.1  dst=10.0.0.2`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: "padded  "}, ext{Key: "src", Value: "10.0.0.1 "}, ext{Key: "dst", Value: "10.0.0.2"})},
	{name: "final value white space (p02)", in: "CEF:0|a|b|c|d|e|5|src=10.0.0.1 msg=final \t \r\n",
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "msg", Value: "final"})},
	{name: "leading spaces before the first key", in: `CEF:0|a|b|c|d|e|5|   src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "1.2.3.4"})},
	{name: "empty values (p07)", in: `CEF:0|a|b|c|d|e|5|dvc= src=1.2.3.4 dst=`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "dvc", Value: ""}, ext{Key: "src", Value: "1.2.3.4"}, ext{Key: "dst", Value: ""})},
	{name: "leading space in a value", in: `CEF:0|a|b|c|d|e|5|msg= x src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: " x"}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "unescaped equals in url (p03)", in: `CEF:0|a|b|c|d|e|5|request=https://foo.com?id=foo&a=bar src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "request", Value: "https://foo.com?id=foo&a=bar", Flags: FlagUnescapedEquals}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "unescaped equals in quoted url (p16)", in: `CEF:0|a|b|c|d|e|5|request="https://foo.com?id=foo&a=bar"`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "request", Value: `"https://foo.com?id=foo&a=bar"`, Flags: FlagUnescapedEquals})},
	{name: "unescaped equals in a DN", in: `CEF:0|a|b|c|d|e|5|msg=subject=/C=US/O=Corp src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: "subject=/C=US/O=Corp", Flags: FlagUnescapedEquals}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "unescaped equals, strict", strict: true, in: `CEF:0|a|b|c|d|e|5|request=https://foo.com?id` + mark + `=foo src=1.2.3.4`, errs: []error{ErrUnescapedEquals}},
	{name: "backslash-pipe in extension (p04)", in: `CEF:0|a|b|c|d|e|5|moo=a\|b src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "moo", Value: `a\|b`, Flags: FlagUnknownEscape}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "windows path and tab escape (p12)", in: `CEF:0|a|b|c|d|e|5|filePath=C:\Windows\system32 msg=tab\there`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "filePath", Value: `C:\Windows\system32`, Flags: FlagUnknownEscape}, ext{Key: "msg", Value: `tab\there`, Flags: FlagUnknownEscape})},
	{name: "lone trailing backslash", in: `CEF:0|a|b|c|d|e|5|msg=end\`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: `end\`, Flags: FlagUnknownEscape})},
	{name: "unknown escape, strict", strict: true, in: `CEF:0|a|b|c|d|e|5|filePath=C:` + mark + `\Windows`, errs: []error{ErrUnknownEscape}},
	{name: "odd keys (p08)", in: `CEF:0|a|b|c|d|e|5|ad.EventRecordID=1 _cefVer=0.1 ad.field[0]=x ad.Error_,Code=5 src=1.2.3.4`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "ad.EventRecordID", Value: "1"}, ext{Key: "_cefVer", Value: "0.1"},
			ext{Key: "ad.field[0]", Value: "x"}, ext{Key: "ad.Error_,Code", Value: "5"}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "hyphenated key (p11)", in: `CEF:0|a|b|c|d|e|5|src=10.0.0.1 Pan-OSConfigVersion=10.2`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "Pan-OSConfigVersion", Value: "10.2"})},
	{name: "space before equals (p13)", in: `CEF:0|a|b|c|d|e|5|` + mark + `foo =bar src=10.0.0.1`, errs: []error{ErrMalformedExtension},
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "10.0.0.1"})},
	// An '=' with no key before it is not a pair: it stays in the value.
	{name: "keyless equals in the middle", in: `CEF:0|a|b|c|d|e|5|src=10.0.0.1 dst=10.0.0.2  =x spt=1`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "10.0.0.1"}, ext{Key: "dst", Value: "10.0.0.2  =x", Flags: FlagUnescapedEquals}, ext{Key: "spt", Value: "1"})},
	{name: "malformed, strict", strict: true, in: `CEF:0|a|b|c|d|e|5|` + mark + `foo =bar src=10.0.0.1`, errs: []error{ErrMalformedExtension}},
	{name: "tab before key is not a separator (p14)", in: "CEF:0|a|b|c|d|e|5|msg=Tab\tsrc=127.0.0.1",
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: "Tab\tsrc=127.0.0.1", Flags: FlagUnescapedEquals})},
	{name: "raw newline inside a value (p15)", in: "CEF:0|a|b|c|d|e|5|msg=line one\nline two src=1.2.3.4",
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: "line one\nline two"}, ext{Key: "src", Value: "1.2.3.4"})},
	{name: "not utf-8 kept (p19)", in: "CEF:0|a|b|c|d|e|5|msg=caf\xe9 \xff",
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "msg", Value: "caf\xe9 \xff"})},
	{name: "typed values that do not fit stay strings (p20)", in: `CEF:0|a|b|c|d|e|5|src=not-an-ip spt=99999999999 rt=2024-07-04T09:03:48Z`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "not-an-ip"}, ext{Key: "spt", Value: "99999999999"}, ext{Key: "rt", Value: "2024-07-04T09:03:48Z"})},
	{name: "duplicate keys kept (p21)", in: `CEF:0|a|b|c|d|e|5|src=1.1.1.1 src=2.2.2.2`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "src", Value: "1.1.1.1"}, ext{Key: "src", Value: "2.2.2.2"})},
	{name: "escaped equals then a key", in: `CEF:0|a|b|c|d|e|5|a=x\= b=y`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "a", Value: "x="}, ext{Key: "b", Value: "y"})},
	{name: "escaped backslash before equals", in: `CEF:0|a|b|c|d|e|5|a=x\\= b=y`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "a", Value: `x\=`, Flags: FlagUnescapedEquals}, ext{Key: "b", Value: "y"})},
	{name: "escaped newline after escaped backslash", in: `CEF:0|a|b|c|d|e|5|a=x\\\n`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "a", Value: "x\\\n"})},
	{name: "json value is split at key-shaped tokens", in: `CEF:0|a|b|c|d|e|5|x={"a":"b c=d"}`,
		want: hdr("0", "a", "b", "c", "d", "e", "5", ext{Key: "x", Value: `{"a":"b`}, ext{Key: "c", Value: `d"}`})},
	{name: "azure stack pep (constructed)", in: `CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`,
		want: hdr("0", "Microsoft", "Microsoft Azure Stack Hub", "1.0", "Microsoft-AzureStack-PrivilegedEndpoint: 1000", "PrivilegedEndpointAccessedEvent", "5",
			ext{Key: "Who", Value: `CONTOSO\cloudadmin`}, ext{Key: "WhichIP", Value: "10.0.0.5"})},
	{name: "mcas siem agent (constructed from Microsoft's documented format)", in: `CEF:0|MCAS|SIEM_Agent|0.111.85|EVENT_CATEGORY_UPLOAD_FILE|Upload file|0|externalId=AV26-TQ7MjvMx rt=1556019296000 start=1556019296000 end=1556019296000 msg=Upload file: passwords.txt suser=admin@contoso.com destinationServiceName=Google Drive dvc= requestClientApplication= cs1Label=portalURL cs1=https://portal.cloudappsecurity.com/#/audits?auditEntity.id\=AV26-TQ7MjvMx`,
		want: hdr("0", "MCAS", "SIEM_Agent", "0.111.85", "EVENT_CATEGORY_UPLOAD_FILE", "Upload file", "0",
			ext{Key: "externalId", Value: "AV26-TQ7MjvMx"}, ext{Key: "rt", Value: "1556019296000"}, ext{Key: "start", Value: "1556019296000"}, ext{Key: "end", Value: "1556019296000"},
			ext{Key: "msg", Value: "Upload file: passwords.txt"}, ext{Key: "suser", Value: "admin@contoso.com"}, ext{Key: "destinationServiceName", Value: "Google Drive"},
			ext{Key: "dvc", Value: ""}, ext{Key: "requestClientApplication", Value: ""}, ext{Key: "cs1Label", Value: "portalURL"},
			ext{Key: "cs1", Value: "https://portal.cloudappsecurity.com/#/audits?auditEntity.id=AV26-TQ7MjvMx"})},
	{name: "edr event (constructed)", in: `CEF:0|CrowdStrike|FalconHost|1.0|DetectionSummaryEvent|Malicious Activity|High|cat=Detection duser=CORP\\jdoe shost=WS-0142 fname=evil.exe filePath=C:\\Users\\jdoe\\Downloads fileHash=2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae act=Quarantine`,
		want: hdr("0", "CrowdStrike", "FalconHost", "1.0", "DetectionSummaryEvent", "Malicious Activity", "High",
			ext{Key: "cat", Value: "Detection"}, ext{Key: "duser", Value: `CORP\jdoe`}, ext{Key: "shost", Value: "WS-0142"}, ext{Key: "fname", Value: "evil.exe"},
			ext{Key: "filePath", Value: `C:\Users\jdoe\Downloads`}, ext{Key: "fileHash", Value: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}, ext{Key: "act", Value: "Quarantine"})},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			in, off := cutMark(tt.in)
			e, err := Options{Strict: tt.strict}.Parse([]byte(in))
			if e == nil {
				t.Fatal("nil event")
			}
			checkErrs(t, in, err, off, tt.errs)
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, e); diff != "" {
					t.Errorf("Parse(%q) (-want +got):\n%s", in, diff)
				}
			}
		})
	}
}

func cutMark(s string) (string, int) {
	i := strings.Index(s, mark)
	if i < 0 {
		return s, -1
	}
	return s[:i] + s[i+len(mark):], i
}

func checkErrs(t *testing.T, in string, err error, off int, want []error) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		return
	}
	for _, w := range want {
		if !errors.Is(err, w) {
			t.Errorf("Parse(%q) error %v, want %v", in, err, w)
		}
	}
	pe, ok := errors.AsType[*ParseError](err)
	if !ok {
		t.Fatalf("Parse(%q) error %v is not a *ParseError", in, err)
	}
	if off >= 0 && pe.Offset != off {
		t.Errorf("Parse(%q) error offset %d, want %d (%v)", in, pe.Offset, off, pe)
	}
	if string(pe.Input) != in {
		t.Errorf("error input %q", pe.Input)
	}
}

func TestSeverityRecognised(t *testing.T) {
	for _, s := range []string{"0", "5", "9", "10", "Unknown", "low", "MEDIUM", "High", "very-high", "Very-High"} {
		if !SeverityRecognised(s) {
			t.Errorf("%q not recognised", s)
		}
	}
	for _, s := range []string{"", "11", "-1", "01", "Information", "Very High", "Critical", "5 "} {
		if SeverityRecognised(s) {
			t.Errorf("%q recognised", s)
		}
	}
}

func TestGetLastAndCustomFields(t *testing.T) {
	e, err := Parse([]byte(`CEF:0|a|b|c|d|e|5|src=1.1.1.1 cs1Label=Rule cs1=allow-web cn2=7 src=2.2.2.2 cs3=orphan flexString1Label=Tag`))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := e.Get("src"); !ok || v != "2.2.2.2" {
		t.Errorf("Get(src) = %q, %v; want the last", v, ok)
	}
	if _, ok := e.Get("SRC"); ok {
		t.Error("Get ignores case")
	}
	var got []CustomField
	for c := range e.CustomFields() {
		got = append(got, c)
	}
	want := []CustomField{{"cs1", "Rule", "allow-web"}, {"cs3", "", "orphan"}, {"cn2", "", "7"}, {"flexString1", "Tag", ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("custom fields (-want +got):\n%s", diff)
	}
}

func TestParseMaxExtensions(t *testing.T) {
	in := `CEF:0|a|b|c|d|e|5|a=1 b=2 c=3`
	e, err := Options{MaxExtensions: 2}.Parse([]byte(in))
	if !errors.Is(err, ErrTooManyExtensions) || len(e.Extensions) != 2 {
		t.Errorf("%v, %d pairs", err, len(e.Extensions))
	}
	if _, err := (Options{MaxExtensions: 3}).Parse([]byte(in)); err != nil {
		t.Error(err)
	}
	_, err = Options{MaxLen: 10}.Parse([]byte(in))
	if !errors.Is(err, ErrTooLong) {
		t.Errorf("MaxLen: %v", err)
	}
}

func TestParseSeveralErrors(t *testing.T) {
	in := `CEF:0|a|b|c|d|e|5|foo =bar src=1.2.3.4 dst=5.6.7.8 spt=1`
	o := Options{MaxExtensions: 2}
	e, err := o.Parse([]byte(in))
	s := Scanner{Options: o}
	s.Reset([]byte(in))
	for s.Next() {
	}
	if n := len(s.Errors()); n != 2 {
		t.Fatalf("%d errors, want 2: %v", n, s.Errors())
	}
	if s.Err() != s.Errors()[0] {
		t.Error("Err is not the first error")
	}
	pe, ok := errors.AsType[*ParseError](err)
	if !ok || pe.Offset != strings.Index(in, "foo") {
		t.Errorf("first error %v", pe)
	}
	if len(e.Extensions) != 2 || e.Extensions[1].Value != "5.6.7.8" {
		t.Errorf("pairs around the errors: %+v", e.Extensions)
	}
	if !strings.Contains(err.Error(), "\n") {
		t.Errorf("the joined error does not list both: %v", err)
	}
}

// TestParseOwnsItsData checks that an Event shares no memory with its
// input.
func TestParseOwnsItsData(t *testing.T) {
	in := []byte(`CEF:0|a\|b|c|d|e|f|5|k=v\=w x=y`)
	e, _ := Parse(in)
	want := *e
	want.Extensions = append([]Extension(nil), e.Extensions...)
	for i := range in {
		in[i] = 'X'
	}
	if diff := cmp.Diff(&want, e); diff != "" {
		t.Errorf("event changed with its input:\n%s", diff)
	}
}

func TestErrorText(t *testing.T) {
	_, err := Options{Strict: true}.Parse([]byte(`CEF:0|a|b|c|d|e|5|request=https://x?id=1`))
	want := `cef: Extension (key request) at offset 38: unescaped equals sign in value (near ..."https://x?id=1")`
	if err == nil || err.Error() != want {
		t.Errorf("error text:\n got %v\nwant %s", err, want)
	}
}

// TestPrefixes parses every prefix of the table's inputs: no panic, and
// every error inside its input.
func TestPrefixes(t *testing.T) {
	for _, tt := range parseTests {
		in, _ := cutMark(tt.in)
		for n := range len(in) {
			e, err := Options{Strict: tt.strict}.Parse([]byte(in[:n]))
			if e == nil {
				t.Fatalf("nil event for %q", in[:n])
			}
			if pe, ok := errors.AsType[*ParseError](err); err != nil && (!ok || pe.Offset < 0 || pe.Offset > n) {
				t.Fatalf("Parse(%q): %v", in[:n], err)
			}
		}
	}
}
