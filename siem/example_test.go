package siem_test

import (
	"fmt"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/siem"
)

// A firewall event as a CommonSecurityLog row: header and dictionary keys
// to their columns, typed; a custom string with its label; a byte count
// past the int range in a long column; a key the table has no column for
// in AdditionalExtensions.
func ExampleCommonSecurityLog() {
	rec, _ := cefsyslog.Parse([]byte("<134>1 2026-11-24T10:00:00Z fw1 CEF - - - CEF:0|Acme|EdgeFW|9.1|100|allow|3|" +
		"src=10.0.0.1 spt=51234 dst=192.0.2.10 dpt=443 in=3000000000 cs1Label=rule cs1=web-out deviceDirection=1 PanOSRule=7"))
	row := siem.CommonSecurityLog(rec)
	fmt.Println(string(row.AppendJSON(nil)))
	// Output:
	// {"DeviceVendor":"Acme","DeviceProduct":"EdgeFW","DeviceVersion":"9.1","DeviceEventClassID":"100","Activity":"allow","LogSeverity":"3","Computer":"fw1","SourceIP":"10.0.0.1","SourcePort":51234,"DestinationIP":"192.0.2.10","DestinationPort":443,"ReceivedBytes":3000000000,"DeviceCustomString1Label":"rule","DeviceCustomString1":"web-out","CommunicationDirection":"Outbound","AdditionalExtensions":"PanOSRule=7;syslog.facility=16;syslog.severity=6;syslog.timestamp=2026-11-24T10:00:00Z;syslog.appname=CEF"}
}

// The same event as an ECS document, nested as Elasticsearch stores it.
func ExampleECS() {
	rec, _ := cefsyslog.Parse([]byte("<134>1 2026-11-24T10:00:00Z fw1 CEF - - - CEF:0|Acme|EdgeFW|9.1|100|allow|High|" +
		"src=10.0.0.1 spt=51234 dst=192.0.2.10 dpt=443 proto=TCP"))
	doc := siem.ECS(rec)
	fmt.Println(string(doc.AppendJSON(nil)))
	// Output:
	// {"@timestamp":"2026-11-24T10:00:00Z","observer":{"vendor":"Acme","product":"EdgeFW","version":"9.1"},"event":{"code":"100","severity":7},"message":"allow","host":{"hostname":"fw1"},"log":{"syslog":{"priority":134,"facility":{"code":16},"severity":{"code":6},"hostname":"fw1","appname":"CEF","version":"1"}},"source":{"ip":"10.0.0.1","port":51234},"destination":{"ip":"192.0.2.10","port":443},"network":{"transport":"tcp"},"cef":{"version":"0","device":{"vendor":"Acme","product":"EdgeFW","version":"9.1","event_class_id":"100"},"name":"allow","severity":"High","extensions":{"sourceAddress":"10.0.0.1","sourcePort":"51234","destinationAddress":"192.0.2.10","destinationPort":"443","transportProtocol":"TCP"}}}
}
