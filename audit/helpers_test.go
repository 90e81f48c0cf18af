package audit

import (
	"strconv"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc5424"
)

// Generated records, built as Parse would build them from the lines an
// Azure Stack Hub forwarder (Windows events) and an RFC 5424 sender with
// [meta sequenceId] write. Constructed for these tests, not captured.

var t0 = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// winEvent is a Windows event forwarded by Azure Stack Hub, with content
// that makes each (computer, channel, id, variant) distinct.
func winEvent(relay, computer, channel string, id uint64, variant int, at time.Time) *cefsyslog.Record {
	num := strconv.FormatUint(id, 10)
	desc := "An account was successfully logged on. record " + num + " variant " + strconv.Itoa(variant)
	ev := &cef.Event{Version: 0, RawVersion: "0.0", DeviceVendor: "Microsoft", DeviceProduct: "Microsoft Azure Stack Hub",
		DeviceVersion: "1.0", SignatureID: "Microsoft-Windows-Security-Auditing:4624", Name: "Logon", Severity: "2", Fields: 7,
		Extensions: []cef.Extension{
			{Key: "MasChannel", Value: channel},
			{Key: "MasComputer", Value: computer},
			{Key: "MasEventDescription", Value: desc},
			{Key: "MasEventID", Value: "4624"},
			{Key: "MasEventRecordID", Value: num},
			{Key: "MasLevel", Value: "4"},
		}}
	text, _ := ev.AppendText(nil)
	return &cefsyslog.Record{
		Format: cefsyslog.RFC3164,
		Syslog: &cefsyslog.Syslog{Priority: 86, Timestamp: at, Hostname: relay, Message: string(text)},
		CEF:    ev,
		Raw:    "<86>" + at.Format(time.Stamp) + " " + relay + " " + string(text),
	}
}

// metaEvent is an RFC 5424 message with [meta sequenceId].
func metaEvent(host, app string, seq uint64, variant int, at time.Time) *cefsyslog.Record {
	num := strconv.FormatUint(seq, 10)
	return &cefsyslog.Record{
		Format: cefsyslog.RFC5424,
		Syslog: &cefsyslog.Syslog{Priority: 165, Version: 1, Timestamp: at, Hostname: host, AppName: app, ProcID: "-", MsgID: "ID47",
			StructuredData: []rfc5424.Element{{ID: "meta", Params: []rfc5424.Param{{Name: "sequenceId", Value: num}}}},
			Message:        "user login on " + host + " number " + num + " variant " + strconv.Itoa(variant)},
	}
}
