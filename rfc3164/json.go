package rfc3164

import "github.com/cefsyslog/cefsyslog/internal/jsonw"

// MarshalJSON returns m as the "syslog" object of the project's output
// contract (docs/output.md): priority with facility and severity,
// timestamp, hostname, app_name, proc_id and message. Absent fields are
// left out. Sequence and RawTimestamp are not written.
func (m *Message) MarshalJSON() ([]byte, error) {
	s := jsonw.Syslog{
		Priority:  m.Priority,
		Timestamp: m.Timestamp,
		Hostname:  m.Hostname,
		AppName:   m.AppName,
		ProcID:    m.ProcID,
		Message:   m.Msg,
	}
	return jsonw.AppendSyslog(nil, &s, 0, nil), nil
}
