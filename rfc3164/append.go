package rfc3164

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/cefsyslog/cefsyslog/internal/stamp"
)

// ErrCannotEncode is wrapped by the errors of [Message.AppendText] for
// messages that a BSD syslog line cannot carry or would read back
// differently.
var ErrCannotEncode = errors.New("rfc3164: cannot encode")

// AppendText appends m as a BSD syslog line (RFC 3164 §4.1) to b and
// returns the extended buffer; it implements encoding.TextAppender. It
// writes the parts m has, in order: "<PRI>", the timestamp as "Mmm dd
// hh:mm:ss" with the day padded with a space (RFC 3164 §4.1.2) and a
// fraction when the time has one, the hostname, the TAG ("app[pid]:") and
// the message; a Cisco Sequence goes before the stamp as "NNN: ". RFC 3164 stamps have no year and no zone: the time is
// written in its own location, and its year is lost.
//
// A line that would read back differently is an error that wraps
// ErrCannotEncode, and b is returned unchanged: a hostname, TAG or message
// without a timestamp (the reader takes such a line whole as the
// message), a hostname or TAG with a space or a byte its shape forbids, a
// hostname that reads as a zone ("UTC"), a message whose first word would
// read as a hostname, TAG or zone, and a Priority over 191.
func (m *Message) AppendText(b []byte) ([]byte, error) {
	orig := b
	fail := func(what string) ([]byte, error) {
		return orig, fmt.Errorf("%w: %s", ErrCannotEncode, what)
	}
	if m.Priority > 191 {
		return fail("priority " + strconv.Itoa(m.Priority))
	}
	hasTag := m.AppName != "" || m.ProcID != ""
	if m.Timestamp.IsZero() && (m.Hostname != "" || hasTag) {
		return fail("a hostname or TAG without a timestamp")
	}
	if m.Hostname != "" && (!isHostname([]byte(m.Hostname)) || stamp.IsZone([]byte(m.Hostname))) {
		// A hostname such as "UTC" would be read as the stamp's zone.
		return fail("hostname " + strconv.Quote(m.Hostname))
	}
	if hasTag && (!tagName([]byte(m.AppName)) || len(m.AppName) > maxTag || !procID(m.ProcID)) {
		return fail("TAG " + strconv.Quote(m.AppName+"["+m.ProcID+"]"))
	}
	if !m.Timestamp.IsZero() && !hasTag && m.Msg != "" {
		// The message's first word must not read as a hostname or TAG.
		// A hostname or TAG is at most a few hundred bytes: look at that
		// much, in a buffer on the stack.
		var buf [maxHostname + maxTag + 8]byte
		msg := buf[:copy(buf[:], m.Msg)]
		w := msg
		if k := bytes.IndexByte(msg, ' '); k >= 0 {
			w = msg[:k]
		}
		s := Scanner{rec: msg}
		if m.Hostname == "" && (isHostname(w) || stamp.IsZone(w)) || s.readTag(0) || m.Msg[0] == ' ' {
			return fail("a message whose first word reads as a hostname or TAG")
		}
	}
	if m.Sequence != "" && (m.Timestamp.IsZero() || !allDigits(m.Sequence)) {
		return fail("sequence " + strconv.Quote(m.Sequence))
	}
	if m.Priority >= 0 {
		b = append(b, '<')
		b = strconv.AppendInt(b, int64(m.Priority), 10)
		b = append(b, '>')
	}
	if m.Sequence != "" {
		b = append(b, m.Sequence...)
		b = append(b, ':', ' ')
	}
	if !m.Timestamp.IsZero() {
		b = m.Timestamp.AppendFormat(b, time.Stamp)
		if ns := m.Timestamp.Nanosecond(); ns != 0 {
			b = appendFraction(b, ns)
		}
		b = append(b, ' ')
	}
	if m.Hostname != "" {
		b = append(b, m.Hostname...)
		b = append(b, ' ')
	}
	if hasTag {
		b = append(b, m.AppName...)
		if m.ProcID != "" {
			b = append(b, '[')
			b = append(b, m.ProcID...)
			b = append(b, ']')
		}
		b = append(b, ':', ' ')
	}
	b = append(b, m.Msg...)
	// A line that ends after the header would lose its last space.
	for len(b) > len(orig) && b[len(b)-1] == ' ' && m.Msg == "" {
		b = b[:len(b)-1]
	}
	return b, nil
}

// MarshalText returns m as a BSD syslog line; see [Message.AppendText].
func (m *Message) MarshalText() ([]byte, error) { return m.AppendText(nil) }

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func procID(p string) bool {
	for i := range len(p) {
		if c := p[i]; c == '[' || c == ']' || c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// appendFraction writes ".fff", the nanoseconds with trailing zeros
// dropped.
func appendFraction(b []byte, ns int) []byte {
	var d [10]byte
	d[0] = '.'
	for i := 9; i > 0; i-- {
		d[i] = byte('0' + ns%10)
		ns /= 10
	}
	n := 10
	for d[n-1] == '0' {
		n--
	}
	return append(b, d[:n]...)
}
