package rfc3164

// This file holds the grammar. A line is read in one pass, left to right:
// an optional PRI, an optional Cisco prefix, a timestamp of one of the
// known forms, then the hostname and TAG told apart by their shapes, and
// the rest is MSG. Where a part is missing or does not fit, the rest of the
// line is the message, as RFC 3164 §4.3.3 says a relay must read it.

import (
	"time"

	"github.com/cefsyslog/cefsyslog/internal/ipaddr"
	"github.com/cefsyslog/cefsyslog/internal/stamp"
)

// DefaultMaxLen is the longest line accepted when [Options.MaxLen] is zero.
const DefaultMaxLen = 1 << 20

// maxTag bounds the name part of a TAG. RFC 3164 says 32 characters; real
// senders go past that (rsyslog keeps 32 only when forwarding), so the bound
// is looser and only keeps a long first word from being taken for a TAG.
const maxTag = 128

// maxHostname is the longest HOSTNAME, as in RFC 5424.
const maxHostname = 255

// Options configure a [Scanner] and [Options.Parse]. The zero value reads
// timestamps without a year as this year (see Year) in UTC.
type Options struct {
	// Year is the year of timestamps that carry none. Zero means the year
	// of Now, or the year before when the stamp would lie more than a
	// month after Now; a February 29 then takes the latest leap year not
	// after that. A non-zero Year is used as it is, even where it makes
	// February 29 an invalid date.
	Year int
	// Location is the zone of timestamps that carry no offset. Nil means
	// UTC.
	Location *time.Location
	// Now is what a missing year is judged against. Zero means time.Now().
	Now time.Time
	// MaxLen is the longest line accepted, in bytes; longer is
	// ErrTooLong. Zero means DefaultMaxLen.
	MaxLen int
}

func (o *Options) maxLen() int {
	if o.MaxLen > 0 {
		return o.MaxLen
	}
	return DefaultMaxLen
}

func (o *Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// Header holds the parts of a line before MSG, as views. Byte slices alias
// the line given to [Scanner.Reset] and are nil when the line has no such
// part.
type Header struct {
	Priority  int    // PRI 0–191; -1 when the line has none
	Sequence  []byte // the message counter of a Cisco line ("237" in "237: *Jan  8 ...")
	TimeMark  byte   // Cisco's '*' (clock not set) or '.' before the stamp; 0 when absent
	Timestamp []byte // the stamp as written; see [Scanner.Time] for its value
	Hostname  []byte
	Tag       []byte // the TAG without its colon: "su[123]"
	AppName   []byte // the TAG up to '[': "su"
	ProcID    []byte // between the TAG's brackets: "123"
}

// Facility returns Priority / 8, or -1 when there is no priority.
func (h *Header) Facility() int {
	if h.Priority < 0 {
		return -1
	}
	return h.Priority / 8
}

// Severity returns Priority % 8, or -1 when there is no priority.
func (h *Header) Severity() int {
	if h.Priority < 0 {
		return -1
	}
	return h.Priority % 8
}

// span locates bytes in the line; the zero span is absent.
type span struct{ off, end int }

// Scanner reads one BSD syslog line held in bytes the caller owns. The zero
// value is ready; [Scanner.Reset] reads a line and keeps Options.
//
// Each view it returns aliases the line, clipped to its own length, and
// stays valid as long as the caller leaves the bytes alone. The Scanner
// never modifies them. Reset and the accessors do not allocate, except to
// build an error; Time does not either once the offsets it meets are
// cached. Not safe for concurrent use.
type Scanner struct {
	Options

	rec      []byte
	pri      int
	seq      span
	mark     byte
	ts       span
	st       stamp.Time
	host     span
	tag      span
	app      span
	proc     span
	msg      span
	resolved bool // st.Year is set
	err      error
}

// Reset reads rec, a whole line without its newline. It returns an error,
// a *[ParseError], for a bad PRI, an impossible date or a line over
// MaxLen; the Scanner then holds what it read, and the rest of the line is
// the message. Every other line is valid: where no header can be read, the
// line is the message.
func (s *Scanner) Reset(rec []byte) error {
	s.rec = rec
	s.pri, s.mark = -1, 0
	s.seq, s.ts, s.host, s.tag, s.app, s.proc, s.msg = span{}, span{}, span{}, span{}, span{}, span{}, span{}
	s.resolved = false
	if s.err != nil {
		s.err = nil
	}
	if len(rec) > s.maxLen() {
		return s.fail(s.maxLen(), "SYSLOG-MSG", ErrTooLong)
	}
	i := 0
	if len(rec) > 0 && rec[0] == '<' {
		j, v := 1, 0
		for j < len(rec) && j <= 3 && isDigit(rec[j]) {
			v = v*10 + int(rec[j]-'0')
			j++
		}
		switch {
		case j == 1 || j == len(rec) || rec[j] != '>':
			s.msg = span{0, len(rec)}
			return s.fail(min(j, len(rec)), "PRI", ErrPriority)
		case v > 191:
			s.msg = span{0, len(rec)}
			return s.fail(1, "PRI", ErrPriority)
		}
		s.pri = v
		i = j + 1
	}
	return s.readHeader(i)
}

// fail records the error and returns it.
//
//go:noinline
func (s *Scanner) fail(off int, field string, err error) error {
	s.err = newError(s.rec, off, field, err)
	return s.err
}

// readHeader reads what follows PRI at rec[i].
func (s *Scanner) readHeader(i int) error {
	rec := s.rec
	start := i

	// Cisco: up to two counters "NNN: " (message number, sequence
	// number), then '*' or '.' before the stamp. They count only when a
	// stamp follows.
	var seq span
	for k := 0; k < 2; k++ {
		j := i
		for j < len(rec) && isDigit(rec[j]) {
			j++
		}
		if j == i || j+1 >= len(rec) || rec[j] != ':' || rec[j+1] != ' ' {
			break
		}
		if k == 0 {
			seq = span{i, j}
		}
		i = j + 2
	}
	var mark byte
	if i < len(rec) && (rec[i] == '*' || rec[i] == '.') {
		mark = rec[i]
		i++
	}

	n, kind := s.readStamp(rec[i:])
	if n == 0 {
		s.msg = s.rest(start)
		return nil
	}
	s.seq, s.mark = seq, mark
	s.ts = span{i, i + n}
	if kind == stampBSD && !s.st.HasYear && s.st.Day > 28 {
		// Only days past the 28th depend on the year; judge them now.
		s.resolveYear()
	}
	if !s.st.Valid() {
		s.ts = span{}
		s.msg = s.rest(i)
		return s.fail(i, "TIMESTAMP", ErrTimestamp)
	}
	i += n
	if i < len(rec) && rec[i] == ':' && (mark != 0 || seq.end != 0) {
		i++ // Cisco ends the stamp with a colon
	}
	if i == len(rec) {
		return nil
	}
	if rec[i] != ' ' {
		// Something glued to the stamp: not a stamp after all.
		s.ts, s.seq, s.mark = span{}, span{}, 0
		s.msg = s.rest(start)
		return nil
	}
	i = skipSpaces(rec, i)

	// HOSTNAME and TAG. A first word that ends in ':' or "[pid]:" is the
	// TAG and there is no hostname; otherwise, if it has a hostname's
	// shape, it is the hostname and the next word may be the TAG. A word
	// that starts with "CEF:" is never either: it starts the message.
	w, host := hostWord(rec, i)
	if rec[w-1] == ':' && s.readTag(i) {
		return nil
	}
	if !host {
		s.msg = s.rest(i)
		return nil
	}
	s.host = span{i, w}
	if w == len(rec) {
		return nil
	}
	i = skipSpaces(rec, w)
	if !s.readTag(i) {
		s.msg = s.rest(i)
	}
	return nil
}

// rest returns the span from i to the end, or the zero span when empty.
func (s *Scanner) rest(i int) span {
	if i >= len(s.rec) {
		return span{}
	}
	return span{i, len(s.rec)}
}

func skipSpaces(rec []byte, i int) int {
	for i < len(rec) && rec[i] == ' ' {
		i++
	}
	return i
}

// readTag reads a TAG at rec[i] when the word there has a TAG's shape,
// "name:" or "name[pid]:", and then the message after it, less the one
// space that follows the colon. It reads the word once, as far as it needs.
func (s *Scanner) readTag(i int) bool {
	rec := s.rec
	j := i
	for j < len(rec) && tagByte[rec[j]] {
		j++
	}
	if j == i || j-i > maxTag || j == len(rec) {
		return false
	}
	app, proc := span{i, j}, span{}
	if rec[j] == '[' {
		k := j + 1
		for k < len(rec) && tagByte[rec[k]] {
			k++
		}
		if k == j+1 || k+1 >= len(rec) || rec[k] != ']' {
			return false
		}
		proc = span{j + 1, k}
		j = k + 1
	}
	if rec[j] != ':' || j+1 < len(rec) && rec[j+1] != ' ' || isCEF(rec[i:]) {
		return false
	}
	s.tag, s.app, s.proc = span{i, j}, app, proc
	s.msg = s.rest(j + 2)
	return true
}

// isCEF reports whether b starts with "CEF:".
func isCEF(b []byte) bool {
	return len(b) >= 4 && b[0] == 'C' && b[1] == 'E' && b[2] == 'F' && b[3] == ':'
}

// tagByte marks the bytes of a TAG's name: printable ASCII without ':',
// '[' and ']'.
var tagByte = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = c != ':' && c != '[' && c != ']'
	}
	return t
}()

// tagName reports whether b can be a TAG's name.
func tagName(b []byte) bool {
	for _, c := range b {
		if !tagByte[c] {
			return false
		}
	}
	return len(b) > 0
}

// hostWord finds the end of the word at rec[i] and reports whether it has
// a hostname's shape, in one pass with one table lookup per byte.
func hostWord(rec []byte, i int) (int, bool) {
	start, shaped, colon := i, true, false
	for ; i < len(rec); i++ {
		switch hostClass[rec[i]] {
		case classHost:
			continue
		case classColon:
			colon = true
			continue
		case classOther:
			shaped = false
			continue
		}
		break // a space
	}
	switch {
	case !shaped || i == start || i-start > maxHostname:
		return i, false
	case colon:
		_, ok := ipaddr.ParseIPv6(rec[start:i])
		return i, ok
	}
	return i, !isCEF(rec[start:i])
}

// hostClass sorts bytes for hostWord; hostByte marks the bytes of a
// hostname (and of an IPv4 address).
var hostClass, hostByte = func() (t [256]uint8, h [256]bool) {
	for c := range t {
		t[c] = classOther
	}
	for _, c := range []byte("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") {
		t[c], h[c] = classHost, true
	}
	t[':'], t[' '] = classColon, classSpace
	return t, h
}()

const (
	classOther = iota
	classHost
	classColon
	classSpace
)

// isHostname reports whether b has a hostname's shape: letters, digits,
// '.', '-' and '_' (names and IPv4 addresses), or an IPv6 address.
func isHostname(b []byte) bool {
	if len(b) == 0 || len(b) > maxHostname || isCEF(b) {
		return false
	}
	colon := false
	for _, c := range b {
		switch {
		case hostByte[c]:
		case c == ':':
			colon = true
		default:
			return false
		}
	}
	if colon {
		_, ok := ipaddr.ParseIPv6(b)
		return ok
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Stamp forms.
const (
	stampNone = iota
	stampBSD
	stampRFC3339
	stampAzure
)

// readStamp reads a timestamp of any known form at the start of b into
// s.st and returns its length (0 for none) and form. The forms are told
// apart by their first bytes: a letter starts a BSD stamp; four digits and
// '-' an RFC 3339 one; four digits and ':' Azure Stack Hub's.
func (s *Scanner) readStamp(b []byte) (int, int) {
	if len(b) < 5 {
		return 0, stampNone
	}
	switch c := b[0] | 0x20; {
	case 'a' <= c && c <= 'z':
		if n, ok := stamp.ReadBSD(&s.st, b, stamp.WithZone); ok {
			return n, stampBSD
		}
	case isDigit(b[0]) && b[4] == '-':
		if n, ok := stamp.ReadRFC3339(&s.st, b, stamp.LowerCase|stamp.LongFraction|stamp.NoOffset); ok {
			return n, stampRFC3339
		}
	case isDigit(b[0]) && b[4] == ':':
		if n, ok := stamp.ReadAzureStack(&s.st, b); ok {
			return n, stampAzure
		}
	}
	return 0, stampNone
}

// resolveYear gives a stamp without a year its year, once.
func (s *Scanner) resolveYear() {
	if !s.resolved {
		stamp.ResolveYear(&s.st, s.Year, s.now(), s.Location)
		s.resolved = true
	}
}

// view returns the bytes sp locates, clipped, or nil for the zero span.
func (s *Scanner) view(sp span) []byte {
	if sp.end == 0 {
		return nil
	}
	return s.rec[sp.off:sp.end:sp.end]
}

// Header returns the parts read before MSG. Its slices alias the line.
func (s *Scanner) Header() Header {
	return Header{
		Priority:  s.pri,
		Sequence:  s.view(s.seq),
		TimeMark:  s.mark,
		Timestamp: s.view(s.ts),
		Hostname:  s.view(s.host),
		Tag:       s.view(s.tag),
		AppName:   s.view(s.app),
		ProcID:    s.view(s.proc),
	}
}

// Time returns the timestamp as a time.Time, or the zero Time when the
// line has none. A stamp without a year takes Options.Year (or the rule
// Year describes), and one without an offset takes Options.Location.
func (s *Scanner) Time() time.Time {
	if s.ts.end == 0 {
		return time.Time{}
	}
	s.resolveYear()
	return s.st.Time(s.Location)
}

// Message returns MSG, a view, or nil when the line has none.
func (s *Scanner) Message() []byte { return s.view(s.msg) }

// MessageOffset returns the offset in the line where MSG starts.
func (s *Scanner) MessageOffset() int { return s.msg.off }

// Err returns the error Reset met, a *[ParseError], or nil.
func (s *Scanner) Err() error { return s.err }
