package rfc5424

// This file holds the whole grammar. Reset reads the HEADER (PRI to MSGID);
// NextElement and NextParam walk STRUCTURED-DATA one piece per call; the
// walk ends by reading MSG. Every read is a view into the caller's bytes.

import (
	"math"
	"time"

	"github.com/cefsyslog/cefsyslog/internal/ascii"
	"github.com/cefsyslog/cefsyslog/internal/stamp"
)

// Limits. Every size the input controls is bounded.
const (
	// DefaultMaxLen is the longest message accepted when [Options.MaxLen]
	// is zero.
	DefaultMaxLen = 1 << 20
	// DefaultMaxParams is the most SD params per message accepted when
	// [Options.MaxParams] is zero.
	DefaultMaxParams = 1024
	// MaxElements is the most SD elements one message may have. The
	// Scanner keeps their SD-IDs inline to catch repeats without
	// allocating, so this limit is fixed.
	MaxElements = 64
)

// Options configure a [Scanner] and [Options.Parse]. The zero value is
// strict RFC 5424 with the default limits.
type Options struct {
	// Lenient accepts what real senders get wrong, each of which strict
	// mode reports as an error:
	//   - more than six TIME-SECFRAC digits (nanoseconds are kept, later
	//     digits dropped);
	//   - a lower-case 't' or 'z' in TIMESTAMP;
	//   - a message that ends after MSGID, or after MSGID and a space,
	//     without STRUCTURED-DATA (no SD, no MSG);
	//   - no space between the last SD element's ']' and MSG;
	//   - an SD-ID repeated in one message;
	//   - an unescaped ']' or bytes that are not UTF-8 in a PARAM-VALUE;
	//   - bytes that are not UTF-8 after a BOM in MSG.
	Lenient bool
	// MaxLen is the longest message accepted, in bytes; longer is
	// ErrTooLong. Zero means DefaultMaxLen; values over 2 GiB mean 2 GiB.
	MaxLen int
	// MaxParams is the most SD params accepted in one message; more is
	// ErrTooManyParams. Zero means DefaultMaxParams.
	MaxParams int
}

func (o *Options) maxLen() int {
	if o.MaxLen > 0 {
		return min(o.MaxLen, math.MaxInt32)
	}
	return DefaultMaxLen
}

func (o *Options) maxParams() int {
	if o.MaxParams > 0 {
		return o.MaxParams
	}
	return DefaultMaxParams
}

// Header holds the HEADER fields of a message as views. Byte slices alias
// the message given to [Scanner.Reset] and are nil for NILVALUE ("-") or
// when an error stopped reading before the field.
type Header struct {
	Priority  int    // PRIVAL 0–191; -1 when not read
	Version   int    // VERSION 1–999; 0 when not read
	Timestamp []byte // TIMESTAMP as written; see [Scanner.Time] for its value
	Hostname  []byte // HOSTNAME, at most 255 bytes
	AppName   []byte // APP-NAME, at most 48 bytes
	ProcID    []byte // PROCID, at most 128 bytes
	MsgID     []byte // MSGID, at most 32 bytes
}

// Facility returns Priority / 8, or -1 when there is no priority.
func (h *Header) Facility() int { return facility(h.Priority) }

// Severity returns Priority % 8, or -1 when there is no priority.
func (h *Header) Severity() int { return severity(h.Priority) }

func facility(p int) int {
	if p < 0 {
		return -1
	}
	return p / 8
}

func severity(p int) int {
	if p < 0 {
		return -1
	}
	return p % 8
}

// Scanner states, in the order a message is read.
const (
	stateIdle    = iota // zero value, or Reset failed in the header
	stateSD             // at STRUCTURED-DATA
	stateElement        // inside an SD element, after its SD-ID or a param
	stateBetween        // after an SD element's ']'
	stateDone           // MSG read, or an error met
)

// span locates bytes in the message. The zero span means "absent": no
// field of a message can end at offset 0, since PRI comes first.
type span struct{ off, end int }

// idSpan locates an SD-ID in the 64-entry table of SD-IDs seen; 32-bit
// offsets halve the table that Parse zeroes on every call. Messages longer
// than 2 GiB cannot be read (MaxLen is capped below that).
type idSpan struct{ off, end int32 }

// Header field indexes into cursor.fields.
const (
	fieldTimestamp = iota
	fieldHostname
	fieldAppName
	fieldProcID
	fieldMsgID
)

// cursor is the per-message state, cleared in one store by Reset. It holds
// positions rather than slices: storing a slice is a pointer store, which
// costs a write-barrier check, and Reset would pay for nine of them.
type cursor struct {
	pri, version int
	fields       [5]span // TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID
	pos          int     // next byte to read
	state        int
	id           span // SD-ID of the current element
	name, value  span // PARAM-NAME and raw PARAM-VALUE of the current param
	msg          span
	nParams      int
	nIDs         int
	escaped      bool // the current param's value has a backslash
}

// Scanner reads one RFC 5424 message held in bytes the caller owns. The
// zero value is ready; [Scanner.Reset] starts a message and keeps Options.
//
// After Reset, walk the structured data with [Scanner.NextElement] and
// [Scanner.NextParam] (or [Scanner.Elements] and [Scanner.Params]), then
// call [Scanner.Message] and [Scanner.Err]. Message finishes any part of
// the walk the caller skipped, so it may be called right after Reset.
//
// Every []byte the Scanner returns aliases the message, is clipped to its
// own length (appending to it cannot overwrite the message), and stays valid
// as long as the caller leaves the message's bytes alone, across later calls
// too. The Scanner never modifies them. Use [Scanner.AppendParamValue] or
// [Parse] to keep data. Reset and every method after it do not allocate,
// except to build an error. A Scanner is not safe for concurrent use.
type Scanner struct {
	Options

	rec []byte
	cur cursor
	ts  stamp.Time          // TIMESTAMP taken apart; valid when cur.fields has it
	ids [MaxElements]idSpan // SD-IDs seen, to catch repeats
	err error
}

// Reset starts reading rec and reads its HEADER: PRI, VERSION, TIMESTAMP,
// HOSTNAME, APP-NAME, PROCID and MSGID (RFC 5424 §6.2). It returns the
// first error in the header, a *[ParseError]; [Scanner.Header] then holds
// the fields read before it.
func (s *Scanner) Reset(rec []byte) error {
	s.rec = rec
	s.cur = cursor{pri: -1}
	if s.err != nil {
		s.err = nil
	}
	if len(rec) > s.maxLen() {
		return s.fail(s.maxLen(), "SYSLOG-MSG", ErrTooLong)
	}
	if err := s.readHeader(); err != nil {
		return err
	}
	s.cur.state = stateSD
	return nil
}

// fail records the first error and stops the scan. It is kept out of line
// so that the many error exits do not bloat the hot paths that call it.
//
//go:noinline
func (s *Scanner) fail(off int, field string, err error) error {
	s.err = newError(s.rec, off, field, err)
	s.cur.state = stateDone
	s.cur.id, s.cur.name, s.cur.value = span{}, span{}, span{}
	return s.err
}

// view returns the bytes sp locates, clipped, or nil for the zero span.
func (s *Scanner) view(sp span) []byte {
	if sp.end == 0 {
		return nil
	}
	return s.rec[sp.off:sp.end:sp.end]
}

// readHeader reads PRI to MSGID and the space after it, leaving s.pos at
// STRUCTURED-DATA.
func (s *Scanner) readHeader() error {
	rec := s.rec

	// PRI: "<" 1*3DIGIT ">", 0–191, no leading zero (§6.2.1).
	if len(rec) == 0 {
		return s.fail(0, "PRI", ErrUnexpectedEnd)
	}
	if rec[0] != '<' {
		return s.fail(0, "PRI", ErrPriority)
	}
	i, v := 1, 0
	for i < len(rec) && i <= 3 && isDigit(rec[i]) {
		v = v*10 + int(rec[i]-'0')
		i++
	}
	switch {
	case i == len(rec):
		return s.fail(i, "PRI", ErrUnexpectedEnd)
	case i == 1, rec[i] != '>':
		return s.fail(i, "PRI", ErrPriority)
	case i > 2 && rec[1] == '0', v > 191:
		return s.fail(1, "PRI", ErrPriority)
	}
	s.cur.pri = v
	i++

	// VERSION: NONZERO-DIGIT 0*2DIGIT (§6.2.2).
	start := i
	v = 0
	for i < len(rec) && i-start < 3 && isDigit(rec[i]) {
		v = v*10 + int(rec[i]-'0')
		i++
	}
	switch {
	case i == len(rec):
		return s.fail(i, "VERSION", ErrUnexpectedEnd)
	case i == start, rec[start] == '0':
		return s.fail(start, "VERSION", ErrVersion)
	case rec[i] != ' ':
		return s.fail(i, "VERSION", ErrVersion)
	}
	s.cur.version = v
	i++

	// TIMESTAMP: NILVALUE or the RFC 3339 profile of §6.2.3.
	if i == len(rec) {
		return s.fail(i, "TIMESTAMP", ErrUnexpectedEnd)
	}
	if rec[i] == '-' && (i+1 == len(rec) || rec[i+1] == ' ') {
		i++
	} else {
		var f stamp.Flags
		if s.Lenient {
			f = stamp.LowerCase | stamp.LongFraction
		}
		n, ok := stamp.ReadRFC3339(&s.ts, rec[i:], f)
		if !ok {
			if i+n == len(rec) {
				return s.fail(i+n, "TIMESTAMP", ErrUnexpectedEnd)
			}
			return s.fail(i+n, "TIMESTAMP", ErrTimestamp)
		}
		s.cur.fields[fieldTimestamp] = span{i, i + n}
		i += n
	}
	if i == len(rec) {
		return s.fail(i, "HOSTNAME", ErrUnexpectedEnd)
	}
	if rec[i] != ' ' {
		return s.fail(i, "TIMESTAMP", ErrTimestamp)
	}
	i++

	return s.readFields(i)
}

// headerFields describes HOSTNAME, APP-NAME, PROCID and MSGID (§6.2.4 to
// §6.2.7), which follow TIMESTAMP in this order.
var headerFields = [4]struct {
	name string
	max  int
	err  error
}{
	{"HOSTNAME", 255, ErrHostname},
	{"APP-NAME", 48, ErrAppName},
	{"PROCID", 128, ErrProcID},
	{"MSGID", 32, ErrMsgID},
}

// readFields reads the four PRINTUSASCII fields after TIMESTAMP, each
// followed by a space, and leaves s.pos at STRUCTURED-DATA. It makes no
// call on the success path: a call here costs more than a field's bytes.
func (s *Scanner) readFields(i int) error {
	rec := s.rec
	for f := range len(headerFields) {
		if i == len(rec) {
			return s.fail(i, headerFields[f].name, ErrUnexpectedEnd)
		}
		start := i
		if rec[i] == '-' && i+1 < len(rec) && rec[i+1] == ' ' {
			i += 2 // NILVALUE
			continue
		}
		// Look one byte past the limit at most, so that an overlong
		// field costs no more than a valid one; eight bytes at a time.
		lim := min(len(rec), start+headerFields[f].max+1)
	run:
		for ; i+8 <= lim; i += 8 {
			if m := ascii.PrintMask(ascii.Load(rec, i)); m != 0 {
				i += ascii.First(m)
				break run
			}
		}
		for i < lim && '!' <= rec[i] && rec[i] <= '~' {
			i++
		}
		switch {
		case i-start > headerFields[f].max:
			return s.fail(start+headerFields[f].max, headerFields[f].name, headerFields[f].err)
		case i == start, i < len(rec) && rec[i] != ' ':
			return s.fail(i, headerFields[f].name, headerFields[f].err)
		}
		if i-start != 1 || rec[start] != '-' {
			s.cur.fields[fieldHostname+f] = span{start, i}
		}
		if i == len(rec) {
			if f < 3 {
				return s.fail(i, headerFields[f+1].name, ErrUnexpectedEnd)
			}
			break // lenient: a message may end after MSGID
		}
		i++
	}
	// Lenient mode accepts a message that ends after MSGID, with or
	// without the space: it has neither SD nor MSG.
	if i == len(rec) && !s.Lenient {
		return s.fail(i, "STRUCTURED-DATA", ErrUnexpectedEnd)
	}
	s.cur.pos = i
	return nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Header returns the HEADER fields read so far. Its slices alias the
// message given to Reset.
func (s *Scanner) Header() Header {
	f := &s.cur.fields
	return Header{
		Priority:  s.cur.pri,
		Version:   s.cur.version,
		Timestamp: s.view(f[fieldTimestamp]),
		Hostname:  s.view(f[fieldHostname]),
		AppName:   s.view(f[fieldAppName]),
		ProcID:    s.view(f[fieldProcID]),
		MsgID:     s.view(f[fieldMsgID]),
	}
}

// Time returns TIMESTAMP as a time.Time in the offset the message gave, or
// the zero Time for NILVALUE or when TIMESTAMP was not read. Offsets that
// are not whole hours share one cached Location each, so Time does not
// allocate after the first message with a given offset.
func (s *Scanner) Time() time.Time {
	if s.cur.fields[fieldTimestamp].end == 0 {
		return time.Time{}
	}
	return s.ts.Time(nil)
}

// Message reads the rest of the structured data if the caller has not, and
// returns MSG without its BOM, a view into the message. It returns nil when
// the message has no MSG, an empty one, or an error stopped the scan before
// it: check [Scanner.Err].
func (s *Scanner) Message() []byte {
	for s.NextElement() {
	}
	return s.view(s.cur.msg)
}

// MessageOffset returns the offset in the message where MSG's text starts,
// after the BOM if there is one. It is meaningful once [Scanner.Message]
// has returned a message.
func (s *Scanner) MessageOffset() int { return s.cur.msg.off }

// Err returns the first error met, a *[ParseError], or nil. The verdict on
// the whole message is complete once [Scanner.Message] has been called or
// [Scanner.NextElement] has returned false.
func (s *Scanner) Err() error { return s.err }
