package rfc5424_test

import (
	"errors"
	"fmt"

	"github.com/cefsyslog/cefsyslog/rfc5424"
)

func ExampleScanner() {
	msg := []byte(`<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" path="C:\\Temp"][origin ip="192.0.2.1"] An application event log entry`)
	var s rfc5424.Scanner // reuse one Scanner for every message
	if err := s.Reset(msg); err != nil {
		fmt.Println(err)
		return
	}
	h := s.Header()
	fmt.Printf("%s %s severity=%d\n", h.Hostname, h.AppName, h.Severity())
	var v []byte // one buffer for every unescaped value
	for s.NextElement() {
		for s.NextParam() {
			v = s.AppendParamValue(v[:0])
			fmt.Printf("%s %s=%s\n", s.ElementID(), s.ParamName(), v)
		}
	}
	fmt.Printf("%s\n", s.Message())
	if err := s.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// mymachine.example.com evntslog severity=5
	// exampleSDID@32473 iut=3
	// exampleSDID@32473 path=C:\Temp
	// origin ip=192.0.2.1
	// An application event log entry
}

// The iterator forms read like a map walk; check Err after the loops.
func ExampleScanner_Elements() {
	var s rfc5424.Scanner
	s.Reset([]byte(`<13>1 - host app - - [x@1 a="1" a="2"][meta sequenceId="17"] text`))
	for id := range s.Elements() {
		for name, raw := range s.Params() {
			fmt.Printf("%s/%s=%s\n", id, name, raw)
		}
	}
	fmt.Println(s.Err())
	// Output:
	// x@1/a=1
	// x@1/a=2
	// meta/sequenceId=17
	// <nil>
}

// Message may be called right after Reset: it reads the structured data the
// caller skipped, and reports errors found there through Err.
func ExampleScanner_Message() {
	var s rfc5424.Scanner
	for _, msg := range []string{
		`<13>1 - host app - - [a x="1"] first`,
		`<13>1 - host app - - [a x="1"][a y="2"] second`,
	} {
		s.Reset([]byte(msg))
		fmt.Printf("%q %v\n", s.Message(), s.Err())
	}
	// Output:
	// "first" <nil>
	// "" rfc5424: SD-ID at offset 31: duplicate element id (near ..."- [a x=\"1\"][a y=\"2\"] sec"...)
}

func ExampleParse() {
	m, err := rfc5424.Parse([]byte(`<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [meta sequenceId="42"] 'su root' failed for lonvick on /dev/pts/8`))
	if err != nil {
		fmt.Println(err)
		return
	}
	seq, _ := m.StructuredData[0].Value("sequenceId")
	fmt.Println(m.Facility(), m.Severity(), m.Timestamp.UTC().Format("15:04:05.000"), seq)
	fmt.Println(m.Msg)
	// Output:
	// 4 2 22:14:15.003 42
	// 'su root' failed for lonvick on /dev/pts/8
}

// Parse returns what it read before an error together with the error, and
// the error tells where, which field, and why.
func ExampleParseError() {
	m, err := rfc5424.Parse([]byte(`<13>1 2003-10-11T22:14:15.1234567Z host app - - -`))
	fmt.Println(err)
	if pe, ok := errors.AsType[*rfc5424.ParseError](err); ok {
		fmt.Println(pe.Offset, pe.Field, errors.Is(err, rfc5424.ErrTimestamp))
	}
	fmt.Println(m.Priority, m.Version)
	// Output:
	// rfc5424: TIMESTAMP at offset 32: invalid timestamp (near ..."14:15.1234567Z host app "...)
	// 32 TIMESTAMP true
	// 13 1
}

// Lenient mode accepts what real senders get wrong.
func ExampleOptions_Parse() {
	msg := []byte(`<13>1 2003-10-11t22:14:15.123456789z host app - -`)
	_, err := rfc5424.Parse(msg)
	fmt.Println(err != nil)
	m, err := rfc5424.Options{Lenient: true}.Parse(msg)
	fmt.Println(m.Timestamp.Nanosecond(), err)
	// Output:
	// true
	// 123456789 <nil>
}

func ExampleMessage_AppendText() {
	m := rfc5424.Message{
		Priority: 165,
		Hostname: "host.example.com",
		AppName:  "app",
		StructuredData: []rfc5424.Element{
			{ID: "x@32473", Params: []rfc5424.Param{{Name: "path", Value: `C:\Temp "new"`}}},
		},
		Msg: "hello",
	}
	b, err := m.AppendText(nil)
	fmt.Println(string(b), err)
	// Output:
	// <165>1 - host.example.com app - - [x@32473 path="C:\\Temp \"new\""] hello <nil>
}
