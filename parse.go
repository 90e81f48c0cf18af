package cefsyslog

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cefsyslog/cefsyslog/azurestack"
	"github.com/cefsyslog/cefsyslog/cef"
	"github.com/cefsyslog/cefsyslog/rfc3164"
	"github.com/cefsyslog/cefsyslog/rfc5424"
	"golang.org/x/text/encoding"
)

// Format names the header a message had.
type Format uint8

// Formats. Auto is only meaningful in [Parser.Format]; a [Record] always
// carries one of the others.
const (
	Auto    Format = iota // detect the format of each message
	RFC5424               // RFC 5424 syslog
	RFC3164               // BSD syslog (RFC 3164) and its real-world variants
	CEF                   // a bare CEF event without a syslog header
)

var formatNames = [...]string{Auto: "auto", RFC5424: "rfc5424", RFC3164: "rfc3164", CEF: "cef"}

// String returns the format's name as the output contract writes it:
// "auto", "rfc5424", "rfc3164" or "cef".
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// AppendText appends the format's name; it implements encoding.TextAppender.
func (f Format) AppendText(b []byte) ([]byte, error) {
	if int(f) >= len(formatNames) {
		return b, fmt.Errorf("cefsyslog: unknown format %d", uint8(f))
	}
	return append(b, formatNames[f]...), nil
}

// MarshalText returns the format's name.
func (f Format) MarshalText() ([]byte, error) { return f.AppendText(nil) }

// UnmarshalText sets f from a name that String returns, so that a Format
// can be a command-line flag (flag.TextVar) or a configuration value.
func (f *Format) UnmarshalText(text []byte) error {
	for i, name := range formatNames {
		if string(text) == name {
			*f = Format(i)
			return nil
		}
	}
	return fmt.Errorf("cefsyslog: unknown format %q (want auto, rfc5424, rfc3164 or cef)", text)
}

// DefaultMaxLen is the longest message a [Parser] reads in full when
// MaxLen is zero.
const DefaultMaxLen = 1 << 20

// ErrTooLong is the error of a message longer than [Parser.MaxLen].
var ErrTooLong = errors.New("message too long")

// Parser reads messages of any supported format into [Record] values. The
// zero value is ready: it detects the format of each message, reads
// timestamps without a year or offset as this year in UTC, and reads
// messages up to DefaultMaxLen bytes. A Parser is safe for concurrent use
// as long as its fields are not changed.
type Parser struct {
	// Format, when not Auto, reads every message in that format.
	Format Format
	// Year is the year of timestamps that carry none (RFC 3164 stamps),
	// used as it is. Zero means the current year, or the previous one when
	// the stamp would lie more than a month in the future.
	Year int
	// Location is the zone of timestamps that carry no offset. Nil means
	// UTC.
	Location *time.Location
	// MaxLen is the longest message read in full. A longer message is
	// read up to MaxLen bytes (a field that reaches the limit is cut
	// there, as Raw is) and its record carries ErrTooLong at offset
	// MaxLen. Zero means DefaultMaxLen.
	MaxLen int
	// Lenient accepts what real senders get wrong; see
	// [rfc5424.Options.Lenient].
	Lenient bool
	// Now is what a missing year is judged against. Zero means
	// time.Now().
	Now time.Time
	// Charset, when not nil, is the character set messages come in (see
	// [LookupCharset]); they are decoded to UTF-8 before they are read, and
	// the record's Raw is the decoded text. It must keep ASCII as ASCII
	// (Shift_JIS, EUC-JP, ISO-2022-JP, windows-1252, GB18030 do; UTF-16
	// does not). Bytes the charset cannot decode become U+FFFD; the record
	// then carries ErrCharset (unless it has another error) and keeps the
	// message's own bytes in Undecoded.
	Charset encoding.Encoding
}

// Parse reads one message with the zero Parser. See [Parser.Parse].
func Parse(msg []byte) (*Record, error) {
	var p Parser
	return p.Parse(msg)
}

// Parse reads one message, detecting its format unless p.Format says it.
// When the syslog message's MSG starts with "CEF:" after optional spaces,
// it is read as a CEF event too (see the cef package; its defaults apply:
// what the spec forbids but senders do is kept and flagged, not an error).
// The record is never nil: when the message cannot be read in full, it
// holds every field read before and after the problem, and Parse returns
// the same *[ParseError] that the record's Err holds. The record does not
// alias msg.
//
// Under Auto, a message that starts with "<PRI>VERSION " (PRI and VERSION of
// 1–3 digits each, VERSION without a leading zero, then a space) is RFC
// 5424, and errors after that point are RFC 5424 errors (no fallback to RFC
// 3164); a message that starts with "CEF:" is a bare CEF event; every other
// message is RFC 3164. That reads the BSD lines whose PRI a digit follows
// as BSD: RFC 3339 stamps (rsyslog's forward formats, Go's log/syslog,
// ESXi) and Cisco's "<189>237: *Jan  8 ...".
func (p *Parser) Parse(msg []byte) (*Record, error) {
	maxLen := p.MaxLen
	if maxLen <= 0 {
		maxLen = DefaultMaxLen
	}
	body := msg
	if len(body) > maxLen {
		body = body[:maxLen]
	}
	undecodable := -1
	var undecoded []byte
	if p.Charset != nil {
		decoded, bad, err := p.decode(body)
		if err != nil {
			bad = 0
		}
		if bad >= 0 {
			undecodable, undecoded = bad, body
		}
		body = decoded
	}
	f := p.Format
	if f == Auto {
		f = Detect(body)
	}
	rec := &Record{Format: f, Raw: string(body)}
	switch f {
	case RFC5424:
		m, err := rfc5424.Options{Lenient: p.Lenient, MaxLen: maxLen}.Parse(body)
		rec.Syslog = syslogFrom5424(m)
		if pe, ok := errors.AsType[*rfc5424.ParseError](err); ok {
			rec.Err = &ParseError{Format: f, Offset: pe.Offset, Reason: pe.Err.Error(), Err: err}
		} else if m.Msg != "" {
			// MSG runs to the end of the message, after any BOM.
			p.parseCEF(rec, m.Msg, len(body)-len(m.Msg))
		}
	case RFC3164:
		m, err := rfc3164.Options{Year: p.Year, Location: p.Location, Now: p.Now, MaxLen: maxLen}.Parse(body)
		rec.Syslog = syslogFrom3164(m)
		if pe, ok := errors.AsType[*rfc3164.ParseError](err); ok {
			rec.Err = &ParseError{Format: f, Offset: pe.Offset, Reason: pe.Err.Error(), Err: err}
		}
		if m.Msg != "" {
			p.parseCEF(rec, m.Msg, len(body)-len(m.Msg))
		}
	case CEF:
		p.parseCEF(rec, rec.Raw, 0)
	}
	if undecodable >= 0 {
		rec.Undecoded = string(undecoded)
		if rec.Err == nil {
			rec.Err = &ParseError{Format: f, Offset: undecodable, Reason: ErrCharset.Error(), Err: ErrCharset}
		}
	}
	if len(msg) > maxLen {
		// Too long wins over any error the cut message showed: the cut
		// itself may have caused it, and the record must say that Raw is
		// not the whole message.
		rec.Err = &ParseError{Format: f, Offset: maxLen,
			Reason: fmt.Sprintf("message longer than %d bytes", maxLen), Err: ErrTooLong}
	}
	if rec.Err != nil {
		return rec, rec.Err
	}
	return rec, nil
}

// parseCEF reads text, which starts at offset off of the message, as a CEF
// event when it starts with "CEF:" after optional spaces (or always, for a
// bare CEF record), and records its first error with offsets in the whole
// message.
func (p *Parser) parseCEF(rec *Record, text string, off int) {
	trimmed := strings.TrimLeft(text, " ")
	if rec.Format != CEF && !strings.HasPrefix(trimmed, "CEF:") {
		return
	}
	off += len(text) - len(trimmed)
	e, err := cef.Options{MaxLen: len(trimmed)}.Parse([]byte(trimmed))
	rec.CEF = e
	if ev := azurestack.Classify(e); ev != nil && ev.Product == azurestack.Hub {
		rec.AzureStack = ev
	}
	// The syslog grammar's error, read first, comes first.
	if pe, ok := errors.AsType[*cef.ParseError](err); ok && rec.Err == nil {
		rec.Err = &ParseError{Format: CEF, Offset: off + pe.Offset, Reason: pe.Err.Error(), Err: err}
	}
}

// Detect returns the format of msg by the rule [Parser.Parse] describes
// for Auto. It looks at the first few bytes only.
func Detect(msg []byte) Format {
	if len(msg) >= 4 && string(msg[:4]) == "CEF:" {
		return CEF
	}
	if len(msg) == 0 || msg[0] != '<' {
		return RFC3164
	}
	// "<" PRIVAL ">" VERSION SP, PRIVAL and VERSION 1–3 digits, VERSION
	// without a leading zero.
	i := 1
	for i < len(msg) && i <= 3 && isDigit(msg[i]) {
		i++
	}
	if i == 1 || i >= len(msg) || msg[i] != '>' {
		return RFC3164
	}
	i++
	v := i
	for i < len(msg) && i-v < 3 && isDigit(msg[i]) {
		i++
	}
	if i > v && msg[v] != '0' && i < len(msg) && msg[i] == ' ' {
		return RFC5424
	}
	return RFC3164
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func syslogFrom3164(m *rfc3164.Message) *Syslog {
	return &Syslog{
		Priority:  m.Priority,
		Timestamp: m.Timestamp,
		Hostname:  m.Hostname,
		AppName:   m.AppName,
		ProcID:    m.ProcID,
		Message:   m.Msg,
	}
}

func syslogFrom5424(m *rfc5424.Message) *Syslog {
	return &Syslog{
		Priority:       m.Priority,
		Version:        m.Version,
		Timestamp:      m.Timestamp,
		Hostname:       m.Hostname,
		AppName:        m.AppName,
		ProcID:         m.ProcID,
		MsgID:          m.MsgID,
		StructuredData: m.StructuredData,
		Message:        m.Msg,
	}
}

// ParseError reports why a message could not be read in full: the format
// whose grammar stopped, where in the whole message, and why.
type ParseError struct {
	Format Format // the grammar that stopped
	Offset int    // 0-based byte offset in the whole message
	Reason string // short lower-case text: the "reason" of the JSON output
	Err    error  // the format package's error, ErrTooLong or ErrCharset
}

// Error returns the format, offset and reason, as in
// "rfc5424 at offset 12: invalid timestamp".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s at offset %d: %s", e.Format, e.Offset, e.Reason)
}

// Unwrap returns e.Err. The format packages' errors unwrap in turn to their
// Err values, so errors.Is(err, rfc5424.ErrTimestamp) works on a record's
// error, and errors.As finds a *rfc5424.ParseError.
func (e *ParseError) Unwrap() error { return e.Err }
