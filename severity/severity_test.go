package severity

import (
	"errors"
	"testing"
)

// windowsTable is the Azure Stack Hub / HCI table of the package doc, row
// by row: Windows level (= MasLevel), CEF severity, HCI PRI severity.
var windowsTable = []struct {
	w      Windows
	masLvl string
	cef    CEF
	pri    Syslog
}{
	{LevelUndefined, "0", 0, Debug},
	{LevelCritical, "1", 10, Critical},
	{LevelError, "2", 8, Error},
	{LevelWarning, "3", 5, Warning},
	{LevelInformation, "4", 2, Informational},
	{LevelVerbose, "5", 0, Debug},
}

func TestWindowsTable(t *testing.T) {
	for _, row := range windowsTable {
		if got := CEFOf(row.w); got != row.cef {
			t.Errorf("CEFOf(%v) = %v, want %v", row.w, got, row.cef)
		}
		if got := SyslogOf(row.w); got != row.pri {
			t.Errorf("SyslogOf(%v) = %v, want %v", row.w, got, row.pri)
		}
		var w Windows
		if err := w.UnmarshalText([]byte(row.masLvl)); err != nil || w != row.w {
			t.Errorf("MasLevel %s = %v, %v", row.masLvl, w, err)
		}
		back, exact := WindowsOf(row.cef)
		switch row.cef {
		case 0: // Undefined and Verbose share it
			if back != LevelUndefined || exact {
				t.Errorf("WindowsOf(0) = %v, %v; want Undefined, not exact", back, exact)
			}
		default:
			if back != row.w || !exact {
				t.Errorf("WindowsOf(%v) = %v, %v; want %v, exact", row.cef, back, exact, row.w)
			}
		}
		sb, sexact := WindowsOfSyslog(row.pri)
		switch row.pri {
		case Debug:
			if sb != LevelVerbose || sexact {
				t.Errorf("WindowsOfSyslog(7) = %v, %v", sb, sexact)
			}
		default:
			if sb != row.w || !sexact {
				t.Errorf("WindowsOfSyslog(%v) = %v, %v", row.pri, sb, sexact)
			}
		}
	}
}

// TestAlertSeverities checks the alert table: 0 Undefined, 10 Critical,
// 5 Warning.
func TestAlertSeverities(t *testing.T) {
	for c, want := range map[CEF]Windows{0: LevelUndefined, 10: LevelCritical, 5: LevelWarning} {
		if got, _ := WindowsOf(c); got != want {
			t.Errorf("WindowsOf(%v) = %v, want %v", c, got, want)
		}
	}
}

func TestCEFBands(t *testing.T) {
	for c := CEF(0); c <= 10; c++ {
		var want Band
		switch {
		case c <= 3:
			want = BandLow
		case c <= 6:
			want = BandMedium
		case c <= 8:
			want = BandHigh
		default:
			want = BandVeryHigh
		}
		if c.Band() != want {
			t.Errorf("%v.Band() = %v, want %v", c, c.Band(), want)
		}
		// Values outside the table take their band's level.
		if w, exact := WindowsOf(c); !exact && c != 0 && w != WindowsOfBand(want) {
			t.Errorf("WindowsOf(%v) = %v, band says %v", c, w, WindowsOfBand(want))
		}
	}
	if CEFUnknown.Band() != BandUnknown || CEFUnknown.String() != "Unknown" {
		t.Error("CEFUnknown")
	}
}

func TestCEFText(t *testing.T) {
	for in, want := range map[string]CEF{"0": 0, "7": 7, "10": 10, "Unknown": CEFUnknown, "low": 0, "MEDIUM": 4, "High": 7, "very-high": 9, "Very-High": 9} {
		var c CEF
		if err := c.UnmarshalText([]byte(in)); err != nil || c != want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", in, c, err, want)
		}
	}
	for _, in := range []string{"", "11", "-1", "01", "Information", "Very High", "x"} {
		var c CEF
		if err := c.UnmarshalText([]byte(in)); !errors.Is(err, ErrUnknown) {
			t.Errorf("UnmarshalText(%q) = %v", in, err)
		}
	}
	for c := CEF(0); c <= 10; c++ {
		b, _ := c.MarshalText()
		var back CEF
		if back.UnmarshalText(b) != nil || back != c {
			t.Errorf("%v does not round trip", c)
		}
	}
}

func TestSyslogText(t *testing.T) {
	for s := Emergency; s <= Debug; s++ {
		b, _ := s.MarshalText()
		var back Syslog
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: %v, %v", s, back, err)
		}
		if err := back.UnmarshalText([]byte{byte('0' + s)}); err != nil || back != s {
			t.Errorf("digit %d: %v", s, back)
		}
	}
	for in, want := range map[string]Syslog{"emerg": Emergency, "CRIT": Critical, "err": Error, "warn": Warning, "info": Informational, "Notice": Notice} {
		var s Syslog
		if err := s.UnmarshalText([]byte(in)); err != nil || s != want {
			t.Errorf("%q: %v %v", in, s, err)
		}
	}
	var s Syslog
	if s.UnmarshalText([]byte("8")) == nil || s.UnmarshalText([]byte("loud")) == nil {
		t.Error("bad syslog severities accepted")
	}
	if Syslog(9).String() != "Syslog(9)" {
		t.Error(Syslog(9).String())
	}
}

func TestWindowsText(t *testing.T) {
	for w := LevelUndefined; w <= LevelVerbose; w++ {
		b, _ := w.MarshalText()
		var back Windows
		if err := back.UnmarshalText(b); err != nil || back != w {
			t.Errorf("%v: %v %v", w, back, err)
		}
	}
	for in, want := range map[string]Windows{"LogAlways": LevelUndefined, "Informational": LevelInformation, "CRITICAL": LevelCritical} {
		var w Windows
		if err := w.UnmarshalText([]byte(in)); err != nil || w != want {
			t.Errorf("%q: %v %v", in, w, err)
		}
	}
	var w Windows
	if w.UnmarshalText([]byte("6")) == nil {
		t.Error("level 6 accepted")
	}
}

func TestCrossScales(t *testing.T) {
	for c, want := range map[CEF]Syslog{10: Critical, 8: Error, 5: Warning, 2: Informational, 0: Debug} {
		if got, _ := SyslogOfCEF(c); got != want {
			t.Errorf("SyslogOfCEF(%v) = %v, want %v", c, got, want)
		}
	}
	for s, want := range map[Syslog]CEF{Critical: 10, Error: 8, Warning: 5, Informational: 2, Debug: 0, Emergency: 10, Alert: 10, Notice: 2} {
		if got, _ := CEFOfSyslog(s); got != want {
			t.Errorf("CEFOfSyslog(%v) = %v, want %v", s, got, want)
		}
	}
}

// TestFilter checks the forwarder's output severity as the page states it.
func TestFilter(t *testing.T) {
	for w := LevelUndefined; w <= LevelVerbose; w++ {
		wantDefault := w == LevelCritical || w == LevelError || w == LevelWarning
		if Default.Pass(w) != wantDefault {
			t.Errorf("Default.Pass(%v) = %v", w, Default.Pass(w))
		}
		if !Verbose.Pass(w) {
			t.Errorf("Verbose.Pass(%v) = false", w)
		}
	}
	var f Filter
	if f.UnmarshalText([]byte("VERBOSE")) != nil || f != Verbose || f.String() != "verbose" {
		t.Error("filter text")
	}
	if f.UnmarshalText([]byte("all")) == nil {
		t.Error("unknown filter accepted")
	}
}

func TestNoAllocs(t *testing.T) {
	var sink int
	n := testing.AllocsPerRun(100, func() {
		var c CEF
		_ = c.UnmarshalText([]byte("Very-High"))
		w, _ := WindowsOf(c)
		s := SyslogOf(w)
		b, _ := s.AppendText(make([]byte, 0, 16))
		if Default.Pass(w) {
			sink += len(b)
		}
	})
	if n != 0 {
		t.Errorf("allocs = %v", n)
	}
	_ = sink
}
