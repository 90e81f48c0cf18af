// Package stamp reads the timestamps syslog senders write, by hand and
// without allocating, and turns them into [time.Time] values.
//
// The readers work on bytes and report the offset of the first byte they
// could not accept, so that each format package can build its own positional
// error. time.Parse is avoided on purpose: it allocates for offsets that are
// not whole hours, and a list of layouts tried in turn is slow.
package stamp

import (
	"encoding/binary"
	"math/bits"
	"time"
)

// Time is a timestamp taken apart. Fields hold what the text said; nothing
// is normalised.
type Time struct {
	Year, Month, Day     int
	Hour, Minute, Second int
	Nanosecond           int
	Digits               int  // number of fraction digits written (0 without a fraction)
	Offset               int  // seconds east of UTC
	HasOffset            bool // the text carried Z or ±hh:mm
	HasYear              bool // the text carried a year (always, for RFC 3339)
}

// Flags relax [ReadRFC3339].
type Flags uint8

const (
	// LowerCase accepts 't' and 'z' where RFC 5424 §6.2.3 demands 'T' and 'Z'.
	LowerCase Flags = 1 << iota
	// LongFraction accepts more than six fraction digits. Digits past the
	// ninth are read and dropped: time.Time holds nanoseconds.
	LongFraction
	// NoOffset accepts a stamp that ends after the seconds or the fraction,
	// without Z or ±hh:mm (some BSD senders write such stamps).
	NoOffset
)

// maxFraction bounds the fraction digits LongFraction reads, so that a
// stamp's length stays bounded whatever the input.
const maxFraction = 32

// ReadRFC3339 reads an RFC 3339 date-time (RFC 5424 §6.2.3 profile:
// FULL-DATE "T" FULL-TIME, at most six fraction digits, no leap second) at
// the start of b into t. On success it returns the stamp's length and true.
// On failure it returns the offset in b of the first byte that does not fit
// and false; the offset is len(b) when b ends too early.
func ReadRFC3339(t *Time, b []byte, f Flags) (int, bool) {
	if n, ok := fastRFC3339(t, b); ok {
		return n, true
	}
	return slowRFC3339(t, b, f)
}

// fastRFC3339 reads the strict, common form of a stamp: "YYYY-MM-DDTHH:MM:SS",
// up to six fraction digits, and Z or ±hh:mm. It gives up on anything else,
// leaving the exact verdict (and the offset of a fault) to slowRFC3339.
//
// The date and time are checked and converted eight bytes at a time: each
// word has the digits' lanes and the separators' lanes set apart by masks
// (lane i is b[i], little-endian), the digits are tested with one add and
// converted in pairs with one multiply.
func fastRFC3339(t *Time, b []byte) (int, bool) {
	if len(b) < 20 {
		return 0, false
	}
	const (
		zeros = 0x3030303030303030
		sixes = 0x7676767676767676 // lane + 0x76 >= 0x80 exactly when lane >= 10
		highs = 0x8080808080808080
		// "YYYY-MM-": digits in lanes 0-3, 5-6; '-' in lanes 4 and 7.
		dig0 = 0x00FFFF00FFFFFFFF
		sep0 = 0x2D00002D00000000
		// "DDTHH:MM": digits in lanes 0-1, 3-4, 6-7; 'T' in 2, ':' in 5.
		dig1 = 0xFFFF00FFFF00FFFF
		sep1 = 0x00003A0000540000
		// b[12:20] ":MM:SS." : ':' in lane 4, seconds in lanes 5-6.
		dig2     = 0x00FFFF0000000000
		sep2     = 0x0000003A00000000
		sepMask2 = 0x000000FF00000000
	)
	w0 := binary.LittleEndian.Uint64(b)
	w1 := binary.LittleEndian.Uint64(b[8:])
	w2 := binary.LittleEndian.Uint64(b[12:])
	d0, d1, d2 := (w0-zeros&dig0)&dig0, (w1-zeros&dig1)&dig1, (w2-zeros&dig2)&dig2
	bad := ((d0+sixes&dig0)|(w0-zeros&dig0))&dig0&highs |
		((d1+sixes&dig1)|(w1-zeros&dig1))&dig1&highs |
		((d2+sixes&dig2)|(w2-zeros&dig2))&dig2&highs
	if bad != 0 || w0&^dig0 != sep0 || w1&^dig1 != sep1 || w2&sepMask2 != sep2 {
		return 0, false
	}
	// Lane i of d*10 + d>>8 is the two-digit number in lanes i and i+1.
	p0, p1, p2 := d0*10+d0>>8, d1*10+d1>>8, d2*10+d2>>8
	year := int(byte(p0))*100 + int(byte(p0>>16))
	month, day := int(byte(p0>>40)), int(byte(p1))
	hour, minute, sec := int(byte(p1>>24)), int(byte(p1>>48)), int(byte(p2>>40))
	// Every month has 28 days: the calendar is consulted past them only.
	if month < 1 || month > 12 || day < 1 || day > 28 && day > DaysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return 0, false
	}
	i, ns, digits := 19, 0, 0
	if b[i] == '.' {
		if len(b) < 28 {
			return 0, false
		}
		f := binary.LittleEndian.Uint64(b[20:]) - zeros
		nondigit := ((f + sixes) | f) & highs
		digits = bits.TrailingZeros64(nondigit) / 8
		if digits == 0 || digits > 6 {
			return 0, false
		}
		// Keep the digits and move them to the top lanes, so that the
		// lanes below read as leading zeros; then add lanes in pairs,
		// fours and eights (parse_eight_digits_unrolled, as simdjson
		// names it).
		f = (f & (1<<(8*digits) - 1)) << (64 - 8*digits)
		f = f*10 + f>>8
		f = ((f&0x000000FF000000FF)*(100+1000000<<32) + (f>>16&0x000000FF000000FF)*(1+10000<<32)) >> 32
		ns = int(f) * pow10[digits]
		i += 1 + digits
	}
	if i >= len(b) {
		return 0, false
	}
	offset := 0
	switch c := b[i]; c {
	case 'Z':
		i++
	case '+', '-':
		if len(b) < i+6 || b[i+3] != ':' {
			return 0, false
		}
		oh0, oh1, om0, om1 := b[i+1]-'0', b[i+2]-'0', b[i+4]-'0', b[i+5]-'0'
		oh, om := int(oh0)*10+int(oh1), int(om0)*10+int(om1)
		if max(oh0, oh1, om0, om1) > 9 || oh > 23 || om > 59 {
			return 0, false
		}
		offset = oh*3600 + om*60
		if c == '-' {
			offset = -offset
		}
		i += 6
	default:
		return 0, false
	}
	// Field by field: a composite literal is built on the stack and copied.
	t.Year, t.Month, t.Day = year, month, day
	t.Hour, t.Minute, t.Second = hour, minute, sec
	t.Nanosecond, t.Digits = ns, digits
	t.Offset, t.HasOffset, t.HasYear = offset, true, true
	return i, true
}

// slowRFC3339 reads a stamp one field at a time, accepting what f allows,
// and finds the first byte at fault.
func slowRFC3339(t *Time, b []byte, f Flags) (int, bool) {
	*t = Time{}
	var v int
	var ok bool
	if v, ok = digits(b, 0, 4); !ok {
		return firstNonDigit(b, 0, 4), false
	}
	t.Year, t.HasYear = v, true
	n, ok := lit(b, 4, '-')
	if !ok {
		return n, false
	}
	if t.Month, n, ok = field(b, 5, 1, 12); !ok {
		return n, false
	}
	if n, ok = lit(b, 7, '-'); !ok {
		return n, false
	}
	if t.Day, n, ok = field(b, 8, 1, DaysIn(t.Month, t.Year)); !ok {
		return n, false
	}
	if len(b) <= 10 {
		return len(b), false
	}
	if c := b[10]; c != 'T' && !(c == 't' && f&LowerCase != 0) {
		return 10, false
	}
	return readTime(t, b, 11, f)
}

// readTime reads PARTIAL-TIME and TIME-OFFSET from b[i:].
func readTime(t *Time, b []byte, i int, f Flags) (int, bool) {
	var n int
	var ok bool
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
	// Second 60 is a leap second, which RFC 5424 forbids and time.Time
	// cannot hold.
	if t.Second, n, ok = field(b, i+6, 0, 59); !ok {
		return n, false
	}
	return readTail(t, b, i+8, f)
}

// readTail reads the optional TIME-SECFRAC and the TIME-OFFSET at b[i:].
func readTail(t *Time, b []byte, i int, f Flags) (int, bool) {
	var ok bool
	if i < len(b) && b[i] == '.' {
		if i, ok = readFraction(b, i+1, t, f); !ok {
			return i, false
		}
	}
	if i >= len(b) {
		return i, f&NoOffset != 0
	}
	switch c := b[i]; c {
	case 'Z', 'z':
		if c == 'z' && f&LowerCase == 0 {
			return i, false
		}
		t.HasOffset = true
		return i + 1, true
	case '+', '-':
		h, n, ok := field(b, i+1, 0, 23)
		if !ok {
			return n, false
		}
		if n, ok = lit(b, i+3, ':'); !ok {
			return n, false
		}
		m, n, ok := field(b, i+4, 0, 59)
		if !ok {
			return n, false
		}
		t.Offset = h*3600 + m*60
		if c == '-' {
			t.Offset = -t.Offset
		}
		t.HasOffset = true
		return i + 6, true
	}
	return i, f&NoOffset != 0
}

// pow10 scales a fraction of n digits (n <= 9) to nanoseconds.
var pow10 = [10]int{1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1}

// readFraction reads TIME-SECFRAC's digits starting at b[i] and returns the
// index after them.
func readFraction(b []byte, i int, t *Time, f Flags) (int, bool) {
	limit := 6
	if f&LongFraction != 0 {
		limit = maxFraction
	}
	j := i
	for j < len(b) && j-i <= limit && isDigit(b[j]) {
		j++
	}
	switch n := j - i; {
	case n == 0:
		return i, false
	case n > limit:
		return i + limit, false
	}
	t.Digits = j - i
	ns := 0
	for _, c := range b[i:min(j, i+9)] {
		ns = ns*10 + int(c-'0')
	}
	t.Nanosecond = ns * pow10[min(t.Digits, 9)]
	return j, true
}

// Time returns t as a time.Time. A stamp without offset is placed in loc;
// a nil loc means UTC.
func (t Time) Time(loc *time.Location) time.Time {
	if t.HasOffset {
		loc = Zone(t.Offset)
	} else if loc == nil {
		loc = time.UTC
	}
	return time.Date(t.Year, time.Month(t.Month), t.Day, t.Hour, t.Minute, t.Second, t.Nanosecond, loc)
}

// DaysIn returns the number of days in month (1–12) of year, in the
// proleptic Gregorian calendar.
func DaysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// digits reads n decimal digits at b[i:].
func digits(b []byte, i, n int) (int, bool) {
	if i+n > len(b) {
		return 0, false
	}
	v := 0
	for _, c := range b[i : i+n] {
		if !isDigit(c) {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// firstNonDigit returns the offset of the first of n bytes at b[i:] that is
// not a digit, or len(b) when they are digits but too few.
func firstNonDigit(b []byte, i, n int) int {
	for j := i; j < i+n; j++ {
		if j >= len(b) || !isDigit(b[j]) {
			return j
		}
	}
	return i + n
}

// field reads two digits at b[i:] and checks lo <= value <= hi. On failure
// it returns the offset to blame: the first bad digit, or i for a value out
// of range.
func field(b []byte, i, lo, hi int) (int, int, bool) {
	v, ok := digits(b, i, 2)
	if !ok {
		return 0, firstNonDigit(b, i, 2), false
	}
	if v < lo || v > hi {
		return 0, i, false
	}
	return v, i + 2, true
}

// lit checks that b[i] is c.
func lit(b []byte, i int, c byte) (int, bool) {
	if i >= len(b) || b[i] != c {
		return min(i, len(b)), false
	}
	return i + 1, true
}
