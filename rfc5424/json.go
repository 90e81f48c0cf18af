package rfc5424

import "github.com/cefsyslog/cefsyslog/internal/jsonw"

// MarshalJSON returns m as the "syslog" object of the project's output
// contract (docs/output.md): priority with facility and severity, version,
// timestamp in RFC 3339 with the fraction it had and its offset, the header
// fields, structured_data and message. Absent fields are left out, never
// null or "". RawTimestamp is not written.
func (m *Message) MarshalJSON() ([]byte, error) {
	s := jsonw.Syslog{
		Priority:  m.Priority,
		Version:   m.Version,
		Timestamp: m.Timestamp,
		Hostname:  m.Hostname,
		AppName:   m.AppName,
		ProcID:    m.ProcID,
		MsgID:     m.MsgID,
		Message:   m.Msg,
	}
	return jsonw.AppendSyslog(nil, &s, len(m.StructuredData), func(dst []byte, i int) []byte {
		return m.StructuredData[i].appendJSON(dst)
	}), nil
}

// MarshalJSON returns e as {"id": ..., "params": [{"name": ..., "value": ...}]},
// the element object of the output contract. An element without params
// has no "params".
func (e Element) MarshalJSON() ([]byte, error) {
	return e.appendJSON(nil), nil
}

func (e *Element) appendJSON(dst []byte) []byte {
	dst = jsonw.Str(append(dst, '{'), "id", e.ID)
	if len(e.Params) > 0 {
		dst = append(jsonw.Key(dst, "params"), '[')
		for _, p := range e.Params {
			dst = jsonw.Str(append(jsonw.Elem(dst), '{'), "name", p.Name)
			dst = append(jsonw.Str(dst, "value", p.Value), '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}
