package cefsyslog_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/rfc5424"
	"github.com/cefsyslog/cefsyslog/severity"
)

func Example() {
	rec, err := cefsyslog.Parse([]byte(`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] An application event log entry`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rec.Format, rec.Syslog.Hostname, rec.Syslog.Severity())
	fmt.Println(rec.Syslog.Message)
	// Output:
	// rfc5424 mymachine.example.com 5
	// An application event log entry
}

// A record with an error still holds what was read before it, and the raw
// message.
func ExampleParseError() {
	rec, err := cefsyslog.Parse([]byte(`<13>1 2003-10-11T22:14:15Z host app - - [a x="1"][a y="2"] repeated`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, rfc5424.ErrDuplicateElement))
	fmt.Println(rec.Syslog.Hostname, rec.Syslog.StructuredData[0].ID)
	fmt.Println(rec.Raw)
	// Output:
	// rfc5424 at offset 50: duplicate element id
	// true
	// host a
	// <13>1 2003-10-11T22:14:15Z host app - - [a x="1"][a y="2"] repeated
}

func ExampleRecord_AppendJSON() {
	var p cefsyslog.Parser
	var buf []byte // reused for every record
	for _, line := range []string{
		`<14>1 2025-01-15T07:25:36.1+05:30 host app - - - hello`,
		`<14>1 2025-01-15 host app - - - bad stamp`,
	} {
		rec, _ := p.Parse([]byte(line))
		buf = append(rec.AppendJSON(buf[:0]), '\n')
		os.Stdout.Write(buf)
	}
	// Output:
	// {"format":"rfc5424","syslog":{"priority":14,"facility":1,"severity":6,"version":1,"timestamp":"2025-01-15T07:25:36.1+05:30","hostname":"host","app_name":"app","message":"hello"}}
	// {"format":"rfc5424","syslog":{"priority":14,"facility":1,"severity":6,"version":1},"error":{"offset":16,"reason":"invalid timestamp"},"raw":"<14>1 2025-01-15 host app - - - bad stamp"}
}

func ExampleParser() {
	p := cefsyslog.Parser{
		Format:  cefsyslog.RFC5424, // no detection: every message is RFC 5424
		Lenient: true,              // accept nine fraction digits
		MaxLen:  64 << 10,
	}
	rec, err := p.Parse([]byte(`<14>1 2025-01-15T07:25:36.123456789Z host app - - - nanoseconds`))
	fmt.Println(rec.Syslog.Timestamp.Nanosecond(), err)
	// Output:
	// 123456789 <nil>
}

// Records can be filtered as Azure Stack Hub's forwarder filters events
// (Set-SyslogServer -OutputSeverity Default). The events are constructed
// from Microsoft's tables.
func ExampleRecord_Pass() {
	for _, line := range []string{
		`<82>Mar 14 09:40:17 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1006|NewCloudAdminUserEvent|10|Who=CONTOSO\\cloudadmin`,
		`<86>Mar 14 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-GroupPolicy:1501|Group Policy|2|MasLevel=4`,
	} {
		rec, _ := cefsyslog.Parse([]byte(line))
		level, _ := rec.Level()
		fmt.Println(rec.AzureStack.Kind, level, rec.Pass(severity.Default))
	}
	// Output:
	// pep critical true
	// windows information false
}

// Check says whether a message reads in full, and where it does not,
// without building the record.
func ExampleParser_Check() {
	var p cefsyslog.Parser
	for _, line := range []string{
		`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] An application event`,
		`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3] cut`,
	} {
		fmt.Println(p.Check([]byte(line)))
	}
	// Output:
	// <nil>
	// rfc5424 at offset 95: invalid param value
}
