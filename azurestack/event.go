package azurestack

import (
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/internal/jsonw"
	"github.com/cefsyslog/cefsyslog/severity"
)

// Event is an Azure Stack Hub (or HCI) event as owned values, built by
// [Classify] from a parsed CEF event, which it keeps whole: nothing is
// dropped, whatever the kind.
type Event struct {
	Product   Product
	Kind      Kind
	EventID   int    // PEP/REP ID or Windows EventID; -1 when none
	EventName string // the contract's event_name: the PEP/REP table's name, or the CEF Name of WAC, Windows, fault and BCDR events
	TaskName  string // the PEP/REP task name (the CEF Name), or a Windows event's TaskName
	// Endpoint is the PEP or REP table's row, with the severity it
	// documents; zero for other kinds.
	Endpoint  EndpointEvent
	Level     severity.Windows
	LevelFrom LevelSource
	// ProviderName is a Windows event's provider, from its Signature ID
	// ("Microsoft-Windows-GroupPolicy" in
	// "Microsoft-Windows-GroupPolicy:1501").
	ProviderName string
	// Who and WhichIP are the PEP/REP fields of those names (looked up in
	// any case), or suser/duser and src/dvc when they are missing. The
	// page changed what WhichIP means for PEP events: "the device used to
	// connect" (2020), "the ERCS server hosting the PEP" (2025).
	Who, WhichIP string
	Alert        *Alert        // for alerts
	Windows      *WindowsEvent // for Windows events
	CEF          *cef.Event    // the event classified, with every field
}

// Alert holds what an alert carries.
type Alert struct {
	State       AlertState
	Reason      StateReason // why State is what it is
	FaultTypeID string      // from the Signature ID or the Name
	AlertID     string      // from the Name, "FaultTypeId : AlertId"
	// Title, Description and Remediation split the alert's text (its
	// MasEventDescription, or its Name as the page's sample line has it)
	// on " -- ": "TITLE: …", "DESCRIPTION: …", "REMEDIATION: …".
	Title, Description, Remediation string
}

// GUID is a 128-bit identifier as Windows writes it.
type GUID [16]byte

// String returns the GUID in upper-case 8-4-4-4-12 form, as Windows
// events carry it, or "" for the zero GUID.
func (g GUID) String() string {
	if g == (GUID{}) {
		return ""
	}
	const hexDigits = "0123456789ABCDEF"
	b := make([]byte, 0, 36)
	for i, x := range g {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hexDigits[x>>4], hexDigits[x&0xf])
	}
	return string(b)
}

// ParseGUID reads a GUID in 8-4-4-4-12 form, with or without braces, in
// any case.
func ParseGUID(s string) (GUID, error) {
	var g GUID
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = s[1 : len(s)-1]
	}
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return g, errBadGUID
	}
	h := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:36]
	if _, err := hex.Decode(g[:], []byte(h)); err != nil {
		return GUID{}, errBadGUID
	}
	return g, nil
}

var errBadGUID = errors.New("azurestack: not a GUID")

// WindowsEvent holds the 23 Mas* extensions of a Windows event, typed. A
// numeric field the event does not have is 0 (the raw event tells absence
// from zero); a value that does not fit its type is left at zero, named in
// Invalid, and stays as sent in the CEF event.
type WindowsEvent struct {
	Channel                      string   // MasChannel
	Computer                     string   // MasComputer
	CorrelationActivityID        GUID     // MasCorrelationActivityID
	CorrelationRelatedActivityID GUID     // MasCorrelationRelatedActivityID
	EventData                    []string // MasEventData, split on "!!"
	EventDescription             string   // MasEventDescription
	EventID                      int64    // MasEventID
	EventRecordID                int64    // MasEventRecordID
	ExecutionProcessID           int64    // MasExecutionProcessID
	ExecutionThreadID            int64    // MasExecutionThreadID
	// Keywords is MasKeywords, read from hex ("0x8000000000000000") or
	// decimal into a uint64: the audit bits go past int64.
	Keywords                uint64
	KeywordName             string           // MasKeywordName
	Level                   severity.Windows // MasLevel
	Opcode                  int64            // MasOpcode
	OpcodeName              string           // MasOpcodeName
	ProviderEventSourceName string           // MasProviderEventSourceName
	ProviderGUID            GUID             // MasProviderGuid
	ProviderName            string           // MasProviderName
	SecurityUserID          string           // MasSecurityUserId, a SID
	Task                    int64            // MasTask
	TaskCategory            string           // MasTaskCategory
	// UserData is MasUserData split on "!!", less the " Xpath: …" it ends
	// with, which is in UserDataXPath.
	UserData      []string
	UserDataXPath string
	Version       int64    // MasVersion
	Invalid       []string // the Mas* keys whose value did not fit their type
}

// Classify classifies a parsed CEF event. It returns nil when the event
// does not come from Azure Stack Hub or HCI (see [ProductOf]).
func Classify(e *cef.Event) *Event {
	var st state[string]
	st.reset(e.DeviceVendor, e.DeviceProduct, e.SignatureID, e.Name, e.Severity)
	if st.product == NotAzureStack {
		return nil
	}
	for _, x := range e.Extensions {
		st.add(x.Key, x.Value)
	}
	ev := &Event{Product: st.product, Kind: st.kind(), EventID: -1, CEF: e, Who: st.who, WhichIP: st.whichIP}
	ev.Level, ev.LevelFrom = st.level()
	switch ev.Kind {
	case KindPEP, KindREP:
		ev.Endpoint, _ = LookupEndpoint(st.endpointID)
		ev.EventID, ev.EventName, ev.TaskName = st.endpointID, ev.Endpoint.Name, e.Name
	case KindWAC:
		ev.EventID, ev.EventName, ev.TaskName = st.endpointID, e.Name, e.Name
	case KindUnknown:
		ev.EventID = st.endpointID
	case KindWindows:
		ev.ProviderName, ev.EventID, _ = windowsSignature(e.SignatureID)
		ev.EventName, ev.TaskName = e.Name, e.Name
		ev.Windows = windowsFields(e)
	case KindAlert:
		a := &Alert{}
		a.State, a.Reason = st.alertState()
		a.FaultTypeID, a.AlertID = alertParts(e.SignatureID, e.Name)
		// The Name is the text only when it holds the labels, as in the
		// page's sample line; "FaultTypeId : AlertId" is no title.
		var text string
		switch {
		case st.hasMasDesc:
			text = st.masDesc
		case strings.Contains(e.Name, "TITLE:") || strings.Contains(e.Name, "DESCRIPTION:") || strings.Contains(e.Name, "REMEDIATION:"):
			text = e.Name
		}
		a.Title, a.Description, a.Remediation = alertText(text)
		ev.Alert = a
	case KindBCDR, KindInfrastructureFault, KindServiceFault:
		ev.EventName = e.Name
	}
	return ev
}

// alertText splits "TITLE: t -- DESCRIPTION: d -- REMEDIATION: r" into its
// parts; a part without a known label counts as the title.
func alertText(s string) (title, description, remediation string) {
	for part := range strings.SplitSeq(s, " -- ") {
		switch {
		case strings.HasPrefix(part, "TITLE:"):
			title = strings.TrimSpace(part[len("TITLE:"):])
		case strings.HasPrefix(part, "DESCRIPTION:"):
			description = strings.TrimSpace(part[len("DESCRIPTION:"):])
		case strings.HasPrefix(part, "REMEDIATION:"):
			remediation = strings.TrimSpace(part[len("REMEDIATION:"):])
		case title == "" && description == "" && remediation == "":
			title = strings.TrimSpace(part)
		}
	}
	return title, description, remediation
}

// windowsFields reads the Mas* extensions into their types.
func windowsFields(e *cef.Event) *WindowsEvent {
	w := &WindowsEvent{}
	invalid := func(key string) { w.Invalid = append(w.Invalid, key) }
	num := func(key, v string, dst *int64) {
		if v == "" {
			return
		}
		n, err := cef.ParseInt(v)
		if err != nil {
			invalid(key)
			return
		}
		*dst = n
	}
	guid := func(key, v string, dst *GUID) {
		if v == "" {
			return
		}
		g, err := ParseGUID(strings.TrimSpace(v))
		if err != nil {
			invalid(key)
			return
		}
		*dst = g
	}
	for _, x := range e.Extensions {
		v := x.Value
		switch x.Key {
		case "MasChannel":
			w.Channel = v
		case "MasComputer":
			w.Computer = v
		case "MasCorrelationActivityID":
			guid(x.Key, v, &w.CorrelationActivityID)
		case "MasCorrelationRelatedActivityID":
			guid(x.Key, v, &w.CorrelationRelatedActivityID)
		case "MasEventData":
			w.EventData = splitItems(v)
		case "MasEventDescription":
			w.EventDescription = v
		case "MasEventID":
			num(x.Key, v, &w.EventID)
		case "MasEventRecordID":
			num(x.Key, v, &w.EventRecordID)
		case "MasExecutionProcessID":
			num(x.Key, v, &w.ExecutionProcessID)
		case "MasExecutionThreadID":
			num(x.Key, v, &w.ExecutionThreadID)
		case "MasKeywords":
			if k, ok := parseKeywords(v); ok {
				w.Keywords = k
			} else if v != "" {
				invalid(x.Key)
			}
		case "MasKeywordName":
			w.KeywordName = v
		case "MasLevel":
			if v != "" && w.Level.UnmarshalText([]byte(strings.TrimSpace(v))) != nil {
				invalid(x.Key)
			}
		case "MasOpcode":
			num(x.Key, v, &w.Opcode)
		case "MasOpcodeName":
			w.OpcodeName = v
		case "MasProviderEventSourceName":
			w.ProviderEventSourceName = v
		case "MasProviderGuid":
			guid(x.Key, v, &w.ProviderGUID)
		case "MasProviderName":
			w.ProviderName = v
		case "MasSecurityUserId":
			w.SecurityUserID = v
		case "MasTask":
			num(x.Key, v, &w.Task)
		case "MasTaskCategory":
			w.TaskCategory = v
		case "MasUserData":
			if i := strings.LastIndex(v, " Xpath: "); i >= 0 {
				v, w.UserDataXPath = v[:i], v[i+len(" Xpath: "):]
			}
			w.UserData = splitItems(v)
		case "MasVersion":
			num(x.Key, v, &w.Version)
		}
	}
	return w
}

// splitItems splits a MasEventData or MasUserData value on "!!"; items may
// be empty ("a!!!!b" has three).
func splitItems(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, "!!")
}

// parseKeywords reads MasKeywords: "0x" and hex digits, or decimal.
func parseKeywords(v string) (uint64, bool) {
	v = strings.TrimSpace(v)
	if s, ok := strings.CutPrefix(v, "0x"); ok {
		n, err := strconv.ParseUint(s, 16, 64)
		return n, err == nil
	}
	n, err := strconv.ParseUint(v, 10, 64)
	return n, err == nil && v != ""
}

// AppendJSON appends the output contract's azurestack object: kind,
// event_id, event_name, level, provider_name, alert_state, fault_type_id,
// alert_id. Fields the event does not carry are left out.
func (e *Event) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	dst = jsonw.Str(dst, "kind", e.Kind.String())
	if e.EventID >= 0 {
		dst = jsonw.Int(dst, "event_id", e.EventID)
	}
	dst = jsonw.OptStr(dst, "event_name", e.EventName)
	dst = jsonw.Str(dst, "level", e.Level.String())
	dst = jsonw.OptStr(dst, "provider_name", e.ProviderName)
	if a := e.Alert; a != nil {
		dst = jsonw.Str(dst, "alert_state", a.State.String())
		dst = jsonw.OptStr(dst, "fault_type_id", a.FaultTypeID)
		dst = jsonw.OptStr(dst, "alert_id", a.AlertID)
	}
	return append(dst, '}')
}

// MarshalJSON returns the contract's azurestack object; see
// [Event.AppendJSON].
func (e *Event) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil), nil }
