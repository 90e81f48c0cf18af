package azurestack

import (
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/severity"
)

// Classifier classifies events as a [cef.Scanner] reads them, without
// allocating: Reset takes the header, Add each pair, and View gives the
// result. The zero value is ready; one Classifier serves many events. Not
// safe for concurrent use.
//
//	var s cef.Scanner
//	var c azurestack.Classifier
//	s.Reset(event)
//	c.Reset(s.Header())
//	for s.Next() {
//		c.Add(s.RawKey(), s.RawValue())
//	}
//	v := c.View()
type Classifier struct {
	st  state[[]byte]
	hdr cef.Header
}

// Reset starts a new event from its header, as [cef.Scanner.Header] gives
// it.
func (c *Classifier) Reset(h cef.Header) {
	c.hdr = h
	c.st.reset(h.DeviceVendor, h.DeviceProduct, h.SignatureID, h.Name, h.Severity)
}

// Add takes one extension pair, as [cef.Scanner.RawKey] and
// [cef.Scanner.RawValue] give it. Keys the classification does not need are
// ignored.
func (c *Classifier) Add(key, value []byte) { c.st.add(key, value) }

// View is the classification of a scanned event. Its byte slices are views
// into the event given to the Scanner, escapes in place, with the
// Scanner's lifetime; strings come from the documented tables.
type View struct {
	Product    Product
	Kind       Kind
	EventID    int           // PEP/REP ID or Windows EventID; -1 when none
	Endpoint   EndpointEvent // the PEP or REP table's row, for those kinds
	Name       []byte        // the CEF Name: the task name of WAC and Windows events, the name of fault and BCDR events
	Level      severity.Windows
	LevelFrom  LevelSource
	Provider   []byte // a Windows event's provider, from its Signature ID
	AlertState AlertState
	Reason     StateReason // why AlertState is what it is
	FaultType  []byte      // an alert's FaultTypeId
	AlertID    []byte      // an alert's AlertId
	Who        []byte      // the Who extension, or suser or duser
	WhichIP    []byte      // the WhichIP extension, or src or dvc
	Computer   []byte      // MasComputer
	Channel    []byte      // MasChannel
	RecordID   int64       // MasEventRecordID; -1 when absent or not a number
}

// View returns the classification of the event read so far.
func (c *Classifier) View() View {
	st := &c.st
	v := View{Product: st.product, EventID: -1, RecordID: -1}
	if st.product == NotAzureStack {
		return v
	}
	v.Kind = st.kind()
	v.Level, v.LevelFrom = st.level()
	v.Who, v.WhichIP = st.who, st.whichIP
	v.Computer, v.Channel = st.computer, st.channel
	if st.hasRecordID {
		if n, err := cef.ParseInt(st.recordID); err == nil {
			v.RecordID = n
		}
	}
	switch v.Kind {
	case KindPEP, KindREP:
		v.Endpoint, _ = LookupEndpoint(st.endpointID)
		v.EventID = st.endpointID
		v.Name = st.name
	case KindWAC, KindUnknown:
		v.EventID = st.endpointID
		v.Name = st.name
	case KindWindows:
		v.Provider, v.EventID, _ = windowsSignature(st.sig)
		v.Name = st.name
	case KindAlert:
		v.AlertState, v.Reason = st.alertState()
		v.FaultType, v.AlertID = alertParts(st.sig, st.name)
	default:
		v.Name = st.name
	}
	return v
}

// AppendEventName appends the event's name as the output contract's
// azurestack.event_name gives it: the PEP or REP table's event name, else
// the CEF Name for WAC, Windows, fault and BCDR events; nothing for alerts,
// ARM and unknown events. It does not allocate when dst has room.
func (v *View) AppendEventName(dst []byte) []byte {
	switch v.Kind {
	case KindPEP, KindREP:
		return append(dst, v.Endpoint.Name...)
	case KindWAC, KindWindows, KindBCDR, KindInfrastructureFault, KindServiceFault:
		return append(dst, v.Name...)
	}
	return dst
}
