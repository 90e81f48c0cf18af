package cef

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"time"

	"github.com/cefsyslog/cefsyslog/internal/ipaddr"
	"github.com/cefsyslog/cefsyslog/internal/stamp"
)

// ErrValue is the error of a value that does not fit its type. The value
// itself stays as it was: typed access reads it, it never changes it.
var ErrValue = errors.New("cef: value does not fit its type")

// trim drops the white space around a value: the spec keeps trailing spaces
// in values before the last, and a typed reading must not fail on them.
func trim[T string | []byte](v T) T {
	i, j := 0, len(v)
	for i < j && isSpace(v[i]) {
		i++
	}
	for j > i && isSpace(v[j-1]) {
		j--
	}
	return v[i:j]
}

// ParseInt reads an integer in base 10 (an optional sign and digits; a
// leading zero does not make it octal: "010" is 10) into an int64, so that
// byte counts past 2³¹ fit. Surrounding white space is ignored. It does not
// allocate.
func ParseInt[T string | []byte](v T) (int64, error) {
	v = trim(v)
	neg := false
	if len(v) > 0 && (v[0] == '-' || v[0] == '+') {
		neg = v[0] == '-'
		v = v[1:]
	}
	if len(v) == 0 {
		return 0, ErrValue
	}
	var n uint64
	for i := range len(v) {
		c := v[i]
		if !isDigit(c) {
			return 0, ErrValue
		}
		if n > (math.MaxUint64-9)/10 {
			return 0, ErrValue
		}
		n = n*10 + uint64(c-'0')
	}
	switch {
	case neg && n <= 1<<63:
		return -int64(n), nil
	case !neg && n <= math.MaxInt64:
		return int64(n), nil
	}
	return 0, ErrValue
}

// ParseFloat reads a floating-point number as strconv.ParseFloat does with
// bitSize 64. Surrounding white space is ignored. It does not allocate
// unless the value is bad.
func ParseFloat[T string | []byte](v T) (float64, error) {
	f, err := strconv.ParseFloat(string(trim(v)), 64)
	if err != nil {
		return 0, ErrValue
	}
	return f, nil
}

// ParseIP reads an IPv4 address in dotted decimal or an IPv6 address in
// the text forms of RFC 4291 §2.2 (with "::" and a trailing dotted IPv4
// part), as netip.ParseAddr does but without allocating. Zones are not
// accepted. Surrounding white space is ignored.
func ParseIP[T string | []byte](v T) (netip.Addr, error) {
	v = trim(v)
	for i := range len(v) {
		switch v[i] {
		case '.':
			a, ok := ipaddr.ParseIPv4(v)
			if !ok {
				return netip.Addr{}, ErrValue
			}
			return netip.AddrFrom4(a), nil
		case ':':
			a, ok := ipaddr.ParseIPv6(v)
			if !ok {
				return netip.Addr{}, ErrValue
			}
			return netip.AddrFrom16(a), nil
		}
	}
	return netip.Addr{}, ErrValue
}

// MAC is a 48-bit MAC address.
type MAC [6]byte

// String returns the address as six lower-case hex pairs separated by
// colons: "00:1a:2b:3c:4d:5e".
func (m MAC) String() string {
	b, _ := m.AppendText(nil)
	return string(b)
}

// AppendText appends the address as String writes it.
func (m MAC) AppendText(b []byte) ([]byte, error) {
	const hex = "0123456789abcdef"
	for i, x := range m {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hex[x>>4], hex[x&0xf])
	}
	return b, nil
}

// ParseMAC reads a MAC address in the notations devices use, in any case:
// "00:1a:2b:3c:4d:5e", "00-1A-2B-3C-4D-5E", "001a.2b3c.4d5e" and
// "001a2b3c4d5e". Surrounding white space is ignored. It does not allocate.
func ParseMAC[T string | []byte](v T) (MAC, error) {
	v = trim(v)
	var m MAC
	var step, sep int // hex digits between separators, and the separator
	switch len(v) {
	case 17:
		step, sep = 2, int(v[2])
		if sep != ':' && sep != '-' {
			return m, ErrValue
		}
	case 14:
		step, sep = 4, '.'
	case 12:
		step, sep = 12, 0
	default:
		return m, ErrValue
	}
	k, run := 0, 0 // nibbles read, digits since the last separator
	for i := range len(v) {
		c := v[i]
		if run == step {
			if int(c) != sep {
				return m, ErrValue
			}
			run = 0
			continue
		}
		d, ok := ipaddr.HexVal(c)
		if !ok {
			return m, ErrValue
		}
		m[k/2] |= byte(d) << (4 * (1 - k%2))
		k++
		run++
	}
	if k != 12 {
		return m, ErrValue
	}
	return m, nil
}

// TimeOptions say how to read timestamps that leave something out.
type TimeOptions struct {
	// Year is the year of stamps without one. Zero means the year of Now,
	// or the year before when the stamp would lie more than a month after
	// Now; a February 29 then takes the latest leap year not after that.
	Year int
	// Location is the zone of stamps without one. Nil means UTC.
	Location *time.Location
	// Now is the time a missing year is judged against. Zero means
	// time.Now().
	Now time.Time
}

// ParseTime reads a CEF timestamp in the forms the spec allows:
// milliseconds since the Unix epoch (a fraction is allowed, as some senders
// write), and "MMM dd yyyy HH:mm:ss" or "MMM dd HH:mm:ss", each with
// optional ".SSS" and an optional zone ("UTC", "GMT-07:00", "+0530", "PST";
// see the package doc for the names read). It also reads RFC 3339
// ("2024-07-04T09:03:48Z"), which the spec does not list but senders write.
// The year and zone come from o when the stamp has none. The reading is hand-written, not a trial of
// time.Parse layouts. Surrounding white space is ignored. It does not
// allocate.
func ParseTime[T string | []byte](v T, o TimeOptions) (time.Time, error) {
	v = trim(v)
	if len(v) == 0 {
		return time.Time{}, ErrValue
	}
	var st stamp.Time
	var buf [64]byte
	b := buf[:copy(buf[:], v)]
	switch {
	case len(v) > 4 && v[4] == '-':
		// RFC 3339, which the spec does not list but senders write.
		n, ok := stamp.ReadRFC3339(&st, b, stamp.LowerCase|stamp.LongFraction|stamp.NoOffset)
		if !ok || n != len(v) {
			return time.Time{}, ErrValue
		}
		return st.Time(o.Location), nil
	case isDigit(v[0]):
		return epochMillis(v)
	}
	n, ok := stamp.ReadBSD(&st, b, stamp.WithZone)
	if !ok || n != len(v) {
		return time.Time{}, ErrValue
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	stamp.ResolveYear(&st, o.Year, now, o.Location)
	if !st.Valid() {
		return time.Time{}, ErrValue
	}
	return st.Time(o.Location), nil
}

// epochMillis reads milliseconds since the epoch, with an optional
// fraction of a millisecond.
func epochMillis[T string | []byte](v T) (time.Time, error) {
	var ms, frac, scale int64 = 0, 0, 1
	i := 0
	for ; i < len(v) && isDigit(v[i]); i++ {
		if ms > (math.MaxInt64-9)/10 {
			return time.Time{}, ErrValue
		}
		ms = ms*10 + int64(v[i]-'0')
	}
	if i < len(v) && v[i] == '.' {
		i++
		start := i
		for ; i < len(v) && isDigit(v[i]); i++ {
			if i-start < 6 {
				frac = frac*10 + int64(v[i]-'0')
				scale *= 10
			}
		}
		if i == start {
			return time.Time{}, ErrValue
		}
	}
	if i != len(v) || ms > math.MaxInt64/int64(time.Millisecond) {
		return time.Time{}, ErrValue
	}
	ns := frac * int64(time.Millisecond) / scale
	return time.UnixMilli(ms).Add(time.Duration(ns)).UTC(), nil
}

// Check reports whether value fits the key's type: ErrValue when it does
// not, nil when it does or the key is a string. Length limits are not
// checked; see Key.MaxLen.
func (k Key) Check(value string) error {
	var err error
	switch k.Type {
	case TypeInteger, TypeLong:
		_, err = ParseInt(value)
	case TypeDouble:
		_, err = ParseFloat(value)
	case TypeIPv4, TypeIPv6, TypeIP:
		var a netip.Addr
		if a, err = ParseIP(value); err == nil &&
			(k.Type == TypeIPv4 && !a.Is4() || k.Type == TypeIPv6 && !a.Is6()) {
			err = ErrValue
		}
	case TypeMAC:
		_, err = ParseMAC(value)
	case TypeTimestamp:
		_, err = ParseTime(value, TimeOptions{})
	}
	return err
}

// valueOf returns the value of key in the event, or ErrNoKey.
func (e *Event) valueOf(key string) (string, error) {
	v, ok := e.Get(key)
	if !ok {
		return "", fmt.Errorf("%w: %s", ErrNoKey, key)
	}
	return v, nil
}

// Int returns the value of key read by [ParseInt].
func (e *Event) Int(key string) (int64, error) {
	v, err := e.valueOf(key)
	if err != nil {
		return 0, err
	}
	return ParseInt(v)
}

// Float returns the value of key read by [ParseFloat].
func (e *Event) Float(key string) (float64, error) {
	v, err := e.valueOf(key)
	if err != nil {
		return 0, err
	}
	return ParseFloat(v)
}

// IP returns the value of key read by [ParseIP].
func (e *Event) IP(key string) (netip.Addr, error) {
	v, err := e.valueOf(key)
	if err != nil {
		return netip.Addr{}, err
	}
	return ParseIP(v)
}

// MAC returns the value of key read by [ParseMAC].
func (e *Event) MAC(key string) (MAC, error) {
	v, err := e.valueOf(key)
	if err != nil {
		return MAC{}, err
	}
	return ParseMAC(v)
}

// Time returns the value of key read by [ParseTime].
func (e *Event) Time(key string, o TimeOptions) (time.Time, error) {
	v, err := e.valueOf(key)
	if err != nil {
		return time.Time{}, err
	}
	return ParseTime(v, o)
}
