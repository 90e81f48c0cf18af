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
	if fastBSD(t, b, f) {
		return 15, true
	}
	return slowBSD(t, b, f)
}

// fastBSD reads the plain "Mmm dd hh:mm:ss" RFC 3164 writes, ended by a
// space or the end, checked in one go. It gives up on anything else, which
// slowBSD reads.
func fastBSD(t *Time, b []byte, f Flags) bool {
	if len(b) < 15 || b[3] != ' ' || b[6] != ' ' || b[9] != ':' || b[12] != ':' || len(b) > 15 && b[15] != ' ' {
		return false
	}
	// A word after the stamp that could be a zone or a year takes the
	// long way, which reads those.
	if f&WithZone != 0 && len(b) > 16 && ('A' <= b[16] && b[16] <= 'Z' || b[16] == '+' || b[16] == '-') {
		return false
	}
	d0, d1 := b[4]-'0', b[5]-'0'
	if b[4] == ' ' {
		d0 = 0
	}
	h0, h1, m0, m1, s0, s1 := b[7]-'0', b[8]-'0', b[10]-'0', b[11]-'0', b[13]-'0', b[14]-'0'
	mon := month(b)
	if mon == 0 || max(d0, d1, h0, h1, m0, m1, s0, s1) > 9 {
		return false
	}
	day, hour, minute, sec := int(d0)*10+int(d1), int(h0)*10+int(h1), int(m0)*10+int(m1), int(s0)*10+int(s1)
	if day < 1 || day > 31 || hour > 23 || minute > 59 || sec > 59 {
		return false
	}
	// Field by field: a composite literal is built on the stack and copied.
	t.Year, t.HasYear, t.Month, t.Day = 0, false, mon, day
	t.Hour, t.Minute, t.Second, t.Nanosecond, t.Digits = hour, minute, sec, 0, 0
	t.Offset, t.HasOffset = 0, false
	return true
}

// slowBSD reads a BSD stamp part by part and finds the first byte at fault.
func slowBSD(t *Time, b []byte, f Flags) (int, bool) {
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
			// Unix date(1) puts the year after the zone: "CST 1987".
			if !t.HasYear && i+5 <= len(b) && b[i] == ' ' && (i+5 == len(b) || b[i+5] == ' ') {
				if y, ok := digits(b, i+1, 4); ok {
					t.Year, t.HasYear = y, true
					i += 5
				}
			}
		}
	}
	return i, true
}

// zoneAt reads a zone at the start of b, which must end there or at a
// space: a name from zoneOffset, "Z", ±hh:mm or ±hhmm, or "GMT"/"UTC"
// followed directly by such an offset. It returns the offset in seconds and
// the length read, 0 when b holds no zone.
func zoneAt(b []byte) (int, int) {
	// Zones start with a sign, 'Z' or an upper-case letter; most words
	// after a stamp are hostnames, which this turns away at once.
	if len(b) == 0 || !(b[0] == '+' || b[0] == '-' || 'A' <= b[0] && b[0] <= 'Z') {
		return 0, 0
	}
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

// IsZone reports whether b, whole, reads as the zone of a BSD stamp.
func IsZone(b []byte) bool {
	_, n := zoneAt(b)
	return n == len(b) && n > 0
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
// in January holds December's lines. February 29 then takes the latest
// leap year not after that year, the last time the day existed, rather
// than a year in which it would be an invalid date.
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
	if t.Month == 2 && t.Day == 29 {
		for DaysIn(2, t.Year) < 29 { // at most 7 steps, as around 2100
			t.Year--
		}
	}
}

// ReadAzureStack reads the stamp Azure Stack Hub's syslog documentation
// shows, "2018:05:17:-23:59:28 -07:00": the date parts separated by colons,
// "-" before the hour, and a space before the offset. It returns the length
// read and true, or the offset of the first byte that does not fit and
// false.
func ReadAzureStack(t *Time, b []byte) (int, bool) {
	*t = Time{}
	var n int
	var ok bool
	if t.Year, ok = digits(b, 0, 4); !ok {
		return firstNonDigit(b, 0, 4), false
	}
	t.HasYear = true
	if n, ok = lit(b, 4, ':'); !ok {
		return n, false
	}
	if t.Month, n, ok = field(b, 5, 1, 12); !ok {
		return n, false
	}
	if n, ok = lit(b, 7, ':'); !ok {
		return n, false
	}
	if t.Day, n, ok = field(b, 8, 1, DaysIn(t.Month, t.Year)); !ok {
		return n, false
	}
	if n, ok = lit(b, 10, ':'); !ok {
		return n, false
	}
	if n, ok = lit(b, 11, '-'); !ok {
		return n, false
	}
	if t.Hour, n, ok = field(b, 12, 0, 23); !ok {
		return n, false
	}
	if n, ok = lit(b, 14, ':'); !ok {
		return n, false
	}
	if t.Minute, n, ok = field(b, 15, 0, 59); !ok {
		return n, false
	}
	if n, ok = lit(b, 17, ':'); !ok {
		return n, false
	}
	if t.Second, n, ok = field(b, 18, 0, 59); !ok {
		return n, false
	}
	if n, ok = lit(b, 20, ' '); !ok {
		return n, false
	}
	if len(b) < 27 {
		return len(b), false
	}
	off, ok := numericOffset(b[21:27])
	if !ok {
		return 21, false
	}
	t.Offset, t.HasOffset = off, true
	return 27, true
}
