package stamp

import "time"

// This file reads the stamps of BSD syslog (RFC 3164 §4.1.2) and of CEF
// dates (the Java SimpleDateFormat patterns "MMM dd [yyyy ]HH:mm:ss[.SSS][
// zzz]"), which are the same family:
//
//	Oct 11 22:14:15
//	Oct  1 22:14:15          (day padded with a space, as RFC 3164 asks)
//	Oct 01 22:14:15          (day padded with a zero, as senders write it)
//	Jul 16 2020 02:15:13     (year after the day)
//	Jan 15 07:25:36.123 UTC  (fraction and zone)
//	Jul 04 2024 09:03:48 GMT-07:00

// BSD flags.
const (
	// WithZone reads a zone after the time: a name from the table in
	// zoneOffset, Z, ±hh:mm, ±hhmm, or GMT/UTC followed by an offset. An
	// unknown name is left unread.
	WithZone Flags = 1 << (iota + 4)
)

// month returns 1–12 for an English three-letter month name at the start
// of b, in any case, and 0 otherwise. The name is folded into one integer so
// that the switch compares numbers.
func month(b []byte) int {
	if len(b) < 3 {
		return 0
	}
	const fold = 0x20 // ASCII letters differ from their lower case in this bit
	k := uint32(b[0]|fold)<<16 | uint32(b[1]|fold)<<8 | uint32(b[2]|fold)
	switch k {
	case 'j'<<16 | 'a'<<8 | 'n':
		return 1
	case 'f'<<16 | 'e'<<8 | 'b':
		return 2
	case 'm'<<16 | 'a'<<8 | 'r':
		return 3
	case 'a'<<16 | 'p'<<8 | 'r':
		return 4
	case 'm'<<16 | 'a'<<8 | 'y':
		return 5
	case 'j'<<16 | 'u'<<8 | 'n':
		return 6
	case 'j'<<16 | 'u'<<8 | 'l':
		return 7
	case 'a'<<16 | 'u'<<8 | 'g':
		return 8
	case 's'<<16 | 'e'<<8 | 'p':
		return 9
	case 'o'<<16 | 'c'<<8 | 't':
		return 10
	case 'n'<<16 | 'o'<<8 | 'v':
		return 11
	case 'd'<<16 | 'e'<<8 | 'c':
		return 12
	}
	return 0
}

// ReadBSD reads a BSD-style stamp at the start of b into t. Month names are
// read in any case; the day may be padded with a space or a zero, or be a
// single digit; a year of four digits may follow the day; the seconds may
// have a fraction of up to nine digits (more are read and dropped); with
// the Zone flag, a zone may follow. t.HasYear reports a year in the text;
// without one, t.Year is 0 and the caller supplies it (see [ResolveYear]).
// The calendar check of the day waits for the year: see [Time.Valid].
//
// On success it returns the length read and true; on failure the offset of
// the first byte that does not fit and false.
func ReadBSD(t *Time, b []byte, f Flags) (int, bool) {
	*t = Time{}
	m := month(b)
	if m == 0 {
		return 0, false
	}
	t.Month = m
	i := 3
	if i >= len(b) || b[i] != ' ' {
		return i, false
	}
	i++
	// Day: " d", "dd", "0d" or "d".
	if i < len(b) && b[i] == ' ' {
		i++
	}
	start := i
	for i < len(b) && i-start < 2 && isDigit(b[i]) {
		t.Day = t.Day*10 + int(b[i]-'0')
		i++
	}
	if i == start || t.Day < 1 || t.Day > 31 {
		return start, false
	}
	if i >= len(b) || b[i] != ' ' {
		return i, false
	}
	i++
	// An optional year: four digits and a space before the time.
	if i+4 < len(b) && b[i+4] == ' ' {
		if y, ok := digits(b, i, 4); ok {
			t.Year, t.HasYear = y, true
			i += 5
		}
	}
	var ok bool
	var n int
	if t.Hour, n, ok = field(b, i, 0, 23); !ok {
		return n, false
	}
	if n, ok = lit(b, i+2, ':'); !ok {
		return n, false
	}
	if t.Minute, n, ok = field(b, i+3, 0, 59); !ok {
		return n, false
	}
	if n, ok = lit(b, i+5, ':'); !ok {
		return n, false
	}
	if t.Second, n, ok = field(b, i+6, 0, 59); !ok {
		return n, false
	}
	i += 8
	if i < len(b) && b[i] == '.' {
		if i, ok = readFraction(b, i+1, t, LongFraction); !ok {
			return i, false
		}
	}
	if f&WithZone != 0 && i+1 < len(b) && b[i] == ' ' {
		if off, n := zoneAt(b[i+1:]); n > 0 {
			t.Offset, t.HasOffset = off, true
			i += 1 + n
		}
	}
	return i, true
}

// zoneAt reads a zone at the start of b, which must end there or at a
// space: a name from zoneOffset, "Z", ±hh:mm or ±hhmm, or "GMT"/"UTC"
// followed directly by such an offset. It returns the offset in seconds and
// the length read, 0 when b holds no zone.
func zoneAt(b []byte) (int, int) {
	end := 0
	for end < len(b) && b[end] != ' ' {
		end++
	}
	tok := b[:end]
	if len(tok) == 0 {
		return 0, 0
	}
	if off, ok := numericOffset(tok); ok {
		return off, end
	}
	if len(tok) > 3 && (string(tok[:3]) == "GMT" || string(tok[:3]) == "UTC") {
		if off, ok := numericOffset(tok[3:]); ok {
			return off, end
		}
		return 0, 0
	}
	if off, ok := zoneOffset(tok); ok {
		return off, end
	}
	return 0, 0
}

// numericOffset reads ±hh:mm, ±hhmm or ±hh as the whole of b.
func numericOffset(b []byte) (int, bool) {
	if len(b) < 3 || (b[0] != '+' && b[0] != '-') {
		return 0, false
	}
	h, ok := digits(b, 1, 2)
	if !ok || h > 23 {
		return 0, false
	}
	m := 0
	switch rest := b[3:]; {
	case len(rest) == 0:
	case len(rest) == 3 && rest[0] == ':':
		m, ok = digits(rest, 1, 2)
	case len(rest) == 2:
		m, ok = digits(rest, 0, 2)
	default:
		ok = false
	}
	if !ok || m > 59 {
		return 0, false
	}
	off := h*3600 + m*60
	if b[0] == '-' {
		off = -off
	}
	return off, true
}

// zoneOffset maps the zone names that mean one offset to that offset.
// Names that stand for several zones (IST: India, Ireland, Israel; CST:
// US Central or China) are left out, except CST, whose US meaning Java's
// SimpleDateFormat writes.
func zoneOffset(name []byte) (int, bool) {
	const h = 3600
	switch string(name) {
	case "Z", "UT", "UTC", "GMT":
		return 0, true
	case "EST":
		return -5 * h, true
	case "EDT", "AST":
		return -4 * h, true
	case "CST":
		return -6 * h, true
	case "CDT":
		return -5 * h, true
	case "MST":
		return -7 * h, true
	case "MDT":
		return -6 * h, true
	case "PST":
		return -8 * h, true
	case "PDT", "AKDT":
		return -7 * h, true
	case "AKST":
		return -9 * h, true
	case "HST":
		return -10 * h, true
	case "WET":
		return 0, true
	case "WEST", "BST", "CET":
		return 1 * h, true
	case "CEST", "EET":
		return 2 * h, true
	case "EEST", "MSK":
		return 3 * h, true
	case "JST", "KST":
		return 9 * h, true
	case "HKT", "SGT", "AWST":
		return 8 * h, true
	case "AEST":
		return 10 * h, true
	case "AEDT":
		return 11 * h, true
	case "NZST":
		return 12 * h, true
	case "NZDT":
		return 13 * h, true
	}
	return 0, false
}

// Valid reports whether the stamp's day exists in its month and year. A
// stamp read without a year is checked once ResolveYear has set one.
func (t *Time) Valid() bool {
	return t.Day >= 1 && t.Day <= DaysIn(t.Month, t.Year)
}

// ResolveYear sets the year of a stamp that carries none. A non-zero year
// is used as it is. Otherwise the stamp takes the year of now, or the
// previous year when it would lie more than a month after now: a log read
// in January holds December's lines.
func ResolveYear(t *Time, year int, now time.Time, loc *time.Location) {
	if t.HasYear {
		return
	}
	if year != 0 {
		t.Year = year
		return
	}
	t.Year = now.Year()
	if t.Time(loc).After(now.AddDate(0, 1, 0)) {
		t.Year--
	}
}
