package siem

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"github.com/cefsyslog/cefsyslog"
	"github.com/cefsyslog/cefsyslog/internal/jsonw"
)

// Kind is the type of a Value, after the schema's column or field type.
type Kind uint8

const (
	String Kind = iota // Kusto string, ECS keyword or text
	Int                // Kusto int: 32-bit signed
	Long               // Kusto long, ECS long: 64-bit signed
	Real               // Kusto real, ECS float or double
	Time               // Kusto datetime, ECS date
	IP                 // ECS ip
	JSON               // an object, as JSON text: ECS's azurestack and log.syslog.structured_data
)

// Value is a typed value. Str always holds the value's text; Int, Real,
// Time or IP hold it typed according to Kind.
type Value struct {
	Kind Kind
	Str  string
	Int  int64
	Real float64
	Time time.Time
	IP   netip.Addr
}

// Field is one named value of a Document.
type Field struct {
	Name  string // a column name, or a dotted ECS field name
	Value Value
}

// Problem is a value that did not fit its column or field. The value is
// not lost: Document.Problems says where it went.
type Problem struct {
	Field  string `json:"field"`  // the column or ECS field it was meant for
	Key    string `json:"key"`    // the CEF key or syslog field it came from
	Value  string `json:"value"`  // the value as sent
	Reason string `json:"reason"` // why it did not fit, and where it is kept
}

// Document is a record mapped to a schema: fields in a stable order, and
// the values that did not fit.
type Document struct {
	Fields   []Field
	Problems []Problem
}

// newDocument makes room for the fields a record gives: the header and
// syslog fields, and two per extension (its field and, in ECS, its copy
// under cef.extensions).
func newDocument(r *cefsyslog.Record) *Document {
	n := 24
	if r.CEF != nil {
		n += 2 * len(r.CEF.Extensions)
	}
	return &Document{Fields: make([]Field, 0, n)}
}

// Get returns the field with the given name.
func (d *Document) Get(name string) (Value, bool) {
	for _, f := range d.Fields {
		if f.Name == name {
			return f.Value, true
		}
	}
	return Value{}, false
}

// set adds a field, or replaces the value of one already set: where two
// sources map to one field the later wins, as in Beats.
func (d *Document) set(name string, v Value) {
	for i := range d.Fields {
		if d.Fields[i].Name == name {
			d.Fields[i].Value = v
			return
		}
	}
	d.Fields = append(d.Fields, Field{name, v})
}

// setDefault sets a field that nothing else has set.
func (d *Document) setDefault(name string, v Value) {
	if _, ok := d.Get(name); !ok && v.Str != "" {
		d.set(name, v)
	}
}

func (d *Document) setString(name, s string) {
	if s != "" {
		d.set(name, Value{Kind: String, Str: s})
	}
}

func (d *Document) problem(field, key, value, reason string) {
	d.Problems = append(d.Problems, Problem{field, key, value, reason})
}

// AppendJSON appends the document as one JSON object: a member per field,
// dotted names nested as ECS documents are (source.ip is "source":
// {"ip": ...}), in the order of the fields; then, when there are any,
// "cefsyslog_problems" with the problems.
func (d *Document) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	dst = appendNested(dst, d.Fields, 0)
	if len(d.Problems) > 0 {
		dst = append(jsonw.Key(dst, "cefsyslog_problems"), '[')
		for _, p := range d.Problems {
			dst = append(jsonw.Elem(dst), '{')
			dst = jsonw.Str(dst, "field", p.Field)
			dst = jsonw.Str(dst, "key", p.Key)
			dst = jsonw.Str(dst, "value", p.Value)
			dst = jsonw.Str(dst, "reason", p.Reason)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendNested writes fields whose names share everything before depth
// dots: a name with no further dot is a member; names with the same next
// part become one object, where the first of them stood.
func appendNested(dst []byte, fields []Field, depth int) []byte {
	done := make([]bool, len(fields))
	for i, f := range fields {
		if done[i] {
			continue
		}
		part, rest := cut(f.Name, depth)
		if !rest {
			dst = appendValue(jsonw.String(memberSep(dst), part), f.Value)
			continue
		}
		var group []Field
		for j := i; j < len(fields); j++ {
			if p, r := cut(fields[j].Name, depth); !done[j] && r && p == part {
				group = append(group, fields[j])
				done[j] = true
			}
		}
		dst = append(append(jsonw.String(memberSep(dst), part), ':'), '{')
		dst = appendNested(dst, group, depth+1)
		dst = append(dst, '}')
	}
	return dst
}

func memberSep(dst []byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] != '{' {
		dst = append(dst, ',')
	}
	return dst
}

// cut returns the depth-th dot-separated part of name, and whether more
// parts follow.
func cut(name string, depth int) (string, bool) {
	for range depth {
		_, name, _ = strings.Cut(name, ".")
	}
	part, _, more := strings.Cut(name, ".")
	return part, more
}

func appendValue(dst []byte, v Value) []byte {
	dst = append(dst, ':')
	switch v.Kind {
	case Int, Long:
		return strconv.AppendInt(dst, v.Int, 10)
	case Real:
		return strconv.AppendFloat(dst, v.Real, 'g', -1, 64)
	case Time:
		dst = append(dst, '"')
		dst = v.Time.AppendFormat(dst, time.RFC3339Nano)
		return append(dst, '"')
	case JSON:
		return append(dst, v.Str...)
	}
	return jsonw.String(dst, v.Str)
}

func appendString(dst []byte, s string) []byte { return jsonw.String(dst, s) }
