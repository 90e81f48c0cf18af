package cefsyslog

import (
	"encoding/base64"
	"time"
	"unicode/utf8"

	"github.com/cefsyslog/cefsyslog/azurestack"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/internal/jsonw"
	"github.com/cefsyslog/cefsyslog/rfc5424"
)

// Record is one parsed message, as owned values. Its JSON (see
// [Record.AppendJSON]) is the record of the output contract in
// docs/output.md.
type Record struct {
	// Format is the header the message had, or the one the Parser was
	// told to read.
	Format Format
	// Syslog holds the syslog header and message; it is set for every
	// RFC 5424 and RFC 3164 record, and nil for a bare CEF event.
	Syslog *Syslog
	// CEF is the CEF event: the whole of a bare CEF record, or the
	// syslog message's MSG when it starts with "CEF:". Nil otherwise.
	CEF *cef.Event
	// AzureStack classifies the CEF event when it comes from Azure Stack
	// Hub (the azurestack package's [azurestack.Hub]; HCI events are left
	// out, as the output contract says). Nil otherwise.
	AzureStack *azurestack.Event
	// Err is nil when the message was read in full. Otherwise every field
	// read before the problem is still set.
	Err *ParseError
	// Raw is the message exactly as received (cut to the Parser's MaxLen
	// when it was longer), after charset decoding.
	Raw string
	// Undecoded holds the message's own bytes when the Parser's Charset
	// could not decode some of them; it is empty otherwise.
	Undecoded string
}

// Syslog holds the syslog part of a record: the fields RFC 5424 and
// RFC 3164 have in common, and those only RFC 5424 has. A field the message
// does not carry is the zero value, except Priority, which is -1.
type Syslog struct {
	Priority       int               // PRI 0–191; -1 when absent
	Version        int               // RFC 5424 VERSION; 0 for RFC 3164
	Timestamp      time.Time         // zero when absent
	Hostname       string            // HOSTNAME
	AppName        string            // APP-NAME, or the RFC 3164 TAG up to '['
	ProcID         string            // PROCID, or the RFC 3164 TAG's [pid]
	MsgID          string            // MSGID (RFC 5424 only)
	StructuredData []rfc5424.Element // RFC 5424 structured data, in message order
	Message        string            // MSG without a leading BOM; empty when absent
}

// Facility returns Priority / 8, or -1 when there is no priority.
func (s *Syslog) Facility() int {
	if s.Priority < 0 {
		return -1
	}
	return s.Priority / 8
}

// Severity returns Priority % 8, or -1 when there is no priority.
func (s *Syslog) Severity() int {
	if s.Priority < 0 {
		return -1
	}
	return s.Priority % 8
}

// AppendJSON appends the record as one JSON object of the output contract
// (docs/output.md), without a trailing newline, and returns the extended
// buffer. Keys come in the contract's order; fields a message does not
// carry are left out. Strings that are not valid UTF-8 are written with
// U+FFFD, and the record then also carries raw_base64, the exact bytes; so
// does a record whose charset could not decode some bytes (raw_base64 then
// holds the bytes as received, before decoding).
func (r *Record) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	dst = jsonw.Str(dst, "format", r.Format.String())
	if r.Syslog != nil {
		dst = r.Syslog.appendJSON(jsonw.Key(dst, "syslog"))
	}
	if r.CEF != nil {
		dst = r.CEF.AppendJSON(jsonw.Key(dst, "cef"))
	}
	if r.AzureStack != nil {
		dst = r.AzureStack.AppendJSON(jsonw.Key(dst, "azurestack"))
	}
	if r.Err != nil {
		dst = append(jsonw.Key(dst, "error"), '{')
		dst = jsonw.Int(dst, "offset", r.Err.Offset)
		dst = append(jsonw.Str(dst, "reason", r.Err.Reason), '}')
		dst = jsonw.Str(dst, "raw", r.Raw)
	}
	exact := r.Raw
	if r.Undecoded != "" {
		exact = r.Undecoded
	}
	if r.Undecoded != "" || !utf8.ValidString(r.Raw) {
		dst = append(jsonw.Key(dst, "raw_base64"), '"')
		dst = base64.StdEncoding.AppendEncode(dst, []byte(exact))
		dst = append(dst, '"')
	}
	return append(dst, '}')
}

// MarshalJSON returns the record's contract JSON; see [Record.AppendJSON].
func (r *Record) MarshalJSON() ([]byte, error) {
	return r.AppendJSON(nil), nil
}

func (s *Syslog) appendJSON(dst []byte) []byte {
	w := jsonw.Syslog{
		Priority:  s.Priority,
		Version:   s.Version,
		Timestamp: s.Timestamp,
		Hostname:  s.Hostname,
		AppName:   s.AppName,
		ProcID:    s.ProcID,
		MsgID:     s.MsgID,
		Message:   s.Message,
	}
	return jsonw.AppendSyslog(dst, &w, len(s.StructuredData), func(dst []byte, i int) []byte {
		b, _ := s.StructuredData[i].MarshalJSON()
		return append(dst, b...)
	})
}

// MarshalJSON returns the contract's "syslog" object.
func (s *Syslog) MarshalJSON() ([]byte, error) {
	return s.appendJSON(nil), nil
}
