package azurestack

// This file holds the rules that turn a CEF event into an Azure Stack Hub
// event. They are written once, generic over string (owned events) and
// []byte (the scanner's views), so that both paths agree and the scanner
// path allocates nothing.

import (
	"github.com/cefsyslog/cefsyslog/severity"
)

// Product says which product sent an event.
type Product uint8

// Products.
const (
	// NotAzureStack: the event does not come from Azure Stack.
	NotAzureStack Product = iota
	// Hub: vendor "Microsoft", product "Microsoft Azure Stack Hub" or the
	// name before the 2020 rename, "Microsoft Azure Stack" (any product
	// that starts with it, but for HCI).
	Hub
	// HCI: vendor "Microsoft", product "Microsoft Azure Stack HCI", the
	// sibling product with the same Windows event mapping, kept apart.
	HCI
)

// String returns "hub", "hci" or "none".
func (p Product) String() string {
	switch p {
	case Hub:
		return "hub"
	case HCI:
		return "hci"
	}
	return "none"
}

// ProductOf tells the product from a CEF header's vendor and product.
func ProductOf[T string | []byte](vendor, product T) Product {
	const prefix = "Microsoft Azure Stack"
	if string(vendor) != "Microsoft" || len(product) < len(prefix) || string(product[:len(prefix)]) != prefix {
		return NotAzureStack
	}
	if string(product) == "Microsoft Azure Stack HCI" {
		return HCI
	}
	return Hub
}

// Kind is the type of an Azure Stack Hub event.
type Kind uint8

// Kinds. Their String is the output contract's azurestack.kind.
const (
	KindUnknown             Kind = iota // does not fit a documented type; all raw fields are kept
	KindPEP                             // Privileged Endpoint event, IDs 1000–1010 and 1017
	KindREP                             // Recovery Endpoint event, IDs 1011–1016
	KindWAC                             // PEP WAC event, told by name
	KindWindows                         // Windows event with Mas* extensions
	KindAlert                           // alert created or closed
	KindARM                             // Azure Resource Manager event (Azs* properties)
	KindBCDR                            // backup admin operation
	KindInfrastructureFault             // infrastructure fault opened or closed
	KindServiceFault                    // service fault opened or closed
)

var kindNames = [...]string{"unknown", "pep", "rep", "wac", "windows", "alert", "arm", "bcdr", "infrastructure_fault", "service_fault"}

// String returns the kind as the output contract writes it: "pep",
// "windows", "infrastructure_fault", ...
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// AlertState says whether an alert was created or closed.
type AlertState uint8

// Alert states.
const (
	NotAlert AlertState = iota
	Created
	Closed
)

// String returns "created", "closed" or "".
func (s AlertState) String() string {
	switch s {
	case Created:
		return "created"
	case Closed:
		return "closed"
	}
	return ""
}

// StateReason says which rule decided an alert's state. Closed alerts keep
// the Signature ID of created ones ("... Alert Creation : FaultTypeId"), so
// the state is read from other signs, in this order.
type StateReason uint8

// Reasons, in the order the rules are tried.
const (
	// ReasonNone: not an alert.
	ReasonNone StateReason = iota
	// ReasonSignature: the Signature ID says "Alert Clos..." (closed); a
	// future fix of the page or the product would show this way.
	ReasonSignature
	// ReasonSeverityWord: the severity is the word Information, which the
	// page documents for closed alerts (closed).
	ReasonSeverityWord
	// ReasonNoDescription: the alert has no MasEventDescription and its
	// Name has no "DESCRIPTION:" (closed: the page documents the extension
	// for created alerts only).
	ReasonNoDescription
	// ReasonCreated: none of the above (created).
	ReasonCreated
)

var reasonText = [...]string{
	"",
	"the Signature ID says the alert closed",
	"the severity is the word Information, which closed alerts send",
	"no MasEventDescription and no DESCRIPTION in the name, which created alerts carry",
	"none of the signs of a closed alert",
}

// String explains the rule in a sentence.
func (r StateReason) String() string {
	if int(r) < len(reasonText) {
		return reasonText[r]
	}
	return ""
}

// LevelSource says where an event's level came from.
type LevelSource uint8

// Level sources.
const (
	// FromMasLevel: the MasLevel extension (0–5), which settles what the
	// CEF severity cannot (0 is both Undefined and Verbose).
	FromMasLevel LevelSource = iota
	// FromSeverity: the CEF severity, through the page's table (exact for
	// 10, 8, 5 and 2) or the severity's band.
	FromSeverity
	// FromSeverityWord: the word Information, which closed alerts send.
	FromSeverityWord
	// FromNothing: no MasLevel and a severity nothing maps; the level is
	// Undefined.
	FromNothing
)

// state gathers what classification needs, from the header and then from
// the extension pairs one by one.
type state[T string | []byte] struct {
	product        Product
	sig, name, sev T
	endpointID     int  // the ID after the PEP prefix, -1 without one
	pepPrefix      bool // the Signature ID has the PEP prefix
	masLevel       T
	hasMasLevel    bool
	masDesc        T
	hasMasDesc     bool
	hasAzsOp       bool
	who, whichIP   T // Who and WhichIP, or their fallbacks
	whoRank        int
	whichRank      int
	computer       T
	channel        T
	recordID       T
	hasRecordID    bool
}

// reset starts a new event from its header fields (raw or unescaped).
func (s *state[T]) reset(vendor, product, sig, name, sev T) {
	var zero T
	*s = state[T]{product: ProductOf(vendor, product), sig: sig, name: name, sev: sev, endpointID: -1,
		masLevel: zero, masDesc: zero, who: zero, whichIP: zero, computer: zero, channel: zero, recordID: zero}
	if hasPrefix(sig, pepPrefix) {
		s.pepPrefix = true
		if id, ok := trailingInt(sig[len(pepPrefix):]); ok {
			s.endpointID = id
		}
	}
}

// add takes one extension pair.
func (s *state[T]) add(key, value T) {
	switch string(key) {
	case "MasLevel":
		s.masLevel, s.hasMasLevel = value, true
		return
	case "MasEventDescription":
		s.masDesc, s.hasMasDesc = value, true
		return
	case "MasComputer":
		s.computer = value
		return
	case "MasChannel":
		s.channel = value
		return
	case "MasEventRecordID":
		s.recordID, s.hasRecordID = value, true
		return
	case "AzsOperationName", "AzsResourceProvider":
		s.hasAzsOp = true
		return
	}
	// Who and WhichIP are not documented as keys, so they are looked up
	// in any case, with suser/duser and src/dvc as fallbacks (rank 2 and 1).
	switch {
	case equalFold(key, "who"):
		s.who, s.whoRank = value, 3
	case s.whoRank < 2 && string(key) == "suser":
		s.who, s.whoRank = value, 2
	case s.whoRank < 1 && string(key) == "duser":
		s.who, s.whoRank = value, 1
	case equalFold(key, "whichip"):
		s.whichIP, s.whichRank = value, 3
	case s.whichRank < 2 && string(key) == "src":
		s.whichIP, s.whichRank = value, 2
	case s.whichRank < 1 && string(key) == "dvc":
		s.whichIP, s.whichRank = value, 1
	}
}

// kind decides the event's type, in this order: the PEP prefix (PEP, REP,
// WAC by name, or an unknown endpoint event), an alert, a BCDR or fault
// event by name, an ARM event by its Azs properties, a Windows event by its
// "ProviderName:EventID" Signature ID; anything else is unknown.
func (s *state[T]) kind() Kind {
	switch {
	case s.product == NotAzureStack:
		return KindUnknown
	case s.pepPrefix:
		if e, ok := LookupEndpoint(s.endpointID); ok {
			if e.Recovery {
				return KindREP
			}
			return KindPEP
		}
		if isWAC(s.name) {
			return KindWAC
		}
		return KindUnknown
	case s.isAlert():
		return KindAlert
	}
	if k := nameKind(s.name); k != KindUnknown {
		return k
	}
	if s.hasAzsOp {
		return KindARM
	}
	if _, _, ok := windowsSignature(s.sig); ok {
		return KindWindows
	}
	return KindUnknown
}

// isAlert recognises an alert by its Signature ID's prefix or, as the
// page's own sample line shows one, by a Name that holds its text.
func (s *state[T]) isAlert() bool {
	return hasPrefix(s.sig, hubAlertPrefix) || hasPrefix(s.sig, oldAlertPrefix) ||
		contains(s.name, "DESCRIPTION:") || contains(s.name, "REMEDIATION:")
}

// alertState applies the rules of StateReason.
func (s *state[T]) alertState() (AlertState, StateReason) {
	switch {
	case contains(s.sig, "Alert Clos"):
		return Closed, ReasonSignature
	case equalFold(s.sev, "information") || equalFold(s.sev, "informational"):
		return Closed, ReasonSeverityWord
	case !s.hasMasDesc && !contains(s.name, "DESCRIPTION:"):
		return Closed, ReasonNoDescription
	}
	return Created, ReasonCreated
}

// level reads the event's level: MasLevel when it has one, else the CEF
// severity.
func (s *state[T]) level() (severity.Windows, LevelSource) {
	if s.hasMasLevel {
		var w severity.Windows
		if n, ok := trailingInt(s.masLevel); ok && n <= 5 && len(s.masLevel) == 1 {
			w = severity.Windows(n)
			return w, FromMasLevel
		}
	}
	if equalFold(s.sev, "information") || equalFold(s.sev, "informational") {
		return severity.LevelInformation, FromSeverityWord
	}
	var c severity.CEF
	if err := c.UnmarshalText([]byte(s.sev)); err == nil {
		w, _ := severity.WindowsOf(c)
		return w, FromSeverity
	}
	return severity.LevelUndefined, FromNothing
}

// windowsSignature splits a Windows event's Signature ID,
// "ProviderName:EventID", at its last colon; the event ID must be digits.
func windowsSignature[T string | []byte](sig T) (provider T, id int, ok bool) {
	i := lastIndexByte(sig, ':')
	if i <= 0 {
		return provider, 0, false
	}
	id, ok = trailingInt(sig[i+1:])
	if !ok {
		return provider, 0, false
	}
	return trimSpace(sig[:i]), id, true
}

// alertParts splits an alert's Name, "FaultTypeId : AlertId", and its
// Signature ID, "... Alert Creation : FaultTypeId". A fault type ID may
// hold colons, an alert ID (a GUID) does not: the Name splits at its last
// " : ", the Signature ID after the prefix's first.
func alertParts[T string | []byte](sig, name T) (faultTypeID, alertID T) {
	if i := lastIndex(name, " : "); i > 0 {
		faultTypeID, alertID = trimSpace(name[:i]), trimSpace(name[i+3:])
	}
	if hasPrefix(sig, hubAlertPrefix) || hasPrefix(sig, oldAlertPrefix) {
		if i := index(sig, " : "); i > 0 {
			faultTypeID = trimSpace(sig[i+3:])
		}
	}
	return faultTypeID, alertID
}

// Small string helpers, generic over string and []byte, that do not
// allocate.

func hasPrefix[T string | []byte](s T, prefix string) bool {
	return len(s) >= len(prefix) && string(s[:len(prefix)]) == prefix
}

func index[T string | []byte](s T, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

func lastIndex[T string | []byte](s T, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if string(s[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}

func contains[T string | []byte](s T, sub string) bool { return index(s, sub) >= 0 }

func lastIndexByte[T string | []byte](s T, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func trimSpace[T string | []byte](s T) T {
	i, j := 0, len(s)
	for i < j && s[i] == ' ' {
		i++
	}
	for j > i && s[j-1] == ' ' {
		j--
	}
	return s[i:j]
}

// trailingInt reads s, less surrounding spaces, as a non-negative decimal
// integer of at most nine digits.
func trailingInt[T string | []byte](s T) (int, bool) {
	s = trimSpace(s)
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// equalFold compares s with a lower-case ASCII word, ignoring case.
func equalFold[T string | []byte](s T, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := range len(s) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
