package cef_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/cefsyslog/cefsyslog/cef"
)

func ExampleScanner() {
	rec := []byte(`CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`)
	var s cef.Scanner // reuse one Scanner for every event
	if err := s.Reset(rec); err != nil {
		fmt.Println(err)
		return
	}
	h := s.Header()
	fmt.Printf("%s / %s / severity %s\n", h.DeviceVendor, h.Name, h.Severity)
	var v []byte // one buffer for every value
	for s.Next() {
		v = s.AppendValue(v[:0])
		fmt.Printf("%s=%s\n", s.RawKey(), v)
	}
	fmt.Println(s.Err())
	// Output:
	// Microsoft / PrivilegedEndpointAccessedEvent / severity 5
	// Who=CONTOSO\cloudadmin
	// WhichIP=10.0.0.5
	// <nil>
}

// Values the spec says must be escaped but senders do not are kept whole
// and flagged; a pair that cannot be read is reported and skipped, and the
// pairs around it survive.
func ExampleScanner_Next() {
	rec := []byte(`CEF:0|Palo Alto Networks|PAN-OS|10.2|url|url|3|foo =bar request=https://x.example/?id=42 src=10.1.1.5`)
	var s cef.Scanner
	s.Reset(rec)
	for s.Next() {
		fmt.Printf("%s=%s flags=%v\n", s.RawKey(), s.RawValue(), s.Flags())
	}
	fmt.Println(s.Err())
	// Output:
	// request=https://x.example/?id=42 flags=unescaped-equals
	// src=10.1.1.5 flags=
	// cef: Extension at offset 47: malformed extension (near ..."2|url|url|3|foo =bar req"...)
}

func ExampleParse() {
	e, err := cef.Parse([]byte(`CEF: 0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-Security-Auditing:4625|An account failed to log on|8|MasChannel=Security MasComputer=azs-host01 MasEventRecordID=10452 MasLevel=0`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Version, e.RawVersion, e.SignatureID)
	id, _ := e.Int("MasEventRecordID")
	computer, _ := e.Get("MasComputer")
	fmt.Println(computer, id)
	// Output:
	// 0 0.0 Microsoft-Windows-Security-Auditing:4625
	// azs-host01 10452
}

// Typed access reads values through their dictionary types without
// allocating; a value that does not fit its type is reported and stays.
func ExampleEvent_IP() {
	e, _ := cef.Parse([]byte(`CEF:0|Palo Alto Networks|PAN-OS|10.2.3|TRAFFIC|end|3|rt=Jul 04 2024 09:03:48 src=10.1.1.5  spt=051514 in=3000000000 dst=not-an-ip`))
	src, _ := e.IP("src") // the value keeps a spec-mandated trailing space
	spt, _ := e.Int("spt")
	in, _ := e.Int("in")
	rt, _ := e.Time("rt", cef.TimeOptions{Location: time.UTC})
	_, err := e.IP("dst")
	fmt.Println(src, spt, in, rt.Format(time.RFC3339))
	fmt.Println(errors.Is(err, cef.ErrValue))
	// Output:
	// 10.1.1.5 51514 3000000000 2024-07-04T09:03:48Z
	// true
}

func ExampleLookup() {
	for _, name := range []string{"src", "BytesIn", "deviceCustomDate1", "agentZoneKey"} {
		k, ok := cef.Lookup(name)
		fmt.Println(ok, k.Name, k.FullName, k.Type, k.Since)
	}
	// Output:
	// true src sourceAddress ipv4_address 0.1
	// true in bytesIn integer 0.1
	// true deviceCustomDate1 deviceCustomDate1 timestamp 0.1
	// true agentZoneKey Agent Zone Key integer 1.2
}

func ExampleEvent_CustomFields() {
	e, _ := cef.Parse([]byte(`CEF:0|Vendor|Product|1|100|n|5|cs1Label=Rule cs1=allow-web cn1Label=Hits cn1=12`))
	for c := range e.CustomFields() {
		fmt.Printf("%s (%s) = %s\n", c.Label, c.Key, c.Value)
	}
	// Output:
	// Rule (cs1) = allow-web
	// Hits (cn1) = 12
}

func ExampleEvent_AppendText() {
	e := cef.Event{
		DeviceVendor: "Acme|Corp", DeviceProduct: "Gate", DeviceVersion: "2.1",
		SignatureID: "42", Name: "Blocked", Severity: "High",
		Extensions: []cef.Extension{
			{Key: "request", Value: "https://x.example/?a=1"},
			{Key: "msg", Value: "line one\nline two"},
		},
	}
	b, err := e.AppendText(nil)
	fmt.Println(string(b), err)
	// Output:
	// CEF:0|Acme\|Corp|Gate|2.1|42|Blocked|High|request=https://x.example/?a\=1 msg=line one\nline two <nil>
}

func ExampleOptions_Parse() {
	rec := []byte(`CEF:0|a|b|1|2|n|5|request=https://x.example/?id=42`)
	_, err := cef.Options{Strict: true}.Parse(rec)
	fmt.Println(errors.Is(err, cef.ErrUnescapedEquals))
	// Output:
	// true
}
