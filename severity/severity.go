package severity

import (
	"errors"
	"strconv"
)

// ErrUnknown is the error of UnmarshalText for a text that names no value of
// the scale.
var ErrUnknown = errors.New("severity: unknown value")

// equalFold compares b with a lower-case ASCII word, ignoring case.
func equalFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// smallInt reads b as a decimal integer of one or two digits.
func smallInt(b []byte) (int, bool) {
	switch len(b) {
	case 1:
		if '0' <= b[0] && b[0] <= '9' {
			return int(b[0] - '0'), true
		}
	case 2:
		if '1' <= b[0] && b[0] <= '9' && '0' <= b[1] && b[1] <= '9' {
			return int(b[0]-'0')*10 + int(b[1]-'0'), true
		}
	}
	return 0, false
}

// CEF is a CEF header Severity: an integer from 0 (lowest) to 10. The spec
// also allows the words Unknown, Low, Medium, High and Very-High, each of
// which names a [Band] rather than one value.
type CEF int8

// CEFUnknown is the CEF severity of the word "Unknown".
const CEFUnknown CEF = -1

// String returns the value as the header writes it: "0" to "10", or
// "Unknown".
func (c CEF) String() string {
	if c < 0 || c > 10 {
		return "Unknown"
	}
	return strconv.Itoa(int(c))
}

// AppendText appends String's text; it implements encoding.TextAppender.
func (c CEF) AppendText(b []byte) ([]byte, error) { return append(b, c.String()...), nil }

// MarshalText returns String's text.
func (c CEF) MarshalText() ([]byte, error) { return c.AppendText(nil) }

// UnmarshalText reads a CEF Severity: "0" to "10", or a word in any case.
// A word stands for the lowest value of its band, as Elastic's reader maps
// them: Low is 0, Medium 4, High 7, Very-High 9, and Unknown is CEFUnknown.
// That is lossy: "High" and "8" are the same band. Any other text is
// ErrUnknown; "Information", which Azure Stack Hub sends for closed alerts,
// is not a CEF severity (see the azurestack package).
func (c *CEF) UnmarshalText(text []byte) error {
	if n, ok := smallInt(text); ok && n <= 10 {
		*c = CEF(n)
		return nil
	}
	for _, w := range [...]struct {
		word string
		v    CEF
	}{{"unknown", CEFUnknown}, {"low", 0}, {"medium", 4}, {"high", 7}, {"very-high", 9}} {
		if equalFold(text, w.word) {
			*c = w.v
			return nil
		}
	}
	return ErrUnknown
}

// Band is the word a CEF severity falls in.
type Band int8

// Bands, as the CEF standard defines them: 0–3 Low, 4–6 Medium, 7–8 High,
// 9–10 Very-High.
const (
	BandUnknown Band = iota
	BandLow
	BandMedium
	BandHigh
	BandVeryHigh
)

var bandNames = [...]string{"Unknown", "Low", "Medium", "High", "Very-High"}

// String returns the band's word as the standard spells it.
func (b Band) String() string {
	if b < 0 || int(b) >= len(bandNames) {
		return "Unknown"
	}
	return bandNames[b]
}

// Band returns the band c falls in.
func (c CEF) Band() Band {
	switch {
	case c < 0 || c > 10:
		return BandUnknown
	case c <= 3:
		return BandLow
	case c <= 6:
		return BandMedium
	case c <= 8:
		return BandHigh
	}
	return BandVeryHigh
}

// Syslog is a syslog severity, 0 (Emergency) to 7 (Debug), RFC 5424 §6.2.1.
type Syslog int8

// Syslog severities.
const (
	Emergency Syslog = iota
	Alert
	Critical
	Error
	Warning
	Notice
	Informational
	Debug
)

var syslogNames = [...]string{"Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"}

// String returns the name RFC 5424 gives the severity: "Emergency" to
// "Debug".
func (s Syslog) String() string {
	if s < 0 || int(s) >= len(syslogNames) {
		return "Syslog(" + strconv.Itoa(int(s)) + ")"
	}
	return syslogNames[s]
}

// AppendText appends String's text.
func (s Syslog) AppendText(b []byte) ([]byte, error) { return append(b, s.String()...), nil }

// MarshalText returns String's text.
func (s Syslog) MarshalText() ([]byte, error) { return s.AppendText(nil) }

// UnmarshalText reads a syslog severity: "0" to "7", the RFC 5424 names,
// or the short names syslog.conf uses (emerg, crit, err, warn, info), in
// any case.
func (s *Syslog) UnmarshalText(text []byte) error {
	if n, ok := smallInt(text); ok && n <= 7 {
		*s = Syslog(n)
		return nil
	}
	for i, names := range [...][2]string{
		{"emergency", "emerg"}, {"alert", "alert"}, {"critical", "crit"}, {"error", "err"},
		{"warning", "warn"}, {"notice", "notice"}, {"informational", "info"}, {"debug", "debug"},
	} {
		if equalFold(text, names[0]) || equalFold(text, names[1]) {
			*s = Syslog(i)
			return nil
		}
	}
	return ErrUnknown
}

// Windows is a Windows event level, as the event log and Azure Stack Hub's
// MasLevel extension carry it: 0 (Undefined, also called LogAlways) to 5
// (Verbose).
type Windows int8

// Windows event levels.
const (
	LevelUndefined Windows = iota
	LevelCritical
	LevelError
	LevelWarning
	LevelInformation
	LevelVerbose
)

var windowsNames = [...]string{"undefined", "critical", "error", "warning", "information", "verbose"}

// String returns the level's name in lower case, as the output contract's
// azurestack.level writes it: "undefined", "critical", "error", "warning",
// "information" or "verbose".
func (w Windows) String() string {
	if w < 0 || int(w) >= len(windowsNames) {
		return "Windows(" + strconv.Itoa(int(w)) + ")"
	}
	return windowsNames[w]
}

// AppendText appends String's text.
func (w Windows) AppendText(b []byte) ([]byte, error) { return append(b, w.String()...), nil }

// MarshalText returns String's text.
func (w Windows) MarshalText() ([]byte, error) { return w.AppendText(nil) }

// UnmarshalText reads a Windows level: "0" to "5" (as MasLevel carries it)
// or a name in any case, "LogAlways" and "Informational" included.
func (w *Windows) UnmarshalText(text []byte) error {
	if n, ok := smallInt(text); ok && n <= 5 {
		*w = Windows(n)
		return nil
	}
	for i, name := range windowsNames {
		if equalFold(text, name) {
			*w = Windows(i)
			return nil
		}
	}
	switch {
	case equalFold(text, "logalways"):
		*w = LevelUndefined
	case equalFold(text, "informational"):
		*w = LevelInformation
	default:
		return ErrUnknown
	}
	return nil
}
