package rfc5424

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// AppendText appends m as an RFC 5424 message to b and returns the extended
// buffer; it implements encoding.TextAppender. Empty fields and a zero
// Timestamp are written as NILVALUE, Version 0 as 1, and PARAM-VALUEs are
// escaped. A non-ASCII MSG that is valid UTF-8 gets the BOM §6.4 asks for.
// Timestamps keep microseconds (six digits, the most §6.2.3 allows) and
// their offset; an offset that is not whole minutes is written as UTC.
//
// RawTimestamp is not used. A field the format cannot carry (a Priority
// outside 0–191, a HOSTNAME with a space, a repeated SD-ID, ...) is an error
// that wraps the matching Err value; b is then returned unchanged.
func (m *Message) AppendText(b []byte) ([]byte, error) {
	orig := b
	fail := func(field, value string, err error) ([]byte, error) {
		return orig, fmt.Errorf("rfc5424: cannot encode %s %q: %w", field, value, err)
	}
	if m.Priority < 0 || m.Priority > 191 {
		return fail("PRI", strconv.Itoa(m.Priority), ErrPriority)
	}
	v := m.Version
	if v == 0 {
		v = 1
	}
	if v < 0 || v > 999 {
		return fail("VERSION", strconv.Itoa(m.Version), ErrVersion)
	}
	b = append(b, '<')
	b = strconv.AppendInt(b, int64(m.Priority), 10)
	b = append(b, '>')
	b = strconv.AppendInt(b, int64(v), 10)
	b = append(b, ' ')
	if m.Timestamp.IsZero() {
		b = append(b, '-')
	} else if y := m.Timestamp.Year(); y < 0 || y > 9999 {
		return fail("TIMESTAMP", m.Timestamp.String(), ErrTimestamp)
	} else {
		b = appendTimestamp(b, m.Timestamp)
	}
	for _, f := range [...]struct {
		name, value string
		max         int
		err         error
	}{
		{"HOSTNAME", m.Hostname, 255, ErrHostname},
		{"APP-NAME", m.AppName, 48, ErrAppName},
		{"PROCID", m.ProcID, 128, ErrProcID},
		{"MSGID", m.MsgID, 32, ErrMsgID},
	} {
		b = append(b, ' ')
		if f.value == "" {
			b = append(b, '-')
			continue
		}
		if len(f.value) > f.max || !printASCII(f.value) {
			return fail(f.name, f.value, f.err)
		}
		b = append(b, f.value...)
	}
	b = append(b, ' ')
	if len(m.StructuredData) == 0 {
		b = append(b, '-')
	}
	if len(m.StructuredData) > MaxElements {
		return fail("STRUCTURED-DATA", strconv.Itoa(len(m.StructuredData))+" elements", ErrTooManyElements)
	}
	for i, e := range m.StructuredData {
		if !sdName(e.ID) {
			return fail("SD-ID", e.ID, ErrElementID)
		}
		for _, prev := range m.StructuredData[:i] {
			if prev.ID == e.ID {
				return fail("SD-ID", e.ID, ErrDuplicateElement)
			}
		}
		b = append(b, '[')
		b = append(b, e.ID...)
		for _, p := range e.Params {
			if !sdName(p.Name) {
				return fail("PARAM-NAME", p.Name, ErrParamName)
			}
			if !utf8.ValidString(p.Value) {
				return fail("PARAM-VALUE", p.Value, ErrParamValue)
			}
			b = append(b, ' ')
			b = append(b, p.Name...)
			b = append(b, '=', '"')
			b = appendEscaped(b, p.Value)
			b = append(b, '"')
		}
		b = append(b, ']')
	}
	if m.Msg != "" {
		b = append(b, ' ')
		valid := utf8.ValidString(m.Msg)
		switch {
		case valid && !isASCII(m.Msg):
			b = append(b, bom...)
		case !valid && strings.HasPrefix(m.Msg, string(bom)):
			// The reader would take these bytes for a BOM and then
			// reject the rest.
			return fail("MSG", m.Msg, ErrMsgUTF8)
		}
		b = append(b, m.Msg...)
	}
	return b, nil
}

// MarshalText returns m as an RFC 5424 message; see [Message.AppendText].
func (m *Message) MarshalText() ([]byte, error) {
	return m.AppendText(nil)
}

// appendTimestamp writes t in the §6.2.3 profile of RFC 3339.
func appendTimestamp(b []byte, t time.Time) []byte {
	_, off := t.Zone()
	if off%60 != 0 {
		t, off = t.UTC(), 0
	}
	b = t.AppendFormat(b, "2006-01-02T15:04:05")
	if us := t.Nanosecond() / 1000; us > 0 {
		var frac [7]byte
		frac[0] = '.'
		for i := 6; i > 0; i-- {
			frac[i] = byte('0' + us%10)
			us /= 10
		}
		n := 7
		for frac[n-1] == '0' {
			n--
		}
		b = append(b, frac[:n]...)
	}
	if off == 0 {
		return append(b, 'Z')
	}
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	h, mm := off/3600, off%3600/60
	return append(b, sign, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mm/10), byte('0'+mm%10))
}

// appendEscaped writes a PARAM-VALUE with '"', '\' and ']' escaped.
func appendEscaped(b []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '"', '\\', ']':
			b = append(b, '\\', c)
		default:
			b = append(b, c)
		}
	}
	return b
}

func printASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '!' || c > '~' {
			return false
		}
	}
	return true
}

// sdName reports whether s is an SD-NAME: 1–32 PRINTUSASCII except '=',
// ' ', ']' and '"'.
func sdName(s string) bool {
	if len(s) == 0 || len(s) > 32 || !printASCII(s) {
		return false
	}
	return !strings.ContainsAny(s, `=]"`)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
