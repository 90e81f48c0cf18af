package siem

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cefsyslog/cefsyslog"
)

func cefRecord(t testing.TB, ext string) *cefsyslog.Record {
	t.Helper()
	r, err := cefsyslog.Parse([]byte("<134>1 2026-11-24T10:00:00Z host1 CEF - - - CEF:0|Vendor|Product|1.0|100|Name|5|" + ext))
	if err != nil {
		t.Fatalf("%q: %v", ext, err)
	}
	return r
}

// cslRows is the CEF key → column table of Microsoft's mapping page, with
// the table reference's spellings and types (int, long, string), and a
// value of the column's type.
var cslRows = []struct{ key, column, typ, value string }{
	{"act", "DeviceAction", "string", "blocked"},
	{"app", "ApplicationProtocol", "string", "HTTPS"},
	{"cat", "DeviceEventCategory", "string", "traffic"},
	{"cnt", "EventCount", "int", "12"},
	{"destinationDnsDomain", "DestinationDnsDomain", "string", "example.com"},
	{"destinationServiceName", "DestinationServiceName", "string", "sshd"},
	{"destinationTranslatedAddress", "DestinationTranslatedAddress", "string", "203.0.113.9"},
	{"destinationTranslatedPort", "DestinationTranslatedPort", "int", "8443"},
	{"deviceDnsDomain", "DeviceDnsDomain", "string", "corp.example"},
	{"deviceExternalId", "DeviceExternalID", "string", "fw-7"},
	{"deviceFacility", "DeviceFacility", "string", "kern"},
	{"deviceInboundInterface", "DeviceInboundInterface", "string", "ethernet1/2"},
	{"deviceNtDomain", "DeviceNtDomain", "string", "CORP"},
	{"deviceOutboundInterface", "DeviceOutboundInterface", "string", "ethernet1/3"},
	{"devicePayloadId", "DevicePayloadId", "string", "p-1"},
	{"deviceProcessName", "ProcessName", "string", "sshd"},
	{"deviceTranslatedAddress", "DeviceTranslatedAddress", "string", "198.51.100.1"},
	{"dhost", "DestinationHostName", "string", "db1.example.com"},
	{"dmac", "DestinationMACAddress", "string", "00:11:22:33:44:55"},
	{"dntdom", "DestinationNTDomain", "string", "CORP"},
	{"dpid", "DestinationProcessId", "int", "4242"},
	{"dpriv", "DestinationUserPrivileges", "string", "Administrator"},
	{"dproc", "DestinationProcessName", "string", "telnetd"},
	{"dpt", "DestinationPort", "int", "443"},
	{"dst", "DestinationIP", "string", "192.0.2.10"},
	{"dtz", "DeviceTimeZone", "string", "Europe/Berlin"},
	{"duid", "DestinationUserID", "string", "1001"},
	{"duser", "DestinationUserName", "string", "alice"},
	{"dvc", "DeviceAddress", "string", "10.1.1.1"},
	{"dvchost", "DeviceName", "string", "fw1.example.com"},
	{"dvcmac", "DeviceMacAddress", "string", "00:11:22:33:44:66"},
	{"dvcpid", "ProcessID", "int", "77"},
	{"externalId", "ExternalID", "int", "10452"},
	{"fileCreateTime", "FileCreateTime", "string", "Nov 24 2026 10:00:00"},
	{"fileHash", "FileHash", "string", "d41d8cd98f00b204e9800998ecf8427e"},
	{"fileId", "FileID", "string", "1234"},
	{"fileModificationTime", "FileModificationTime", "string", "Nov 24 2026 10:00:00"},
	{"filePath", "FilePath", "string", `C:\Windows\notepad.exe`},
	{"filePermission", "FilePermission", "string", "2,1,1"},
	{"fileType", "FileType", "string", "pipe"},
	{"fname", "FileName", "string", "notepad.exe"},
	{"fsize", "FileSize", "int", "2048"},
	{"in", "ReceivedBytes", "long", "3000000000"},
	{"msg", "Message", "string", "hello"},
	{"oldFileCreateTime", "OldFileCreateTime", "string", "Nov 24 2026 09:00:00"},
	{"oldFileHash", "OldFileHash", "string", "abc"},
	{"oldFileId", "OldFileID", "string", "99"},
	{"oldFileModificationTime", "OldFileModificationTime", "string", "Nov 24 2026 09:00:00"},
	{"oldFileName", "OldFileName", "string", "a.txt"},
	{"oldFilePath", "OldFilePath", "string", "/tmp/a.txt"},
	{"oldFilePermission", "OldFilePermission", "string", "rw"},
	{"oldFileSize", "OldFileSize", "int", "10"},
	{"oldFileType", "OldFileType", "string", "file"},
	{"out", "SentBytes", "long", "4000000000"},
	{"outcome", "EventOutcome", "string", "success"},
	{"proto", "Protocol", "string", "TCP"},
	{"reason", "Reason", "string", "policy"},
	{"request", "RequestURL", "string", "https://example.com/a"},
	{"requestClientApplication", "RequestClientApplication", "string", "curl/8"},
	{"requestContext", "RequestContext", "string", "https://example.com/"},
	{"requestCookies", "RequestCookies", "string", "a=b"},
	{"requestMethod", "RequestMethod", "string", "POST"},
	{"rt", "ReceiptTime", "string", "Nov 24 2026 10:00:00"},
	{"shost", "SourceHostName", "string", "pc1.example.com"},
	{"smac", "SourceMACAddress", "string", "00:11:22:33:44:77"},
	{"sntdom", "SourceNTDomain", "string", "CORP"},
	{"sourceDnsDomain", "SourceDnsDomain", "string", "example.org"},
	{"sourceServiceName", "SourceServiceName", "string", "httpd"},
	{"sourceTranslatedAddress", "SourceTranslatedAddress", "string", "203.0.113.1"},
	{"sourceTranslatedPort", "SourceTranslatedPort", "int", "40000"},
	{"spid", "SourceProcessId", "int", "555"},
	{"spriv", "SourceUserPrivileges", "string", "User"},
	{"sproc", "SourceProcessName", "string", "chrome"},
	{"spt", "SourcePort", "int", "51234"},
	{"src", "SourceIP", "string", "10.0.0.1"},
	{"suid", "SourceUserID", "string", "1000"},
	{"suser", "SourceUserName", "string", "bob"},
	{"type", "EventType", "int", "1"},
}

// TestCommonSecurityLogRows: every row of the mapping page, with the table
// reference's column spelling and type.
func TestCommonSecurityLogRows(t *testing.T) {
	for _, row := range cslRows {
		d := CommonSecurityLog(cefRecord(t, row.key+"="+strings.ReplaceAll(row.value, `\`, `\\`)))
		v, ok := d.Get(row.column)
		if !ok {
			t.Errorf("%s: no column %s in %s", row.key, row.column, d.AppendJSON(nil))
			continue
		}
		wantKind := map[string]Kind{"string": String, "int": Int, "long": Long}[row.typ]
		if v.Kind != wantKind || v.Str != row.value || (wantKind != String && fmt.Sprint(v.Int) != row.value) {
			t.Errorf("%s → %s: %+v, want %s %q", row.key, row.column, v, row.typ, row.value)
		}
		if len(d.Problems) > 0 {
			t.Errorf("%s: problems %+v", row.key, d.Problems)
		}
	}
}

// TestCommonSecurityLogCustom: every custom field and its label.
func TestCommonSecurityLogCustom(t *testing.T) {
	for _, c := range []struct {
		key, column string
		n           int
		typ         Kind
		value       string
	}{
		{"cs%d", "DeviceCustomString%d", 6, String, "text"},
		{"cn%d", "DeviceCustomNumber%d", 3, Int, "42"},
		{"cfp%d", "DeviceCustomFloatingPoint%d", 4, Real, "1.5"},
		{"c6a%d", "DeviceCustomIPv6Address%d", 4, String, "2001:db8::1"},
		{"deviceCustomDate%d", "DeviceCustomDate%d", 2, String, "Nov 24 2026 10:00:00"},
		{"flexString%d", "FlexString%d", 2, String, "flex"},
		{"flexNumber%d", "FlexNumber%d", 2, Int, "7"},
		{"flexDate%d", "FlexDate%d", 1, String, "Nov 24 2026 10:00:00"},
	} {
		for i := 1; i <= c.n; i++ {
			key, col := fmt.Sprintf(c.key, i), fmt.Sprintf(c.column, i)
			d := CommonSecurityLog(cefRecord(t, key+"Label=purpose "+key+"="+c.value))
			v, ok := d.Get(col)
			l, lok := d.Get(col + "Label")
			if !ok || v.Kind != c.typ || v.Str != c.value || !lok || l.Str != "purpose" {
				t.Errorf("%s: %s=%+v (%v), %sLabel=%+v (%v)", key, col, v, ok, col, l, lok)
			}
		}
	}
	d := CommonSecurityLog(cefRecord(t, "cn1=5000000000"))
	if _, ok := d.Get("DeviceCustomNumber1"); ok || len(d.Problems) != 1 {
		t.Errorf("cn1 past int32: %s %+v", d.AppendJSON(nil), d.Problems)
	}
	if v, _ := d.Get("FieldDeviceCustomNumber1"); v.Kind != Long || v.Int != 5000000000 {
		t.Errorf("the long column takes what the int one cannot: %+v", v)
	}
	d = CommonSecurityLog(cefRecord(t, "cnt=3 cn2=17 externalId=9"))
	for _, f := range d.Fields {
		if strings.HasPrefix(f.Name, "FieldDeviceCustomNumber") && f.Name != "FieldDeviceCustomNumber2" {
			t.Errorf("%s set from a key that is not cn1–cn3", f.Name)
		}
	}
	if v, _ := d.Get("FieldDeviceCustomNumber2"); v.Kind != Long || v.Int != 17 {
		t.Errorf("FieldDeviceCustomNumber2 = %+v", v)
	}
	if v, _ := d.Get("ExtID"); v.Str != "9" {
		t.Errorf("ExtID = %+v", v)
	}
	d = CommonSecurityLog(cefRecord(t, "externalId=1511373015679_167ae3eb"))
	if v, _ := d.Get("ExtID"); v.Str != "1511373015679_167ae3eb" || len(d.Problems) != 1 {
		t.Errorf("a string externalId: ExtID %+v, problems %+v", v, d.Problems)
	}
}

// TestCommonSecurityLogHeader: the header and syslog rows.
func TestCommonSecurityLogHeader(t *testing.T) {
	d := CommonSecurityLog(cefRecord(t, "src=10.0.0.1"))
	for col, want := range map[string]string{
		"DeviceVendor": "Vendor", "DeviceProduct": "Product", "DeviceVersion": "1.0",
		"DeviceEventClassID": "100", "Activity": "Name", "LogSeverity": "5", "Computer": "host1",
	} {
		if v, _ := d.Get(col); v.Str != want || v.Kind != String {
			t.Errorf("%s = %+v, want %q", col, v, want)
		}
	}
}

// TestCommonSecurityLogKeeps: what has no column, and what does not fit
// one, goes to AdditionalExtensions; the misfits are reported.
func TestCommonSecurityLogKeeps(t *testing.T) {
	d := CommonSecurityLog(cefRecord(t, `MasLevel=4 spt=abc fsize=3000000000 deviceDirection=2 dpt= note=a;b\\c`))
	ae, _ := d.Get("AdditionalExtensions")
	for _, want := range []string{"MasLevel=4", "spt=abc", "fsize=3000000000", "deviceDirection=2", "dpt=", `note=a\;b\\c`} {
		if !strings.Contains(ae.Str, want) {
			t.Errorf("AdditionalExtensions %q lacks %q", ae.Str, want)
		}
	}
	var got []string
	for _, p := range d.Problems {
		got = append(got, p.Field+"/"+p.Key)
	}
	if want := "SourcePort/spt FileSize/fsize CommunicationDirection/deviceDirection"; strings.Join(got, " ") != want {
		t.Errorf("problems %v, want %s", got, want)
	}
	for _, col := range []string{"SourcePort", "FileSize", "CommunicationDirection", "DestinationPort"} {
		if v, ok := d.Get(col); ok {
			t.Errorf("%s set to %+v", col, v)
		}
	}
	for v, want := range map[string]string{"0": "Inbound", "1": "Outbound"} {
		if got, _ := CommonSecurityLog(cefRecord(t, "deviceDirection="+v)).Get("CommunicationDirection"); got.Str != want {
			t.Errorf("deviceDirection=%s: %q", v, got.Str)
		}
	}
	// A full name as the key is the same key.
	if got, _ := CommonSecurityLog(cefRecord(t, "sourceAddress=10.9.9.9")).Get("SourceIP"); got.Str != "10.9.9.9" {
		t.Errorf("sourceAddress: %+v", got)
	}
}

// TestCommonSecurityLogAzureStack: Azure Stack Hub events fill the columns
// the table has for them and keep the rest under azurestack.
func TestCommonSecurityLogAzureStack(t *testing.T) {
	pep, _ := cefsyslog.Parse([]byte(`<134>1 2026-11-24T10:00:00Z AZS-ERCS01 CEF - - - CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessed|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5`))
	d := CommonSecurityLog(pep)
	if u, _ := d.Get("SourceUserName"); u.Str != `CONTOSO\cloudadmin` {
		t.Errorf("SourceUserName %+v", u)
	}
	if ip, _ := d.Get("SourceIP"); ip.Str != "10.0.0.5" {
		t.Errorf("SourceIP %+v", ip)
	}
	if ae, _ := d.Get("AdditionalExtensions"); !strings.Contains(ae.Str, "azurestack.kind=pep") || !strings.Contains(ae.Str, "azurestack.event_id=1000") {
		t.Errorf("AdditionalExtensions %q", ae.Str)
	}
	win, _ := cefsyslog.Parse([]byte(`<86>Nov 24 10:15:02 AZS-ERCS01 CEF:0.0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-Windows-Security-Auditing:4624|Logon|2|MasChannel=Security MasComputer=azs-host01.contoso.local MasEventDescription=An account was successfully logged on. MasEventRecordID=10452 MasLevel=0`))
	d = CommonSecurityLog(win)
	for col, want := range map[string]string{"DeviceName": "azs-host01.contoso.local", "Message": "An account was successfully logged on.", "ExternalID": "10452"} {
		if v, _ := d.Get(col); v.Str != want {
			t.Errorf("%s = %+v, want %q", col, v, want)
		}
	}
}
