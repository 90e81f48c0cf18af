package siem

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
)

// column is where CommonSecurityLog keeps a CEF key, and the column's type.
type column struct {
	name string
	kind Kind
}

// cslColumns maps the CEF keys of Microsoft's CEF-to-column page to the
// table reference's column names and types. The keys are the dictionary's
// short names; an event that writes a full name ("sourceAddress") is read
// through cef.Lookup first.
var cslColumns = map[string]column{
	"act":                          {"DeviceAction", String},
	"app":                          {"ApplicationProtocol", String},
	"cat":                          {"DeviceEventCategory", String}, // 2023 page
	"cnt":                          {"EventCount", Int},
	"destinationDnsDomain":         {"DestinationDnsDomain", String},
	"destinationServiceName":       {"DestinationServiceName", String},
	"destinationTranslatedAddress": {"DestinationTranslatedAddress", String},
	"destinationTranslatedPort":    {"DestinationTranslatedPort", Int},
	"deviceDirection":              {"CommunicationDirection", String}, // 0 Inbound, 1 Outbound
	"deviceDnsDomain":              {"DeviceDnsDomain", String},
	"deviceExternalId":             {"DeviceExternalID", String},
	"deviceFacility":               {"DeviceFacility", String},
	"deviceInboundInterface":       {"DeviceInboundInterface", String},
	"deviceNtDomain":               {"DeviceNtDomain", String},
	"deviceOutboundInterface":      {"DeviceOutboundInterface", String},
	"devicePayloadId":              {"DevicePayloadId", String},
	"deviceProcessName":            {"ProcessName", String},
	"deviceTranslatedAddress":      {"DeviceTranslatedAddress", String},
	"dhost":                        {"DestinationHostName", String},
	"dmac":                         {"DestinationMACAddress", String},
	"dntdom":                       {"DestinationNTDomain", String},
	"dpid":                         {"DestinationProcessId", Int},
	"dpriv":                        {"DestinationUserPrivileges", String},
	"dproc":                        {"DestinationProcessName", String},
	"dpt":                          {"DestinationPort", Int},
	"dst":                          {"DestinationIP", String},
	"dtz":                          {"DeviceTimeZone", String},
	"duid":                         {"DestinationUserID", String},
	"duser":                        {"DestinationUserName", String},
	"dvc":                          {"DeviceAddress", String},
	"dvchost":                      {"DeviceName", String},
	"dvcmac":                       {"DeviceMacAddress", String},
	"dvcpid":                       {"ProcessID", Int},
	"externalId":                   {"ExternalID", Int}, // and ExtID, below
	"fileCreateTime":               {"FileCreateTime", String},
	"fileHash":                     {"FileHash", String},
	"fileId":                       {"FileID", String},
	"fileModificationTime":         {"FileModificationTime", String},
	"filePath":                     {"FilePath", String},
	"filePermission":               {"FilePermission", String},
	"fileType":                     {"FileType", String},
	"fname":                        {"FileName", String},
	"fsize":                        {"FileSize", Int},
	"in":                           {"ReceivedBytes", Long},
	"msg":                          {"Message", String},
	"oldFileCreateTime":            {"OldFileCreateTime", String},
	"oldFileHash":                  {"OldFileHash", String},
	"oldFileId":                    {"OldFileID", String},
	"oldFileModificationTime":      {"OldFileModificationTime", String},
	"oldFileName":                  {"OldFileName", String},
	"oldFilePath":                  {"OldFilePath", String},
	"oldFilePermission":            {"OldFilePermission", String},
	"oldFileSize":                  {"OldFileSize", Int},
	"oldFileType":                  {"OldFileType", String},
	"out":                          {"SentBytes", Long},
	"outcome":                      {"EventOutcome", String}, // 2023 page
	"proto":                        {"Protocol", String},
	"reason":                       {"Reason", String}, // 2023 page
	"request":                      {"RequestURL", String},
	"requestClientApplication":     {"RequestClientApplication", String},
	"requestContext":               {"RequestContext", String},
	"requestCookies":               {"RequestCookies", String},
	"requestMethod":                {"RequestMethod", String},
	"rt":                           {"ReceiptTime", String},
	"shost":                        {"SourceHostName", String},
	"smac":                         {"SourceMACAddress", String},
	"sntdom":                       {"SourceNTDomain", String},
	"sourceDnsDomain":              {"SourceDnsDomain", String},
	"sourceServiceName":            {"SourceServiceName", String},
	"sourceTranslatedAddress":      {"SourceTranslatedAddress", String},
	"sourceTranslatedPort":         {"SourceTranslatedPort", Int},
	"spid":                         {"SourceProcessId", Int},
	"spriv":                        {"SourceUserPrivileges", String},
	"sproc":                        {"SourceProcessName", String},
	"spt":                          {"SourcePort", Int},
	"src":                          {"SourceIP", String},
	"suid":                         {"SourceUserID", String},
	"suser":                        {"SourceUserName", String},
	"type":                         {"EventType", Int},
}

// cslCustom maps the custom fields: value keys and their labels.
var cslCustom = func() map[string]column {
	m := map[string]column{}
	add := func(key, col string, n int, kind Kind) {
		for i := 1; i <= n; i++ {
			m[fmt.Sprintf(key, i)] = column{fmt.Sprintf(col, i), kind}
			m[fmt.Sprintf(key, i)+"Label"] = column{fmt.Sprintf(col, i) + "Label", String}
		}
	}
	add("cs%d", "DeviceCustomString%d", 6, String)
	add("cn%d", "DeviceCustomNumber%d", 3, Int) // and FieldDeviceCustomNumberN, below
	add("cfp%d", "DeviceCustomFloatingPoint%d", 4, Real)
	add("c6a%d", "DeviceCustomIPv6Address%d", 4, String)
	add("deviceCustomDate%d", "DeviceCustomDate%d", 2, String)
	add("flexString%d", "FlexString%d", 2, String)
	add("flexNumber%d", "FlexNumber%d", 2, Int)
	add("flexDate%d", "FlexDate%d", 1, String)
	return m
}()

// CommonSecurityLog maps a record to a row of Microsoft Sentinel's
// CommonSecurityLog table. The CEF header gives DeviceVendor,
// DeviceProduct, DeviceVersion, DeviceEventClassID, Activity (Name) and
// LogSeverity (as sent); the syslog HOSTNAME gives Computer; each
// extension key of the mapping page gives its column, typed as the table
// reference says (int columns are 32-bit: a larger value does not fit).
// externalId also fills ExtID (string) and cnN FieldDeviceCustomNumberN
// (long), the columns the table reference names as their successors.
//
// Everything else goes to AdditionalExtensions as "key=value" pairs
// separated by ';' (a ';' or '\' in a value is escaped with '\'): keys
// with no column, values that do not fit their column (also listed in
// Problems), the other syslog header fields as "syslog.*" pairs, and Azure
// Stack Hub's classification as "azurestack.*" pairs. A record without a
// CEF event gives Computer, Message (the syslog MSG) and those pairs.
//
// Azure Stack Hub events also fill, when the event has not: SourceUserName
// from Who, SourceIP from WhichIP, and for Windows events DeviceName from
// MasComputer, Message from MasEventDescription and ExternalID from
// MasEventRecordID (the table's "ID used by the originating device ...
// increasing values").
func CommonSecurityLog(r *cefsyslog.Record) *Document {
	d := newDocument(r)
	var extra strings.Builder
	addExtra := func(k, v string) {
		if extra.Len() > 0 {
			extra.WriteByte(';')
		}
		extra.WriteString(k)
		extra.WriteByte('=')
		for _, c := range []byte(v) {
			if c == ';' || c == '\\' {
				extra.WriteByte('\\')
			}
			extra.WriteByte(c)
		}
	}
	if e := r.CEF; e != nil {
		d.setString("DeviceVendor", e.DeviceVendor)
		d.setString("DeviceProduct", e.DeviceProduct)
		d.setString("DeviceVersion", e.DeviceVersion)
		d.setString("DeviceEventClassID", e.SignatureID)
		d.setString("Activity", e.Name)
		d.setString("LogSeverity", e.Severity)
	}
	if s := r.Syslog; s != nil {
		d.setString("Computer", s.Hostname)
		if r.CEF == nil {
			d.setString("Message", s.Message)
		}
	}
	if e := r.CEF; e != nil {
		for _, x := range e.Extensions {
			key := x.Key
			if k, ok := cef.Lookup(key); ok {
				key = k.Name
			}
			col, ok := cslColumns[key]
			if !ok {
				col, ok = cslCustom[key]
			}
			if !ok {
				addExtra(x.Key, x.Value)
				continue
			}
			if x.Value == "" && col.kind != String {
				// Nothing to type: kept as sent, not a problem.
				addExtra(x.Key, x.Value)
				continue
			}
			if key == "externalId" {
				d.setString("ExtID", x.Value) // a string: every ID fits
			}
			if len(key) == 3 && key[:2] == "cn" && '1' <= key[2] && key[2] <= '3' {
				// The long successor column takes what the int one cannot.
				if n, err := convert(Long, x.Value); err == nil {
					d.set("FieldDeviceCustomNumber"+key[2:], n)
				}
			}
			v, err := convert(col.kind, x.Value)
			if key == "deviceDirection" {
				v, err = direction(x.Value)
			}
			if err != nil {
				d.problem(col.name, x.Key, x.Value, err.Error()+"; kept in AdditionalExtensions")
				addExtra(x.Key, x.Value)
				continue
			}
			d.set(col.name, v)
		}
	}
	if s := r.Syslog; s != nil {
		if s.Priority >= 0 {
			addExtra("syslog.facility", strconv.Itoa(s.Facility()))
			addExtra("syslog.severity", strconv.Itoa(s.Severity()))
		}
		if !s.Timestamp.IsZero() {
			addExtra("syslog.timestamp", s.Timestamp.Format("2006-01-02T15:04:05.999999999Z07:00"))
		}
		for _, kv := range [][2]string{{"syslog.appname", s.AppName}, {"syslog.procid", s.ProcID}, {"syslog.msgid", s.MsgID}} {
			if kv[1] != "" {
				addExtra(kv[0], kv[1])
			}
		}
	}
	if a := r.AzureStack; a != nil {
		// Where the table has a column, unless the event set it.
		d.setDefault("SourceUserName", Value{Kind: String, Str: a.Who})
		d.setDefault("SourceIP", Value{Kind: String, Str: a.WhichIP})
		if w := a.Windows; w != nil {
			d.setDefault("DeviceName", Value{Kind: String, Str: w.Computer})
			d.setDefault("Message", Value{Kind: String, Str: w.EventDescription})
			if w.EventRecordID > 0 && w.EventRecordID <= math.MaxInt32 {
				d.setDefault("ExternalID", Value{Kind: Int, Str: strconv.FormatInt(w.EventRecordID, 10), Int: w.EventRecordID})
			}
		}
		addExtra("azurestack.kind", a.Kind.String())
		if a.EventID >= 0 {
			addExtra("azurestack.event_id", strconv.Itoa(a.EventID))
		}
		if a.EventName != "" {
			addExtra("azurestack.event_name", a.EventName)
		}
		addExtra("azurestack.level", a.Level.String())
	}
	if extra.Len() > 0 {
		d.set("AdditionalExtensions", Value{Kind: String, Str: extra.String()})
	}
	return d
}

// direction reads deviceDirection as the mapping page gives it: 0 is
// Inbound, 1 Outbound.
func direction(v string) (Value, error) {
	switch v {
	case "0":
		return Value{Kind: String, Str: "Inbound"}, nil
	case "1":
		return Value{Kind: String, Str: "Outbound"}, nil
	}
	return Value{}, fmt.Errorf("not 0 (inbound) or 1 (outbound)")
}

// convert reads v as kind.
func convert(kind Kind, v string) (Value, error) {
	out := Value{Kind: kind, Str: v}
	switch kind {
	case Int, Long:
		n, err := cef.ParseInt(v)
		if err != nil {
			return out, fmt.Errorf("not an integer")
		}
		if kind == Int && (n > math.MaxInt32 || n < math.MinInt32) {
			return out, fmt.Errorf("out of the 32-bit int column's range")
		}
		out.Int = n
	case Real:
		f, err := cef.ParseFloat(v)
		if err != nil {
			return out, fmt.Errorf("not a number")
		}
		out.Real = f
	case IP:
		a, err := cef.ParseIP(v)
		if err != nil {
			return out, fmt.Errorf("not an IP address")
		}
		out.IP = a
		out.Str = a.String()
	}
	return out, nil
}
