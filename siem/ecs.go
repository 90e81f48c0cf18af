package siem

import (
	"strconv"
	"strings"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
)

// ecsTarget is the ECS field a CEF key fills, and its type.
type ecsTarget struct {
	field string
	kind  Kind
}

// ecsByFullName is Beats' keys.ecs.go mapping, by the CEF full names it
// uses; ecsFields indexes it by the dictionary's short keys.
var ecsByFullName = map[string]ecsTarget{
	"agentAddress":                 {"agent.ip", IP},
	"agentDnsDomain":               {"agent.name", String},
	"agentHostName":                {"agent.name", String},
	"agentId":                      {"agent.id", String},
	"agentMacAddress":              {"agent.mac", String},
	"agentReceiptTime":             {"event.created", Time},
	"agentType":                    {"agent.type", String},
	"agentVersion":                 {"agent.version", String},
	"customerExternalID":           {"organization.id", String},
	"customerURI":                  {"organization.name", String},
	"applicationProtocol":          {"network.application", String},
	"bytesIn":                      {"source.bytes", Long},
	"bytesOut":                     {"destination.bytes", Long},
	"deviceDirection":              {"network.direction", String},
	"transportProtocol":            {"network.transport", String},
	"destinationAddress":           {"destination.ip", IP},
	"destinationDnsDomain":         {"destination.domain", String},
	"destinationHostName":          {"destination.domain", String},
	"destinationGeoLatitude":       {"destination.geo.location.lat", Real},
	"destinationGeoLongitude":      {"destination.geo.location.lon", Real},
	"destinationMacAddress":        {"destination.mac", String},
	"destinationPort":              {"destination.port", Long},
	"destinationProcessId":         {"destination.process.pid", Long},
	"destinationProcessName":       {"destination.process.name", String},
	"destinationServiceName":       {"destination.service.name", String},
	"destinationTranslatedAddress": {"destination.nat.ip", IP},
	"destinationTranslatedPort":    {"destination.nat.port", Long},
	"destinationUserId":            {"destination.user.id", String},
	"destinationUserName":          {"destination.user.name", String},
	"destinationUserPrivileges":    {"destination.user.group.name", String},
	"deviceAction":                 {"event.action", String},
	"deviceAddress":                {"observer.ip", IP},
	"deviceDnsDomain":              {"observer.hostname", String},
	"deviceHostName":               {"observer.hostname", String},
	"deviceMacAddress":             {"observer.mac", String},
	"devicePayloadId":              {"event.id", String},
	"deviceProcessId":              {"process.pid", Long},
	"deviceProcessName":            {"process.name", String},
	"deviceReceiptTime":            {"@timestamp", Time},
	"deviceTimeZone":               {"event.timezone", String},
	"endTime":                      {"event.end", Time},
	"eventId":                      {"event.id", String},
	"eventOutcome":                 {"event.outcome", String},
	"message":                      {"message", String},
	"startTime":                    {"event.start", Time},
	"type":                         {"event.kind", String},
	"fileCreateTime":               {"file.created", Time},
	"fileId":                       {"file.inode", String},
	"fileModificationTime":         {"file.mtime", Time},
	"filename":                     {"file.name", String},
	"filePath":                     {"file.path", String},
	"filePermission":               {"file.group", String},
	"fileSize":                     {"file.size", Long},
	"fileType":                     {"file.type", String},
	"requestClientApplication":     {"user_agent.original", String},
	"requestContext":               {"http.request.referrer", String},
	"requestMethod":                {"http.request.method", String},
	"requestUrl":                   {"url.original", String},
	"sourceAddress":                {"source.ip", IP},
	"sourceDnsDomain":              {"source.domain", String},
	"sourceHostName":               {"source.domain", String},
	"sourceGeoLatitude":            {"source.geo.location.lat", Real},
	"sourceGeoLongitude":           {"source.geo.location.lon", Real},
	"sourceMacAddress":             {"source.mac", String},
	"sourcePort":                   {"source.port", Long},
	"sourceProcessId":              {"source.process.pid", Long},
	"sourceProcessName":            {"source.process.name", String},
	"sourceServiceName":            {"source.service.name", String},
	"sourceTranslatedAddress":      {"source.nat.ip", IP},
	"sourceTranslatedPort":         {"source.nat.port", Long},
	"sourceUserId":                 {"source.user.id", String},
	"sourceUserName":               {"source.user.name", String},
	"sourceUserPrivileges":         {"source.user.group.name", String},
}

var ecsFields = func() map[string]ecsTarget {
	m := make(map[string]ecsTarget, len(ecsByFullName))
	for name, t := range ecsByFullName {
		if k, ok := cef.Lookup(name); ok {
			name = k.Name
		}
		m[name] = t
	}
	return m
}()

// ECS maps a record to an Elastic Common Schema document, as Beats'
// decode_cef processor does: the CEF header to observer.vendor,
// observer.product, observer.version, event.code, message (Name) and
// event.severity; each extension key of Beats' table to its ECS field,
// typed (ip, long, float, date); and every extension, by its full name
// where the dictionary has one, as a string under cef.extensions, beside
// cef.version, cef.device.*, cef.name and cef.severity. A value that does
// not fit its ECS field's type is left out of that field (it stays in
// cef.extensions) and listed in Problems. As in Beats, MAC addresses are
// written in upper case with '-' (ECS's form), deviceDirection 0 and 1 as
// inbound and outbound, and requestContext only when it is a URL.
//
// The syslog header goes to log.syslog (priority, facility.code,
// severity.code, hostname, appname, procid, msgid, version,
// structured_data), host.hostname and @timestamp (unless deviceReceiptTime
// gives it); a record without a CEF event gives message from the syslog
// MSG. Azure Stack Hub's classification is the azurestack object of the
// output contract; its events also fill, when the event has not, user.name
// from Who, source.ip from WhichIP, and for Windows events host.name from
// MasComputer and event.sequence from MasEventRecordID.
func ECS(r *cefsyslog.Record) *Document {
	d := newDocument(r)
	s := r.Syslog
	if s != nil && !s.Timestamp.IsZero() {
		d.set("@timestamp", Value{Kind: Time, Str: s.Timestamp.Format(time.RFC3339Nano), Time: s.Timestamp})
	}
	e := r.CEF
	if e != nil {
		d.setString("observer.vendor", e.DeviceVendor)
		d.setString("observer.product", e.DeviceProduct)
		d.setString("observer.version", e.DeviceVersion)
		d.setString("event.code", e.SignatureID)
		d.setString("message", e.Name)
		if e.Severity != "" {
			if n, ok := ecsSeverity(e.Severity); ok {
				d.set("event.severity", Value{Kind: Long, Str: e.Severity, Int: n})
			} else {
				d.problem("event.severity", "Severity", e.Severity, "not a CEF severity number or word; kept in cef.severity")
			}
		}
	}
	if s != nil {
		if e == nil {
			d.setString("message", s.Message)
		}
		d.setString("host.hostname", s.Hostname)
		if s.Priority >= 0 {
			d.set("log.syslog.priority", Value{Kind: Long, Str: strconv.Itoa(s.Priority), Int: int64(s.Priority)})
			d.set("log.syslog.facility.code", Value{Kind: Long, Str: strconv.Itoa(s.Facility()), Int: int64(s.Facility())})
			d.set("log.syslog.severity.code", Value{Kind: Long, Str: strconv.Itoa(s.Severity()), Int: int64(s.Severity())})
		}
		d.setString("log.syslog.hostname", s.Hostname)
		d.setString("log.syslog.appname", s.AppName)
		d.setString("log.syslog.procid", s.ProcID)
		d.setString("log.syslog.msgid", s.MsgID)
		if s.Version > 0 {
			d.set("log.syslog.version", Value{Kind: String, Str: strconv.Itoa(s.Version)})
		}
		if len(s.StructuredData) > 0 {
			b := []byte{'{'}
			for _, el := range s.StructuredData {
				b = append(memberSep(b), quote(el.ID)...)
				b = append(b, ':', '{')
				for _, p := range el.Params {
					b = append(memberSep(b), quote(p.Name)...)
					b = append(b, ':')
					b = append(b, quote(p.Value)...)
				}
				b = append(b, '}')
			}
			d.set("log.syslog.structured_data", Value{Kind: JSON, Str: string(append(b, '}'))})
		}
	}
	if e != nil {
		for _, x := range e.Extensions {
			key := x.Key
			if k, ok := cef.Lookup(key); ok {
				key = k.Name
			}
			t, ok := ecsFields[key]
			if !ok || x.Value == "" {
				continue
			}
			v := x.Value
			switch key {
			case "deviceDirection":
				switch v {
				case "0":
					v = "inbound"
				case "1":
					v = "outbound"
				default:
					d.problem(t.field, x.Key, x.Value, "not 0 (inbound) or 1 (outbound); kept in cef.extensions")
					continue
				}
			case "proto":
				v = strings.ToLower(v)
			case "requestContext":
				if !strings.HasPrefix(v, "http") {
					continue // Beats' rule: a referrer is a URL
				}
			}
			if strings.HasSuffix(t.field, ".mac") {
				// ECS writes MACs in upper case, separated by '-'.
				mac, err := cef.ParseMAC(v)
				if err != nil {
					d.problem(t.field, x.Key, x.Value, "not a MAC address; kept in cef.extensions")
					continue
				}
				v = strings.ToUpper(strings.ReplaceAll(mac.String(), ":", "-"))
			}
			var val Value
			var err error
			if t.kind == Time {
				var tm time.Time
				tm, err = e.Time(x.Key, cef.TimeOptions{})
				val = Value{Kind: Time, Str: v, Time: tm}
			} else {
				val, err = convert(t.kind, v)
			}
			if err != nil {
				d.problem(t.field, x.Key, x.Value, "does not fit the field's type; kept in cef.extensions")
				continue
			}
			d.set(t.field, val)
		}
		d.setString("cef.version", e.RawVersion)
		d.setString("cef.device.vendor", e.DeviceVendor)
		d.setString("cef.device.product", e.DeviceProduct)
		d.setString("cef.device.version", e.DeviceVersion)
		d.setString("cef.device.event_class_id", e.SignatureID)
		d.setString("cef.name", e.Name)
		d.setString("cef.severity", e.Severity)
		for _, x := range e.Extensions {
			d.set("cef.extensions."+fullName(x.Key), Value{Kind: String, Str: x.Value})
		}
	}
	if a := r.AzureStack; a != nil {
		d.setDefault("user.name", Value{Kind: String, Str: a.Who})
		if a.WhichIP != "" {
			if v, err := convert(IP, a.WhichIP); err == nil {
				d.setDefault("source.ip", v)
			} else {
				d.problem("source.ip", "WhichIP", a.WhichIP, "not an IP address; kept in cef.extensions")
			}
		}
		if w := a.Windows; w != nil {
			d.setDefault("host.name", Value{Kind: String, Str: w.Computer})
			if w.EventRecordID > 0 {
				d.setDefault("event.sequence", Value{Kind: Long, Str: strconv.FormatInt(w.EventRecordID, 10), Int: w.EventRecordID})
			}
		}
		d.set("azurestack", Value{Kind: JSON, Str: string(a.AppendJSON(nil))})
	}
	return d
}

// ecsSeverity reads a CEF severity as Beats does for event.severity: the
// words low, medium, high and very-high (in any case) as 0, 4, 7 and 9,
// else an integer 0–10.
func ecsSeverity(s string) (int64, bool) {
	switch strings.ToLower(s) {
	case "low":
		return 0, true
	case "medium":
		return 4, true
	case "high":
		return 7, true
	case "very-high":
		return 9, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 10 {
		return 0, false
	}
	return int64(n), true
}

func quote(s string) []byte { return appendString(nil, s) }

// fullName is a key's full name, as Beats names cef.extensions. Two
// published full names are wrong (see cef.Lookup): dmac is the
// destination's MAC, and flexString1Label is itself.
func fullName(key string) string {
	k, ok := cef.Lookup(key)
	switch {
	case !ok || k.FullName == "":
		return key
	case k.Name == "dmac":
		return "destinationMacAddress"
	case k.Name == "flexString1Label":
		return "flexString1Label"
	}
	return k.FullName
}
