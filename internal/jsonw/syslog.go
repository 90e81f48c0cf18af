package jsonw

import "time"

// Syslog holds the plain fields of the contract's "syslog" object. Both the
// rfc5424 package and the root Record write that object through
// [AppendSyslog], so its shape is defined once.
type Syslog struct {
	Priority  int // -1 when absent
	Version   int // 0 when absent
	Timestamp time.Time
	Hostname  string
	AppName   string
	ProcID    string
	MsgID     string
	Message   string
}

// AppendSyslog appends the contract's syslog object. When n > 0, sd is
// called for each structured data element in turn to append its object.
func AppendSyslog(dst []byte, s *Syslog, n int, sd func(dst []byte, i int) []byte) []byte {
	dst = append(dst, '{')
	if s.Priority >= 0 {
		dst = Int(dst, "priority", s.Priority)
		dst = Int(dst, "facility", s.Priority/8)
		dst = Int(dst, "severity", s.Priority%8)
	}
	if s.Version > 0 {
		dst = Int(dst, "version", s.Version)
	}
	if !s.Timestamp.IsZero() {
		dst = Time(dst, "timestamp", s.Timestamp)
	}
	dst = OptStr(dst, "hostname", s.Hostname)
	dst = OptStr(dst, "app_name", s.AppName)
	dst = OptStr(dst, "proc_id", s.ProcID)
	dst = OptStr(dst, "msg_id", s.MsgID)
	if n > 0 {
		dst = append(Key(dst, "structured_data"), '[')
		for i := range n {
			dst = sd(Elem(dst), i)
		}
		dst = append(dst, ']')
	}
	dst = OptStr(dst, "message", s.Message)
	return append(dst, '}')
}
