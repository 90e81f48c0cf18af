package cefsyslogreceiver

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/severity"
	"go.opentelemetry.io/collector/pdata/pcommon"
	"go.opentelemetry.io/collector/pdata/plog"
)

// mapper turns records into log records; the table in the module's README
// lists what goes where.
type mapper struct {
	flat         bool // the contrib syslog receiver's attribute names
	azure        bool
	keepOriginal bool
}

// syslogSeverity maps syslog severities 0–7 to OTel severity numbers as the
// Collector's syslog parser does.
var syslogSeverity = [8]struct {
	n    plog.SeverityNumber
	text string
}{
	{plog.SeverityNumberFatal2, "emerg"}, {plog.SeverityNumberFatal, "alert"},
	{plog.SeverityNumberError2, "crit"}, {plog.SeverityNumberError, "err"},
	{plog.SeverityNumberWarn, "warning"}, {plog.SeverityNumberInfo2, "notice"},
	{plog.SeverityNumberInfo, "info"}, {plog.SeverityNumberDebug, "debug"},
}

// levelSeverity maps the record level of CEF and Azure Stack Hub events.
var levelSeverity = map[severity.Windows]plog.SeverityNumber{
	severity.LevelCritical:    plog.SeverityNumberFatal,
	severity.LevelError:       plog.SeverityNumberError,
	severity.LevelWarning:     plog.SeverityNumberWarn,
	severity.LevelInformation: plog.SeverityNumberInfo,
	severity.LevelVerbose:     plog.SeverityNumberDebug,
}

// add appends rec to the batch, under a resource for its host and app.
func (m mapper) add(b *batch, rec *cefsyslog.Record, peer string, observed time.Time) {
	var host, app string
	if s := rec.Syslog; s != nil {
		host, app = s.Hostname, s.AppName
	}
	key := [2]string{host, app}
	lrs, ok := b.res[key]
	if !ok {
		rl := b.logs.ResourceLogs().AppendEmpty()
		if host != "" {
			rl.Resource().Attributes().PutStr("host.name", host)
		}
		if app != "" {
			rl.Resource().Attributes().PutStr("service.name", app)
		}
		sl := rl.ScopeLogs().AppendEmpty()
		sl.Scope().SetName("github.com/cefsyslog/cefsyslog/otelcol/cefsyslogreceiver")
		lrs = sl.LogRecords()
		b.res[key] = lrs
	}
	lr := lrs.AppendEmpty()
	b.n++
	m.fill(lr, rec, peer, observed)
}

func (m mapper) fill(lr plog.LogRecord, rec *cefsyslog.Record, peer string, observed time.Time) {
	lr.SetObservedTimestamp(pcommon.NewTimestampFromTime(observed))
	attrs := lr.Attributes()
	name := func(otel, flat string) string {
		if m.flat {
			return flat
		}
		return otel
	}
	attrs.PutStr(name("syslog.format", "format"), rec.Format.String())
	attrs.PutStr("net.peer.address", peer)
	s := rec.Syslog
	if s != nil {
		if !s.Timestamp.IsZero() {
			lr.SetTimestamp(pcommon.NewTimestampFromTime(s.Timestamp))
		}
		lr.Body().SetStr(s.Message)
		if s.Priority >= 0 {
			attrs.PutInt(name("syslog.priority", "priority"), int64(s.Priority))
			attrs.PutInt(name("syslog.facility", "facility"), int64(s.Facility()))
			attrs.PutInt(name("syslog.severity", "severity"), int64(s.Severity()))
			sev := syslogSeverity[s.Severity()]
			lr.SetSeverityNumber(sev.n)
			lr.SetSeverityText(sev.text)
		}
		if s.Version > 0 {
			attrs.PutInt(name("syslog.version", "version"), int64(s.Version))
		}
		for _, kv := range [][3]string{
			{"syslog.hostname", "hostname", s.Hostname}, {"syslog.appname", "appname", s.AppName},
			{"syslog.procid", "proc_id", s.ProcID}, {"syslog.msgid", "msg_id", s.MsgID},
		} {
			if kv[2] != "" {
				attrs.PutStr(name(kv[0], kv[1]), kv[2])
			}
		}
		if m.flat {
			attrs.PutStr("message", s.Message)
		}
		if len(s.StructuredData) > 0 {
			sd := attrs.PutEmptyMap(name("syslog.structured_data", "structured_data"))
			for _, e := range s.StructuredData {
				el := sd.PutEmptyMap(e.ID)
				for _, p := range e.Params {
					el.PutStr(p.Name, p.Value)
				}
			}
		}
	} else {
		lr.Body().SetStr(rec.Raw)
	}
	if e := rec.CEF; e != nil {
		// As the Collector's ParseCEF function names them.
		attrs.PutStr("cef.version", e.RawVersion)
		attrs.PutStr("cef.deviceVendor", e.DeviceVendor)
		attrs.PutStr("cef.deviceProduct", e.DeviceProduct)
		attrs.PutStr("cef.deviceVersion", e.DeviceVersion)
		attrs.PutStr("cef.deviceEventClassId", e.SignatureID)
		attrs.PutStr("cef.name", e.Name)
		attrs.PutStr("cef.severity", e.Severity)
		ext := attrs.PutEmptyMap("cef.extensions")
		for _, x := range e.Extensions {
			ext.PutStr(x.Key, x.Value)
		}
	}
	if rec.CEF != nil || rec.AzureStack != nil {
		// The CEF or Azure Stack Hub level says more than the syslog
		// header of the forwarder that carried the event.
		if lvl, ok := rec.Level(); ok {
			if n, ok := levelSeverity[lvl]; ok {
				lr.SetSeverityNumber(n)
				lr.SetSeverityText(lvl.String())
			}
		}
	}
	if m.azure && rec.AzureStack != nil {
		dec := json.NewDecoder(bytes.NewReader(rec.AzureStack.AppendJSON(nil)))
		dec.UseNumber()
		putJSON(dec, attrs.PutEmpty("azurestack"))
	}
	if m.keepOriginal {
		attrs.PutStr("log.record.original", rec.Raw)
	}
	if err := rec.Err; err != nil {
		lr.Body().SetStr(rec.Raw)
		attrs.PutStr("cefsyslog.error", err.Reason)
		attrs.PutInt("cefsyslog.error_offset", int64(err.Offset))
	}
}

// putJSON reads one JSON value from dec into v, keeping the order of
// object members (the contract's order) and integers as integers.
func putJSON(dec *json.Decoder, v pcommon.Value) {
	tok, err := dec.Token()
	if err != nil {
		return
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := v.SetEmptyMap()
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return
				}
				key, _ := k.(string)
				putJSON(dec, m.PutEmpty(key))
			}
		case '[':
			s := v.SetEmptySlice()
			for dec.More() {
				putJSON(dec, s.AppendEmpty())
			}
		}
		dec.Token() // the closing delimiter
	case string:
		v.SetStr(t)
	case json.Number:
		if n, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			v.SetInt(n)
		} else if f, err := t.Float64(); err == nil {
			v.SetDouble(f)
		}
	case bool:
		v.SetBool(t)
	}
}
