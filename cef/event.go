package cef

import (
	"bytes"
	"errors"
	"iter"
	"strings"
)

// Event is a CEF event as owned values: it does not alias the bytes it was
// parsed from. Header fields and values have their escapes resolved.
type Event struct {
	Version       int    // the major version: 0 for "CEF:0", "CEF:0.0" and "CEF: 0.0"
	RawVersion    string // the version as written
	DeviceVendor  string
	DeviceProduct string
	DeviceVersion string
	SignatureID   string // Device Event Class ID
	Name          string
	Severity      string // exactly as sent; see [SeverityRecognised]
	// Fields is how many of the seven header fields were read: 7 for a
	// whole header, fewer when it was cut short (the rest are "").
	Fields int
	// Flags is what the header fields were flagged with.
	Flags Flags
	// Extensions holds the pairs in input order; a repeated key is kept
	// each time it appears.
	Extensions []Extension
}

// Extension is one key=value pair of an event's extension.
type Extension struct {
	Key   string
	Value string // escapes resolved
	Flags Flags  // what the value was flagged with
}

// Get returns the value of the last pair with the given key, as the spec
// has a key appear once and most readers keep the last.
func (e *Event) Get(key string) (string, bool) {
	for i := len(e.Extensions) - 1; i >= 0; i-- {
		if e.Extensions[i].Key == key {
			return e.Extensions[i].Value, true
		}
	}
	return "", false
}

// SeverityRecognised reports whether Severity is one the spec defines: an
// integer 0–10, or Unknown, Low, Medium, High or Very-High in any case.
// Anything else (Azure Stack Hub sends "Information") is kept as sent.
func (e *Event) SeverityRecognised() bool { return SeverityRecognised(e.Severity) }

// SeverityRecognised reports whether a Severity field is one the spec
// defines: an integer 0–10, or Unknown, Low, Medium, High or Very-High in
// any case.
func SeverityRecognised[T string | []byte](v T) bool {
	switch len(v) {
	case 1:
		return isDigit(v[0])
	case 2:
		if v[0] == '1' && v[1] == '0' {
			return true
		}
	}
	for _, w := range [...]string{"unknown", "low", "medium", "high", "very-high"} {
		if equalFold(v, w) {
			return true
		}
	}
	return false
}

// equalFold compares v with a lower-case ASCII word, ignoring case.
func equalFold[T string | []byte](v T, lower string) bool {
	if len(v) != len(lower) {
		return false
	}
	for i := range len(v) {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// ErrNoKey is the error of a typed accessor asked for a key the event does
// not have.
var ErrNoKey = errors.New("cef: no such key")

// Parse parses one event with the default Options. See [Options.Parse].
func Parse(b []byte) (*Event, error) {
	return Options{}.Parse(b)
}

// Parse parses one event into owned values built on a [Scanner]. It returns
// everything read together with the errors met: nil, the one
// *[ParseError], or several joined with errors.Join (errors.As finds the
// first). The event is never nil.
//
// It costs at most three allocations whatever the number of pairs: one
// string holds a copy of the event (and the fields whose escapes were
// resolved), one the Event, one its extensions.
func (o Options) Parse(b []byte) (*Event, error) {
	var s Scanner
	s.Options = o
	s.Reset(b)

	// Walk first, recording positions only; the text is copied in one
	// piece afterwards. Pairs collect in an array on the stack; only events
	// with more than 32 pairs spill to the heap.
	type pair struct {
		key, value span
		flags      Flags
		escaped    bool
	}
	var pairArr [32]pair
	pairs := pairArr[:0]
	extra := 0 // bytes of fields and values whose escapes get resolved
	for f := FieldDeviceVendor; f < numFields; f++ {
		if sp := s.fields[f]; bytes.IndexByte(b[sp.off:sp.end], '\\') >= 0 {
			extra += sp.end - sp.off
		}
	}
	for s.Next() {
		v := s.value
		esc := bytes.IndexByte(b[v.off:v.end], '\\') >= 0
		if esc {
			extra += v.end - v.off
		}
		pairs = append(pairs, pair{s.key, v, s.flags, esc})
	}

	var w strings.Builder
	if s.nFields > 0 {
		w.Grow(len(b) + extra)
		w.Write(b)
	}
	var fields [numFields]span
	for f := FieldVersion; f < numFields; f++ {
		sp := s.fields[f]
		fields[f] = sp
		if f > FieldVersion && bytes.IndexByte(b[sp.off:sp.end], '\\') >= 0 {
			off := w.Len()
			writeUnescaped(&w, b[sp.off:sp.end], true)
			fields[f] = span{off, w.Len()}
		}
	}
	for i, p := range pairs {
		if p.escaped {
			off := w.Len()
			writeUnescaped(&w, b[p.value.off:p.value.end], false)
			pairs[i].value = span{off, w.Len()}
		}
	}
	str := w.String()
	cut := func(sp span) string { return str[sp.off:sp.end] }

	e := &Event{
		Version:       s.major,
		RawVersion:    cut(fields[FieldVersion]),
		DeviceVendor:  cut(fields[FieldDeviceVendor]),
		DeviceProduct: cut(fields[FieldDeviceProduct]),
		DeviceVersion: cut(fields[FieldDeviceVersion]),
		SignatureID:   cut(fields[FieldSignatureID]),
		Name:          cut(fields[FieldName]),
		Severity:      cut(fields[FieldSeverity]),
		Fields:        s.nFields,
		Flags:         s.hdrFlags,
	}
	if len(pairs) > 0 {
		e.Extensions = make([]Extension, len(pairs))
		for i, p := range pairs {
			e.Extensions[i] = Extension{cut(p.key), cut(p.value), p.flags}
		}
	}
	switch errs := s.Errors(); len(errs) {
	case 0:
		return e, nil
	case 1:
		return e, errs[0]
	default:
		all := make([]error, len(errs))
		for i, err := range errs {
			all[i] = err
		}
		return e, errors.Join(all...)
	}
}

// writeUnescaped copies v into w with its escapes resolved.
// It works in chunks through a small buffer on the stack, so that no
// temporary slice is allocated. Escapes pair up from the left, so a chunk
// that ends in an odd run of backslashes would cut an escape in two: it
// takes one more byte.
// The escapes are the header's when header is set, else the extension's.
// (A function value would make buf escape to the heap.)
func writeUnescaped(w *strings.Builder, v []byte, header bool) {
	var buf [64]byte
	for len(v) > 0 {
		n := min(len(v), len(buf)/2)
		if n < len(v) && backslashesBefore(v, 0, n)%2 == 1 {
			n++
		}
		if header {
			w.Write(appendHeaderUnescaped(buf[:0], v[:n]))
		} else {
			w.Write(appendValueUnescaped(buf[:0], v[:n]))
		}
		v = v[n:]
	}
}

// CustomField is one of the spec's custom fields with its label: cs1 and
// cs1Label, cn2 and cn2Label, and so on.
type CustomField struct {
	Key   string // the value's key: "cs1"
	Label string // the label's value ("" when the event has none)
	Value string // the value ("" when the event has none)
}

// customKeys lists the keys of the spec's custom fields; each has a label
// key formed by adding "Label".
var customKeys = [...]string{
	"cs1", "cs2", "cs3", "cs4", "cs5", "cs6",
	"cn1", "cn2", "cn3",
	"cfp1", "cfp2", "cfp3", "cfp4",
	"c6a1", "c6a2", "c6a3", "c6a4",
	"flexString1", "flexString2",
	"flexNumber1", "flexNumber2",
	"flexDate1",
	"deviceCustomDate1", "deviceCustomDate2",
}

// CustomFields returns an iterator over the event's custom fields that have
// a value or a label, in the order of customKeys (cs1–cs6, cn1–cn3,
// cfp1–cfp4, c6a1–c6a4, flexString1–2, flexNumber1–2, flexDate1,
// deviceCustomDate1–2). It does not allocate.
func (e *Event) CustomFields() iter.Seq[CustomField] {
	return func(yield func(CustomField) bool) {
		var label [32]byte
		for _, k := range customKeys {
			v, hasV := e.Get(k)
			l, hasL := e.Get(string(append(append(label[:0], k...), "Label"...)))
			if !hasV && !hasL {
				continue
			}
			if !yield(CustomField{Key: k, Label: l, Value: v}) {
				return
			}
		}
	}
}
