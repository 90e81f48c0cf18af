package cef

import (
	"fmt"
	"strconv"
)

// AppendText appends e as a CEF event to b and returns the extended buffer;
// it implements encoding.TextAppender. It writes "CEF:", the version
// (RawVersion when it is digits with an optional ".digits", else Version),
// the seven header fields with '|' and '\' escaped, a '|', and the
// extension pairs separated by spaces, with '\', '=', newline and carriage
// return escaped as \\ \= \n \r. Fields is not used: all seven header
// fields are written.
//
// What CEF cannot carry is an error and b is returned unchanged: a newline
// in a header field, a key that is empty or holds a byte other than letters,
// digits and _ . , [ ] -, and trailing white space on the last value, which
// readers drop.
func (e *Event) AppendText(b []byte) ([]byte, error) {
	orig := b
	b = append(b, "CEF:"...)
	if versionText(e.RawVersion) {
		b = append(b, e.RawVersion...)
	} else {
		b = strconv.AppendInt(b, int64(e.Version), 10)
	}
	for _, f := range [...]struct {
		name, v string
	}{
		{"Device Vendor", e.DeviceVendor}, {"Device Product", e.DeviceProduct},
		{"Device Version", e.DeviceVersion}, {"Device Event Class ID", e.SignatureID},
		{"Name", e.Name}, {"Severity", e.Severity},
	} {
		b = append(b, '|')
		for i := range len(f.v) {
			switch c := f.v[i]; c {
			case '|', '\\':
				b = append(b, '\\', c)
			case '\n', '\r':
				return orig, fmt.Errorf("cef: cannot encode %s %q: %w", f.name, f.v, ErrValue)
			default:
				b = append(b, c)
			}
		}
	}
	b = append(b, '|')
	for i, x := range e.Extensions {
		if x.Key == "" || !isKey(x.Key) {
			return orig, fmt.Errorf("cef: cannot encode key %q: %w", x.Key, ErrMalformedExtension)
		}
		if i == len(e.Extensions)-1 && x.Value != "" && (x.Value[len(x.Value)-1] == ' ' || x.Value[len(x.Value)-1] == '\t') {
			return orig, fmt.Errorf("cef: cannot encode %s: the last value ends in white space, which readers drop: %w", x.Key, ErrValue)
		}
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, x.Key...)
		b = append(b, '=')
		b = appendValueEscaped(b, x.Value)
	}
	return b, nil
}

// MarshalText returns e as a CEF event; see [Event.AppendText].
func (e *Event) MarshalText() ([]byte, error) { return e.AppendText(nil) }

// appendValueEscaped writes an extension value with \ = newline and CR
// escaped.
func appendValueEscaped(b []byte, v string) []byte {
	for i := range len(v) {
		switch c := v[i]; c {
		case '\\', '=':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}

func isKey(k string) bool {
	for i := range len(k) {
		if !keyByte[k[i]] {
			return false
		}
	}
	return true
}

// versionText reports whether v is digits with an optional ".digits".
func versionText(v string) bool {
	i := 0
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	if i == len(v) {
		return true
	}
	if v[i] != '.' || i+1 == len(v) {
		return false
	}
	for _, c := range []byte(v[i+1:]) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
