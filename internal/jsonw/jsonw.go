// Package jsonw appends JSON text to byte slices. It writes the records of
// the output contract by hand: in a fixed key order, without reflection,
// and without the HTML escaping encoding/json applies by default.
package jsonw

import (
	"strconv"
	"time"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// String appends s as a JSON string. Bytes that are not valid UTF-8 become
// U+FFFD, as encoding/json does; U+2028 and U+2029 are escaped so that the
// output is also valid JavaScript.
func String[T string | []byte](dst []byte, s T) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		// Copy at most one rune's bytes so that one decoder serves both
		// string and []byte without converting the whole input.
		var buf [utf8.UTFMax]byte
		r, size := utf8.DecodeRune(buf[:copy(buf[:], s[i:min(i+utf8.UTFMax, len(s))])])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Key appends a member name and its colon, after a comma unless the object
// was just opened.
func Key(dst []byte, name string) []byte {
	if n := len(dst); n > 0 && dst[n-1] != '{' && dst[n-1] != '[' {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, '"', ':')
}

// Elem appends the comma that separates array elements, unless the array was
// just opened.
func Elem(dst []byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] != '[' {
		dst = append(dst, ',')
	}
	return dst
}

// Int appends a member whose value is an integer.
func Int(dst []byte, name string, v int) []byte {
	return strconv.AppendInt(Key(dst, name), int64(v), 10)
}

// Str appends a member whose value is a string.
func Str[T string | []byte](dst []byte, name string, v T) []byte {
	return String(Key(dst, name), v)
}

// OptStr appends a member whose value is a string, unless the string is
// empty: the contract leaves out fields a message does not carry.
func OptStr[T string | []byte](dst []byte, name string, v T) []byte {
	if len(v) == 0 {
		return dst
	}
	return Str(dst, name, v)
}

// Time appends a member whose value is t in RFC 3339 with the fraction it
// has (trailing zeros dropped) and its offset, Z for UTC.
func Time(dst []byte, name string, t time.Time) []byte {
	dst = append(Key(dst, name), '"')
	dst = t.AppendFormat(dst, time.RFC3339Nano)
	return append(dst, '"')
}
