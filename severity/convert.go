package severity

// This file converts between the scales. Each table comes from Microsoft's
// Azure Stack Hub syslog forwarding page (the CEF column of its Windows,
// PEP, REP and alert severity tables) and its Azure Stack HCI sibling (the
// PRI column); the package doc shows them.

// CEFOf returns the CEF severity Azure Stack Hub sends for a Windows level:
// Critical 10, Error 8, Warning 5, Information 2, Verbose 0, Undefined 0.
func CEFOf(w Windows) CEF {
	switch w {
	case LevelCritical:
		return 10
	case LevelError:
		return 8
	case LevelWarning:
		return 5
	case LevelInformation:
		return 2
	}
	return 0
}

// WindowsOf returns the Windows level of a CEF severity and whether the
// mapping is exact. The five values Azure Stack Hub sends map back exactly,
// except 0, which stands for both Undefined and Verbose: WindowsOf returns
// Undefined and false, and an event's MasLevel settles it. The values it
// does not send take the level of their CEF band (see WindowsOfBand),
// which agrees with the table on the five: 1 and 3 Information, 4 and 6
// Warning, 7 Error, 9 Critical, with false. CEFUnknown is Undefined.
func WindowsOf(c CEF) (Windows, bool) {
	switch c {
	case 10:
		return LevelCritical, true
	case 8:
		return LevelError, true
	case 5:
		return LevelWarning, true
	case 2:
		return LevelInformation, true
	case 0, CEFUnknown:
		return LevelUndefined, false
	}
	return WindowsOfBand(c.Band()), false
}

// SyslogOf returns the syslog severity Azure Stack HCI puts in the PRI of a
// Windows event of level w: Critical 2, Error 3, Warning 4, Information 6,
// Verbose 7, Undefined 7.
func SyslogOf(w Windows) Syslog {
	switch w {
	case LevelCritical:
		return Critical
	case LevelError:
		return Error
	case LevelWarning:
		return Warning
	case LevelInformation:
		return Informational
	}
	return Debug
}

// WindowsOfSyslog returns the Windows level of a syslog severity and whether
// the mapping is exact. 2, 3, 4 and 6 map back exactly; 7 stands for both
// Verbose and Undefined (Verbose is returned, with false); Emergency and
// Alert have no Windows level and count as Critical, Notice as Information,
// with false.
func WindowsOfSyslog(s Syslog) (Windows, bool) {
	switch s {
	case Critical:
		return LevelCritical, true
	case Error:
		return LevelError, true
	case Warning:
		return LevelWarning, true
	case Informational:
		return LevelInformation, true
	case Emergency, Alert:
		return LevelCritical, false
	case Notice:
		return LevelInformation, false
	}
	return LevelVerbose, false
}

// SyslogOfCEF returns the syslog severity of a CEF severity, through the
// Windows level both tables share: 10 Critical, 8 Error, 5 Warning,
// 2 Informational, 0 Debug, and the bands of WindowsOf for the rest. It
// reports false where either step is not exact.
func SyslogOfCEF(c CEF) (Syslog, bool) {
	w, exact := WindowsOf(c)
	return SyslogOf(w), exact
}

// CEFOfSyslog returns the CEF severity of a syslog severity, through the
// Windows level both tables share, and whether the mapping is exact.
func CEFOfSyslog(s Syslog) (CEF, bool) {
	w, exact := WindowsOfSyslog(s)
	return CEFOf(w), exact
}

// WindowsOfBand returns the Windows level a CEF severity word stands for:
// Very-High Critical, High Error, Medium Warning, Low Information, Unknown
// Undefined. The words name bands, so this is never exact.
func WindowsOfBand(b Band) Windows {
	switch b {
	case BandVeryHigh:
		return LevelCritical
	case BandHigh:
		return LevelError
	case BandMedium:
		return LevelWarning
	case BandLow:
		return LevelInformation
	}
	return LevelUndefined
}

// Filter is the output severity of Azure Stack Hub's syslog forwarder
// (Set-SyslogServer -OutputSeverity): which events it sends.
type Filter int8

// Filters.
const (
	// Default sends critical, error and warning events.
	Default Filter = iota
	// Verbose sends every level: verbose, information, warning, error and
	// critical (and undefined).
	Verbose
)

// String returns "default" or "verbose".
func (f Filter) String() string {
	if f == Verbose {
		return "verbose"
	}
	return "default"
}

// UnmarshalText reads "default" or "verbose" in any case, so that a Filter
// can be a command-line flag.
func (f *Filter) UnmarshalText(text []byte) error {
	switch {
	case equalFold(text, "default"):
		*f = Default
	case equalFold(text, "verbose"):
		*f = Verbose
	default:
		return ErrUnknown
	}
	return nil
}

// MarshalText returns String's text.
func (f Filter) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// Pass reports whether a forwarder with this output severity sends an event
// of level w.
func (f Filter) Pass(w Windows) bool {
	if f == Verbose {
		return true
	}
	return w == LevelCritical || w == LevelError || w == LevelWarning
}
