package rfc3164

import (
	"time"
)

// Message is a BSD syslog line as owned values: it does not alias the bytes
// it was parsed from. Absent parts are the zero value, except Priority,
// which is -1.
type Message struct {
	Priority     int       // PRI 0–191; -1 when the line has none
	Sequence     string    // a Cisco message counter
	Timestamp    time.Time // the stamp, its year and zone completed per Options; zero when absent
	RawTimestamp string    // the stamp as written; not used by AppendText
	Hostname     string
	AppName      string // the TAG up to '['
	ProcID       string // between the TAG's brackets
	Msg          string // the message; empty when absent
}

// Facility returns Priority / 8, or -1 when there is no priority.
func (m *Message) Facility() int {
	if m.Priority < 0 {
		return -1
	}
	return m.Priority / 8
}

// Severity returns Priority % 8, or -1 when there is no priority.
func (m *Message) Severity() int {
	if m.Priority < 0 {
		return -1
	}
	return m.Priority % 8
}

// Parse parses one line with the default Options. See [Options.Parse].
func Parse(b []byte) (*Message, error) {
	return Options{}.Parse(b)
}

// Parse parses one line into owned values built on a [Scanner]. It returns
// what it read together with the error, a *[ParseError]; the message is
// never nil. It costs two allocations: one string holds a copy of the line
// and every field is cut from it, and one the Message.
func (o Options) Parse(b []byte) (*Message, error) {
	var s Scanner
	s.Options = o
	err := s.Reset(b)
	var str string
	if len(b) <= s.maxLen() {
		str = string(b)
	}
	cut := func(sp span) string { return str[sp.off:sp.end] }
	return &Message{
		Priority:     s.pri,
		Sequence:     cut(s.seq),
		Timestamp:    s.Time(),
		RawTimestamp: cut(s.ts),
		Hostname:     cut(s.host),
		AppName:      cut(s.app),
		ProcID:       cut(s.proc),
		Msg:          cut(s.msg),
	}, err
}
