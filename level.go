package cefsyslog

import "github.com/cefsyslog/cefsyslog/severity"

// Level returns the record's level on the Windows scale that Azure Stack
// Hub's forwarder filters on, and whether the record has one. It is, in
// this order: the Azure Stack Hub event's level (its MasLevel, else its CEF
// severity); another CEF event's MasLevel (Azure Stack HCI sends one); its
// CEF severity, through the Azure Stack table where it has the value and by
// its band elsewhere; the syslog severity (Emergency and
// Alert count as Critical, Notice as Information, Debug as Verbose).
func (r *Record) Level() (severity.Windows, bool) {
	if r.AzureStack != nil {
		return r.AzureStack.Level, true
	}
	if r.CEF != nil {
		if v, ok := r.CEF.Get("MasLevel"); ok {
			var w severity.Windows
			if w.UnmarshalText([]byte(v)) == nil {
				return w, true
			}
		}
		var c severity.CEF
		if c.UnmarshalText([]byte(r.CEF.Severity)) == nil && c != severity.CEFUnknown {
			w, _ := severity.WindowsOf(c)
			return w, true
		}
	}
	if r.Syslog != nil && r.Syslog.Priority >= 0 {
		w, _ := severity.WindowsOfSyslog(severity.Syslog(r.Syslog.Severity()))
		return w, true
	}
	return severity.LevelUndefined, false
}

// Pass reports whether a forwarder with output severity f would send the
// record (see [severity.Filter]). A record without a level, or one that
// could not be read in full, passes: the filter cannot judge it, and
// dropping it would hide it.
func (r *Record) Pass(f severity.Filter) bool {
	if r.Err != nil {
		return true
	}
	w, ok := r.Level()
	return !ok || f.Pass(w)
}
