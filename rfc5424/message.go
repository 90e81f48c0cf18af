package rfc5424

import (
	"time"
	"unsafe"
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
// A message costs two allocations: one string holds a copy of the message
// (escaped values resolved within it), one block the Message, its elements
// and their params. Messages with more than four elements or 16
// params cost four or more: the Message, the elements and the params each
// get their own, and the positions of more than eight elements or 16
// params outgrow the stack.
func (o Options) Parse(b []byte) (*Message, error) {
	var s Scanner
	s.Options = o
	s.Reset(b)

	// The copy is a string made in place: buf is written here, before
	// the string is made, and never again, which is what strings.Builder
	// relies on too. Values with escapes are resolved in place, in their
	// own bytes of the copy: resolving only shortens them.
	var buf []byte
	if s.cur.pri >= 0 {
		buf = make([]byte, len(b))
		copy(buf, b)
	}

	// Elements and params collect in arrays on the stack until the walk
	// has counted them; only messages with more than eight elements or 16
	// params spill to the heap. (The arrays are zeroed on every call, so
	// they are kept small.)
	type elemSpan struct {
		id             span
		first, nParams int
	}
	var elemArr [8]elemSpan
	var paramArr [16][2]span
	elems, params := elemArr[:0], paramArr[:0]
	for s.NextElement() {
		elems = append(elems, elemSpan{id: s.cur.id, first: len(params)})
		for s.NextParam() {
			v := s.cur.value
			if s.cur.escaped {
				val := buf[v.off:v.end]
				v.end = v.off + unescape(val, val)
			}
			params = append(params, [2]span{s.cur.name, v})
			elems[len(elems)-1].nParams++
		}
	}
	s.Message()
	str := unsafe.String(unsafe.SliceData(buf), len(buf))
	cut := func(sp span) string { return str[sp.off:sp.end] }

	m, ps := newMessage(len(elems), len(params))
	m.Priority = s.cur.pri
	m.Version = s.cur.version
	m.Timestamp = s.Time()
	m.RawTimestamp = cut(s.cur.fields[fieldTimestamp])
	m.Hostname = cut(s.cur.fields[fieldHostname])
	m.AppName = cut(s.cur.fields[fieldAppName])
	m.ProcID = cut(s.cur.fields[fieldProcID])
	m.MsgID = cut(s.cur.fields[fieldMsgID])
	m.Msg = cut(s.cur.msg)
	for i, p := range params {
		ps[i] = Param{cut(p[0]), cut(p[1])}
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

// newMessage allocates a Message with n SD elements and a slice of p
// params. Most messages carry a few of each, and for them one block holds
// all three, saving two allocations.
func newMessage(n, p int) (*Message, []Param) {
	switch {
	case n == 0:
		return new(Message), nil
	case n == 1 && p <= 4:
		b := new(struct {
			m Message
			e [1]Element
			p [4]Param
		})
		b.m.StructuredData = b.e[:]
		return &b.m, b.p[:p]
	case n <= 2 && p <= 8:
		b := new(struct {
			m Message
			e [2]Element
			p [8]Param
		})
		b.m.StructuredData = b.e[:n:n]
		return &b.m, b.p[:p]
	case n <= 4 && p <= 16:
		b := new(struct {
			m Message
			e [4]Element
			p [16]Param
		})
		b.m.StructuredData = b.e[:n:n]
		return &b.m, b.p[:p]
	}
	m := new(Message)
	m.StructuredData = make([]Element, n)
	return m, make([]Param, p)
}
