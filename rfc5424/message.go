package rfc5424

import (
	"strings"
	"time"
)

// Message is an RFC 5424 message as owned values: it does not alias the
// bytes it was parsed from. Absent fields (NILVALUE, or not reached before
// an error) are the zero value, except Priority, which is -1.
type Message struct {
	Priority       int       // PRIVAL 0–191 (Facility*8 + Severity); -1 when not read
	Version        int       // VERSION 1–999; 0 when not read (AppendText writes 1)
	Timestamp      time.Time // TIMESTAMP in the offset the message gave; zero for NILVALUE
	RawTimestamp   string    // TIMESTAMP as written; not used by AppendText
	Hostname       string    // HOSTNAME
	AppName        string    // APP-NAME
	ProcID         string    // PROCID
	MsgID          string    // MSGID
	StructuredData []Element // SD elements in message order
	Msg            string    // MSG without its BOM; empty when absent or empty
}

// Element is one SD-ELEMENT: its SD-ID and its params in message order.
// Repeated PARAM-NAMEs are kept, since §6.3.3 does not forbid them.
type Element struct {
	ID     string
	Params []Param
}

// Param is one SD-PARAM. Value has its escapes resolved.
type Param struct {
	Name  string
	Value string
}

// Facility returns Priority / 8, or -1 when there is no priority.
func (m *Message) Facility() int { return facility(m.Priority) }

// Severity returns Priority % 8, or -1 when there is no priority.
func (m *Message) Severity() int { return severity(m.Priority) }

// Element returns the first element with the given SD-ID.
func (m *Message) Element(id string) (Element, bool) {
	for _, e := range m.StructuredData {
		if e.ID == id {
			return e, true
		}
	}
	return Element{}, false
}

// Value returns the value of the first param with the given name.
func (e Element) Value(name string) (string, bool) {
	for _, p := range e.Params {
		if p.Name == name {
			return p.Value, true
		}
	}
	return "", false
}

// Parse parses one message with the default Options: strict RFC 5424.
// See [Options.Parse].
func Parse(b []byte) (*Message, error) {
	return Options{}.Parse(b)
}

// Parse parses one message into owned values built on a [Scanner]. It
// returns every field read before an error together with the error, a
// *[ParseError]; the message is never nil.
//
// A message without structured data costs two allocations; with it, three
// (four with more than four elements): one string holds a copy of the
// message (and the values that had escapes, resolved), one block the
// Message and its elements, one slice the params.
func (o Options) Parse(b []byte) (*Message, error) {
	var s Scanner
	s.Options = o
	s.Reset(b)

	// Walk the message first, recording positions only; the text is
	// copied in one piece afterwards and the fields are cut from the copy.
	// Elements and params collect in arrays on the stack; only messages
	// with more than eight elements or 16 params spill to the heap. (The
	// arrays are zeroed on every call, so they are kept small.)
	type elemSpan struct {
		id             span
		first, nParams int
	}
	type paramSpan struct {
		name, value span
		escaped     bool
	}
	var elemArr [8]elemSpan
	var paramArr [16]paramSpan
	elems, params := elemArr[:0], paramArr[:0]
	extra := 0 // bytes of escaped values, resolved after the copy
	for s.NextElement() {
		elems = append(elems, elemSpan{id: s.cur.id, first: len(params)})
		for s.NextParam() {
			esc := escapeIndex(s.view(s.cur.value)) >= 0
			if esc {
				extra += s.cur.value.end - s.cur.value.off
			}
			params = append(params, paramSpan{s.cur.name, s.cur.value, esc})
			elems[len(elems)-1].nParams++
		}
	}
	s.Message()

	var w strings.Builder
	if s.cur.pri >= 0 {
		w.Grow(len(b) + extra)
		w.Write(b)
		for i, p := range params {
			if p.escaped {
				off := w.Len()
				writeUnescaped(&w, b[p.value.off:p.value.end])
				params[i].value = span{off, w.Len()}
			}
		}
	}
	str := w.String()
	cut := func(sp span) string { return str[sp.off:sp.end] }

	m := newMessage(len(elems))
	m.Priority = s.cur.pri
	m.Version = s.cur.version
	m.Timestamp = s.Time()
	m.RawTimestamp = cut(s.cur.fields[fieldTimestamp])
	m.Hostname = cut(s.cur.fields[fieldHostname])
	m.AppName = cut(s.cur.fields[fieldAppName])
	m.ProcID = cut(s.cur.fields[fieldProcID])
	m.MsgID = cut(s.cur.fields[fieldMsgID])
	m.Msg = cut(s.cur.msg)
	var ps []Param
	if len(params) > 0 {
		ps = make([]Param, len(params))
		for i, p := range params {
			ps[i] = Param{cut(p.name), cut(p.value)}
		}
	}
	for i, e := range elems {
		m.StructuredData[i].ID = cut(e.id)
		if e.nParams > 0 {
			// Clip, so that appending to one element's params cannot
			// overwrite the next element's.
			m.StructuredData[i].Params = ps[e.first : e.first+e.nParams : e.first+e.nParams]
		}
	}
	if err := s.Err(); err != nil {
		return m, err
	}
	return m, nil
}

// newMessage allocates a Message and, for up to four SD elements, their
// array in the same block: most messages carry few elements, and this saves
// an allocation on each.
func newMessage(n int) *Message {
	switch {
	case n == 0:
		return new(Message)
	case n == 1:
		p := new(struct {
			m Message
			e [1]Element
		})
		p.m.StructuredData = p.e[:]
		return &p.m
	case n == 2:
		p := new(struct {
			m Message
			e [2]Element
		})
		p.m.StructuredData = p.e[:]
		return &p.m
	case n <= 4:
		p := new(struct {
			m Message
			e [4]Element
		})
		p.m.StructuredData = p.e[:n:n]
		return &p.m
	}
	m := new(Message)
	m.StructuredData = make([]Element, n)
	return m
}

// writeUnescaped copies v into w with its PARAM-VALUE escapes resolved.
func writeUnescaped(w *strings.Builder, v []byte) {
	for {
		i := escapeIndex(v)
		if i < 0 {
			w.Write(v)
			return
		}
		w.Write(v[:i])
		w.WriteByte(v[i+1])
		v = v[i+2:]
	}
}
