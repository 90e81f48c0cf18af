package siem

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/cefsyslog/cefsyslog"
)

// ecsRows is Beats' extension → ECS table (keys.ecs.go), by the full names
// it uses, with a value and the JSON the field must hold.
var ecsRows = []struct{ key, field, value, want string }{
	{"agentAddress", "agent.ip", "10.2.2.2", `"10.2.2.2"`},
	{"agentDnsDomain", "agent.name", "corp.example", `"corp.example"`},
	{"agentHostName", "agent.name", "collector1", `"collector1"`},
	{"agentId", "agent.id", "a-1", `"a-1"`},
	{"agentMacAddress", "agent.mac", "00:11:22:33:44:55", `"00-11-22-33-44-55"`},
	{"agentReceiptTime", "event.created", "1795000000000", `"2026-11-18T11:06:40Z"`},
	{"agentType", "agent.type", "syslog", `"syslog"`},
	{"agentVersion", "agent.version", "8.1", `"8.1"`},
	{"customerExternalID", "organization.id", "org-1", `"org-1"`},
	{"customerURI", "organization.name", "Contoso", `"Contoso"`},
	{"applicationProtocol", "network.application", "HTTPS", `"HTTPS"`},
	{"bytesIn", "source.bytes", "3000000000", `3000000000`},
	{"bytesOut", "destination.bytes", "12", `12`},
	{"deviceDirection", "network.direction", "0", `"inbound"`},
	{"transportProtocol", "network.transport", "TCP", `"tcp"`},
	{"destinationAddress", "destination.ip", "192.0.2.10", `"192.0.2.10"`},
	{"destinationDnsDomain", "destination.domain", "example.com", `"example.com"`},
	{"destinationHostName", "destination.domain", "db1.example.com", `"db1.example.com"`},
	{"destinationGeoLatitude", "destination.geo.location.lat", "52.5", `52.5`},
	{"destinationGeoLongitude", "destination.geo.location.lon", "13.4", `13.4`},
	{"destinationMacAddress", "destination.mac", "00:11:22:33:44:66", `"00-11-22-33-44-66"`},
	{"destinationPort", "destination.port", "443", `443`},
	{"destinationProcessId", "destination.process.pid", "4242", `4242`},
	{"destinationProcessName", "destination.process.name", "sshd", `"sshd"`},
	{"destinationServiceName", "destination.service.name", "ssh", `"ssh"`},
	{"destinationTranslatedAddress", "destination.nat.ip", "203.0.113.9", `"203.0.113.9"`},
	{"destinationTranslatedPort", "destination.nat.port", "8443", `8443`},
	{"destinationUserId", "destination.user.id", "1001", `"1001"`},
	{"destinationUserName", "destination.user.name", "alice", `"alice"`},
	{"destinationUserPrivileges", "destination.user.group.name", "Administrator", `"Administrator"`},
	{"deviceAction", "event.action", "blocked", `"blocked"`},
	{"deviceAddress", "observer.ip", "10.1.1.1", `"10.1.1.1"`},
	{"deviceDnsDomain", "observer.hostname", "corp.example", `"corp.example"`},
	{"deviceHostName", "observer.hostname", "fw1", `"fw1"`},
	{"deviceMacAddress", "observer.mac", "00:11:22:33:44:77", `"00-11-22-33-44-77"`},
	{"devicePayloadId", "event.id", "p-1", `"p-1"`},
	{"deviceProcessId", "process.pid", "77", `77`},
	{"deviceProcessName", "process.name", "sshd", `"sshd"`},
	{"deviceReceiptTime", "@timestamp", "Nov 24 2026 10:00:00", `"2026-11-24T10:00:00Z"`},
	{"deviceTimeZone", "event.timezone", "Europe/Berlin", `"Europe/Berlin"`},
	{"endTime", "event.end", "1795000000000", `"2026-11-18T11:06:40Z"`},
	{"eventId", "event.id", "99", `"99"`},
	{"eventOutcome", "event.outcome", "success", `"success"`},
	{"message", "message", "hello", `"hello"`},
	{"startTime", "event.start", "1795000000000", `"2026-11-18T11:06:40Z"`},
	{"type", "event.kind", "1", `"1"`},
	{"fileCreateTime", "file.created", "1795000000000", `"2026-11-18T11:06:40Z"`},
	{"fileId", "file.inode", "1234", `"1234"`},
	{"fileModificationTime", "file.mtime", "1795000000000", `"2026-11-18T11:06:40Z"`},
	{"filename", "file.name", "a.txt", `"a.txt"`},
	{"filePath", "file.path", "/tmp/a.txt", `"/tmp/a.txt"`},
	{"filePermission", "file.group", "rw", `"rw"`},
	{"fileSize", "file.size", "2048", `2048`},
	{"fileType", "file.type", "file", `"file"`},
	{"requestClientApplication", "user_agent.original", "curl/8", `"curl/8"`},
	{"requestContext", "http.request.referrer", "https://example.com/", `"https://example.com/"`},
	{"requestMethod", "http.request.method", "POST", `"POST"`},
	{"requestUrl", "url.original", "https://example.com/a", `"https://example.com/a"`},
	{"sourceAddress", "source.ip", "10.0.0.1", `"10.0.0.1"`},
	{"sourceDnsDomain", "source.domain", "example.org", `"example.org"`},
	{"sourceHostName", "source.domain", "pc1", `"pc1"`},
	{"sourceGeoLatitude", "source.geo.location.lat", "48.1", `48.1`},
	{"sourceGeoLongitude", "source.geo.location.lon", "11.6", `11.6`},
	{"sourceMacAddress", "source.mac", "00:11:22:33:44:88", `"00-11-22-33-44-88"`},
	{"sourcePort", "source.port", "51234", `51234`},
	{"sourceProcessId", "source.process.pid", "555", `555`},
	{"sourceProcessName", "source.process.name", "chrome", `"chrome"`},
	{"sourceServiceName", "source.service.name", "httpd", `"httpd"`},
	{"sourceTranslatedAddress", "source.nat.ip", "203.0.113.1", `"203.0.113.1"`},
	{"sourceTranslatedPort", "source.nat.port", "40000", `40000`},
	{"sourceUserId", "source.user.id", "1000", `"1000"`},
	{"sourceUserName", "source.user.name", "bob", `"bob"`},
	{"sourceUserPrivileges", "source.user.group.name", "User", `"User"`},
}

// lookupJSON finds a dotted field in a decoded JSON document.
func lookupJSON(doc map[string]any, field string) (any, bool) {
	if v, ok := doc[field]; ok {
		return v, true
	}
	head, rest, ok := strings.Cut(field, ".")
	if !ok {
		return nil, false
	}
	sub, ok := doc[head].(map[string]any)
	if !ok {
		return nil, false
	}
	return lookupJSON(sub, rest)
}

func ecsJSON(t *testing.T, r *cefsyslog.Record) map[string]any {
	t.Helper()
	var doc map[string]any
	b := ECS(r).AppendJSON(nil)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	return doc
}

// TestECSRows: every row of Beats' table, written by its full name, lands
// in its ECS field with its type, and in cef.extensions as sent.
func TestECSRows(t *testing.T) {
	for _, row := range ecsRows {
		r, err := (&cefsyslog.Parser{Now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)}).Parse(
			[]byte("CEF:0|Vendor|Product|1.0|100|Name|5|" + row.key + "=" + row.value))
		if err != nil {
			t.Fatal(err)
		}
		doc := ecsJSON(t, r)
		got, ok := lookupJSON(doc, row.field)
		gotJSON, _ := json.Marshal(got)
		if !ok || string(gotJSON) != row.want {
			t.Errorf("%s → %s = %s, want %s", row.key, row.field, gotJSON, row.want)
		}
		if ext, _ := lookupJSON(doc, "cef.extensions."+row.key); ext != row.value {
			t.Errorf("%s: cef.extensions holds %v", row.key, ext)
		}
	}
}

// TestECSHeader: the header rows, severity words and numbers, and the
// syslog header.
func TestECSHeader(t *testing.T) {
	for sev, want := range map[string]any{"Low": 0.0, "medium": 4.0, "High": 7.0, "Very-High": 9.0, "10": 10.0, "3": 3.0} {
		r, _ := cefsyslog.Parse([]byte("<134>1 2026-11-24T10:00:00Z host1 app 42 ID7 [x@1 a=\"b\"] CEF:0|Vendor|Product|1.0|100|Name|" + sev + "|src=10.0.0.1"))
		doc := ecsJSON(t, r)
		for field, w := range map[string]any{
			"observer.vendor": "Vendor", "observer.product": "Product", "observer.version": "1.0",
			"event.code": "100", "message": "Name", "event.severity": want,
			"cef.severity": sev, "cef.name": "Name", "cef.device.event_class_id": "100",
			"@timestamp": "2026-11-24T10:00:00Z", "host.hostname": "host1",
			"log.syslog.priority": 134.0, "log.syslog.facility.code": 16.0, "log.syslog.severity.code": 6.0,
			"log.syslog.appname": "app", "log.syslog.procid": "42", "log.syslog.msgid": "ID7", "log.syslog.version": "1",
			"log.syslog.structured_data.x@1.a": "b",
		} {
			if got, _ := lookupJSON(doc, field); got != w {
				t.Errorf("severity %s: %s = %v, want %v", sev, field, got, w)
			}
		}
	}
	// A word outside the spec's: event.severity is left out, the word is
	// kept in cef.severity, and the problem is listed.
	r, _ := cefsyslog.Parse([]byte("CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|3|Alert|Information|"))
	d := ECS(r)
	if _, ok := d.Get("event.severity"); ok || len(d.Problems) != 1 || d.Problems[0].Field != "event.severity" {
		t.Errorf("Information: %s %+v", d.AppendJSON(nil), d.Problems)
	}
}

// TestECSKeeps: a value that does not fit stays in cef.extensions and is
// reported; a key with no ECS field is kept there too.
func TestECSKeeps(t *testing.T) {
	r, _ := cefsyslog.Parse([]byte("CEF:0|V|P|1|1|n|5|src=not-an-ip spt=x MasLevel=4 requestContext=internal smac=zz deviceDirection=2"))
	d := ECS(r)
	doc := ecsJSON(t, r)
	for _, field := range []string{"source.ip", "source.port", "http.request.referrer", "source.mac", "network.direction"} {
		if v, ok := lookupJSON(doc, field); ok {
			t.Errorf("%s = %v", field, v)
		}
	}
	for key, want := range map[string]string{"sourceAddress": "not-an-ip", "sourcePort": "x", "MasLevel": "4", "requestContext": "internal"} {
		if got, _ := lookupJSON(doc, "cef.extensions."+key); got != want {
			t.Errorf("cef.extensions.%s = %v", key, got)
		}
	}
	if len(d.Problems) != 4 {
		t.Errorf("problems %+v", d.Problems)
	}
}

// TestECSAzureStack: an Azure Stack Hub Windows event fills user-facing
// ECS fields and keeps the classification under azurestack.
func TestECSAzureStack(t *testing.T) {
	r, _ := cefsyslog.Parse([]byte(`<86>Nov 24 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-Security-Auditing:4624|Logon|2|MasChannel=Security MasComputer=azs-host01.contoso.local MasEventRecordID=10452 MasLevel=0`))
	doc := ecsJSON(t, r)
	for field, want := range map[string]any{"host.name": "azs-host01.contoso.local", "event.sequence": 10452.0, "azurestack.kind": "windows"} {
		if got, _ := lookupJSON(doc, field); got != want {
			t.Errorf("%s = %v, want %v", field, got, want)
		}
	}
}
