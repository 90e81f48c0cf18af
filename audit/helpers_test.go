package audit

import (
	"slices"
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

// longWinEvent is winEvent with the rest of an Azure Stack Hub Windows
// event's 22 extensions, many of the same length as the keys the tracker
// looks up, and with the keys it reads repeated first with other values,
// which must lose to the later ones, as with cef.Event.Get. Its
// extensions outnumber fewExtensions, so the tracker reads them in one
// pass.
func longWinEvent(relay, computer, channel string, id uint64, variant int, at time.Time) *cefsyslog.Record {
	r := winEvent(relay, computer, channel, id, variant, at)
	decoys := []cef.Extension{
		{Key: "MasEventRecordID", Value: "7"},
		{Key: "MasComputer", Value: "decoy"},
		{Key: "MasChannel", Value: "Decoy"},
	}
	rest := []cef.Extension{
		{Key: "MasExecutionProcessID", Value: "1600"}, {Key: "MasExecutionThreadID", Value: "7852"},
		{Key: "MasKeywords", Value: "0x8000000000000000"}, {Key: "MasKeywordName", Value: "Audit Success"},
		{Key: "MasOpcode", Value: "0"}, {Key: "MasOpcodeName", Value: "Info"},
		{Key: "MasProviderGuid", Value: "54849625-5478-4994-A5BA-3E3B0328C30D"},
		{Key: "MasProviderName", Value: "Microsoft-Windows-Security-Auditing"},
		{Key: "MasSecurityUserId", Value: "S-1-5-18"}, {Key: "MasTask", Value: "12544"},
		{Key: "MasTaskCategory", Value: "Logon"}, {Key: "MasUserData", Value: ""}, {Key: "MasVersion", Value: "2"},
	}
	r.CEF.Extensions = slices.Concat(decoys, r.CEF.Extensions, rest)
	text, _ := r.CEF.AppendText(nil)
	r.Syslog.Message = string(text)
	r.Raw = "<86>" + at.Format(time.Stamp) + " " + relay + " " + string(text)
	return r
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
