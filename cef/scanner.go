package cef

// This file holds the grammar: Reset reads "CEF:", the version and the
// header fields; Next reads one extension pair per call. Every read is a
// view into the caller's bytes. Fields and values are delimited with
// bytes.IndexByte, which runs many bytes per instruction, rather than a
// loop over single bytes.

import (
	"bytes"
	"iter"
)

// Limits. Every size the input controls is bounded.
const (
	// DefaultMaxLen is the longest event accepted when [Options.MaxLen]
	// is zero.
	DefaultMaxLen = 1 << 20
	// DefaultMaxExtensions is the most extension pairs accepted when
	// [Options.MaxExtensions] is zero.
	DefaultMaxExtensions = 1024
)

// Options configure a [Scanner] and [Options.Parse]. The zero value reads
// leniently (see Strict) with the default limits.
type Options struct {
	// Strict turns every flag into an error and stops at the first error.
	// Without it, an unescaped '=' in a value, an unknown escape and an
	// overlong header field are kept and flagged (see [Flags]), a
	// malformed pair is reported and skipped, and an incomplete header
	// still yields the extensions after it.
	Strict bool
	// MaxLen is the longest event accepted, in bytes; longer is
	// ErrTooLong. Zero means DefaultMaxLen.
	MaxLen int
	// MaxExtensions is the most extension pairs accepted; more is
	// ErrTooManyExtensions. Zero means DefaultMaxExtensions.
	MaxExtensions int
}

func (o *Options) maxLen() int {
	if o.MaxLen > 0 {
		return o.MaxLen
	}
	return DefaultMaxLen
}

func (o *Options) maxExtensions() int {
	if o.MaxExtensions > 0 {
		return o.MaxExtensions
	}
	return DefaultMaxExtensions
}

// Flags mark what the spec forbids but a lenient reader keeps.
type Flags uint8

// Flags.
const (
	// FlagUnescapedEquals: a value holds an '=' without a backslash. The
	// '=' stays in the value; the pair after it is not lost. (URLs, LDAP
	// names and JSON often carry one.)
	FlagUnescapedEquals Flags = 1 << iota
	// FlagUnknownEscape: a backslash is followed by a byte that is not an
	// escape there, or ends the field. Both bytes stay as written.
	FlagUnknownEscape
	// FlagTooLong: a header field is longer than the spec's limit (Device
	// Vendor and Product 63, Device Version 31, Device Event Class ID 1023,
	// Name 512 characters).
	FlagTooLong
)

// String names the flags set, as "unescaped-equals|unknown-escape".
func (f Flags) String() string {
	var b []byte
	for _, x := range [...]struct {
		f    Flags
		name string
	}{{FlagUnescapedEquals, "unescaped-equals"}, {FlagUnknownEscape, "unknown-escape"}, {FlagTooLong, "too-long"}} {
		if f&x.f != 0 {
			if len(b) > 0 {
				b = append(b, '|')
			}
			b = append(b, x.name...)
		}
	}
	return string(b)
}

// Field names a header field.
type Field uint8

// Header fields, in order.
const (
	FieldVersion       Field = iota // Version, after "CEF:"
	FieldDeviceVendor               // Device Vendor
	FieldDeviceProduct              // Device Product
	FieldDeviceVersion              // Device Version
	FieldSignatureID                // Device Event Class ID
	FieldName                       // Name
	FieldSeverity                   // Severity
	numFields
)

// fieldInfo gives each header field's name as the spec writes it and its
// length limit.
var fieldInfo = [numFields]struct {
	name string
	max  int
}{
	{"Version", 0},
	{"Device Vendor", 63},
	{"Device Product", 63},
	{"Device Version", 31},
	{"Device Event Class ID", 1023},
	{"Name", 512},
	{"Severity", 0},
}

// String returns the field's name as the spec writes it: "Device Vendor".
func (f Field) String() string {
	if f < numFields {
		return fieldInfo[f].name
	}
	return "Field(?)"
}

// Header holds the header of an event as views. Byte slices alias the event
// given to [Scanner.Reset] and keep their escapes (\| and \\); use
// [Scanner.AppendField] to resolve them. A field not reached is nil.
type Header struct {
	Version       []byte // the version as written: "0", "1", "0.0"
	Major         int    // the major version: 0 for "CEF:0.0"; -1 when not read
	DeviceVendor  []byte
	DeviceProduct []byte
	DeviceVersion []byte
	SignatureID   []byte // Device Event Class ID
	Name          []byte
	Severity      []byte // exactly as sent
	Fields        int    // how many of the seven fields were read; 7 for a whole header
	Flags         Flags  // what the header fields were flagged with
}

// span locates bytes in the event; the zero span is absent, since no field
// can end at offset 0.
type span struct{ off, end int }

const (
	stateIdle = iota // zero value, or Reset failed
	stateExt         // reading extension pairs
	stateDone        // the extension is read, or a fatal error met
)

// Scanner reads one CEF event held in bytes the caller owns. The zero value
// is ready; [Scanner.Reset] starts an event and keeps Options.
//
// Each view it returns aliases the event, clipped to its own length, and
// stays valid as long as the caller leaves the bytes alone, across later
// calls too. The Scanner never modifies them. Use [Scanner.AppendValue] or
// [Parse] to keep data. Reset, Next and the accessors do not allocate,
// except to build an error. Not safe for concurrent use.
type Scanner struct {
	Options

	rec      []byte
	fields   [numFields]span
	nFields  int
	major    int
	hdrFlags Flags

	state      int
	pos        int  // where the next pair starts
	nextEq     int  // the '=' that ends the key at pos, when valueEnd found it; else 0
	key, value span // the current pair
	flags      Flags
	nExt       int
	errs       []*ParseError // every error met; kept across Resets for its capacity
}

// Reset starts reading rec: "CEF:", optional spaces, the version and the
// header fields. It returns an error, a *[ParseError], when rec is not a
// CEF event or its header is incomplete; [Scanner.Header] then holds what
// was read. Unless Strict, an incomplete header whose last field reads as
// extensions ("CEF:0|Vendor|Product|src=10.0.0.1 ...") leaves those to
// [Scanner.Next].
func (s *Scanner) Reset(rec []byte) error {
	s.rec = rec
	s.fields = [numFields]span{}
	s.nFields, s.major, s.hdrFlags = 0, -1, 0
	s.state, s.pos, s.nExt, s.nextEq = stateIdle, 0, 0, 0
	s.key, s.value, s.flags = span{}, span{}, 0
	if len(s.errs) > 0 {
		clear(s.errs)
		s.errs = s.errs[:0]
	}
	if len(rec) > s.maxLen() {
		return s.fatal(s.maxLen(), "Extension", nil, ErrTooLong)
	}
	if len(rec) < 4 || string(rec[:4]) != "CEF:" {
		return s.fatal(0, "Version", nil, ErrNotCEF)
	}

	// Version: optional spaces, digits, optionally "." and digits.
	i := 4
	for i < len(rec) && rec[i] == ' ' {
		i++
	}
	start := i
	major := 0
	for i < len(rec) && isDigit(rec[i]) && i-start < 9 {
		major = major*10 + int(rec[i]-'0')
		i++
	}
	if i == start {
		return s.fatal(i, "Version", nil, ErrVersion)
	}
	if i < len(rec) && rec[i] == '.' {
		j := i + 1
		for j < len(rec) && isDigit(rec[j]) {
			j++
		}
		if j == i+1 {
			return s.fatal(j, "Version", nil, ErrVersion)
		}
		i = j
	}
	if i == len(rec) {
		return s.fatal(i, "Version", nil, ErrIncompleteHeader)
	}
	if rec[i] != '|' {
		return s.fatal(i, "Version", nil, ErrVersion)
	}
	s.fields[FieldVersion] = span{start, i}
	s.major = major
	s.nFields = 1
	i++

	// Device Vendor to Severity, each ended by an unescaped '|'. Severity
	// may also end the event: a header without a trailing '|' has no
	// extension.
	for f := FieldDeviceVendor; f < numFields; f++ {
		end, found, flags := fieldEnd(rec, i)
		// A field no longer in bytes than the limit in characters is
		// within it: count characters only past that.
		if max := fieldInfo[f].max; max > 0 && end-i > max && runeCount(rec[i:end]) > max {
			flags |= FlagTooLong
		}
		if !found && f < FieldSeverity {
			// Fewer than seven fields. A last field that starts with
			// "key=" is the extension, cut loose from a short header.
			if !s.Strict && i < len(rec) && startsWithPair(rec[i:]) {
				s.addErr(i, f.String(), nil, ErrIncompleteHeader)
				s.pos = i
				s.state = stateExt
				return s.errs[0]
			}
			s.fields[f] = span{i, end}
			s.nFields++
			s.hdrFlags |= flags
			return s.fatal(end, f.String(), nil, ErrIncompleteHeader)
		}
		s.fields[f] = span{i, end}
		s.nFields++
		s.hdrFlags |= flags
		if flags != 0 && s.Strict {
			return s.strictFlag(flags, i, f.String(), nil)
		}
		i = end + 1
	}

	// The extension: leading spaces are not part of the first key.
	for i < len(rec) && rec[i] == ' ' {
		i++
	}
	s.pos = i
	s.state = stateExt
	return nil
}

// fieldEnd finds the '|' that ends the header field starting at rec[i]: the
// first one not escaped by an odd run of backslashes. It reports whether
// there was one (else the field runs to the end) and flags any backslash
// that does not escape '|' or '\'.
func fieldEnd(rec []byte, i int) (end int, found bool, flags Flags) {
	end, j := len(rec), i
	for {
		k := bytes.IndexByte(rec[j:], '|')
		if k < 0 {
			break
		}
		k += j
		if backslashesBefore(rec, i, k)%2 == 0 {
			end, found = k, true
			break
		}
		j = k + 1
	}
	if bytes.IndexByte(rec[i:end], '\\') >= 0 {
		flags = headerEscapeFlags(rec[i:end])
	}
	return end, found, flags
}

// backslashesBefore counts the backslashes right before rec[k], back to
// rec[floor].
func backslashesBefore(rec []byte, floor, k int) int {
	n := 0
	for k-n-1 >= floor && rec[k-n-1] == '\\' {
		n++
	}
	return n
}

// headerEscapeFlags flags a backslash in a header field that escapes
// neither '|' nor '\', or ends the field.
func headerEscapeFlags(f []byte) Flags {
	for j := 0; j < len(f); j++ {
		if f[j] == '\\' {
			if j+1 == len(f) || (f[j+1] != '|' && f[j+1] != '\\') {
				return FlagUnknownEscape
			}
			j++
		}
	}
	return 0
}

// runeCount counts UTF-8 characters, or bytes where they are not UTF-8:
// the spec's limits count characters.
func runeCount(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// keyByte marks the bytes of an extension key: letters, digits and the
// punctuation real senders put in keys (_ . , [ ] -): "ad.EventRecordID",
// "_cefVer", "ad.field[0]", "ad.Error_,Code", "Pan-OSConfigVersion".
var keyByte = func() (t [256]bool) {
	for _, c := range []byte("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.,[]-") {
		t[c] = true
	}
	return t
}()

// startsWithPair reports whether b starts with a key and '='.
func startsWithPair(b []byte) bool {
	n := 0
	for n < len(b) && keyByte[b[n]] {
		n++
	}
	return n > 0 && n < len(b) && b[n] == '='
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// Next advances to the next extension pair and reports whether there is
// one. A stretch that does not start with "key=" is reported (see
// [Scanner.Err]) and skipped to the next key, unless Strict. It returns
// false at the end of the event or after a fatal error.
func (s *Scanner) Next() bool {
	for s.state == stateExt {
		rec, i := s.rec, s.pos
		if i >= len(rec) {
			s.state = stateDone
			break
		}
		j := i
		if s.nextEq > i {
			// valueEnd has read this key backwards from its '='.
			j = s.nextEq
		} else {
			for j < len(rec) && keyByte[rec[j]] {
				j++
			}
		}
		s.nextEq = 0
		if j == i || j == len(rec) || rec[j] != '=' {
			s.addErr(i, "Extension", nil, ErrMalformedExtension)
			if s.Strict {
				s.state = stateDone
				break
			}
			_, s.pos, _, _ = s.valueEnd(i)
			continue
		}
		if s.nExt == s.maxExtensions() {
			s.fatal(i, "Extension", nil, ErrTooManyExtensions)
			break
		}
		end, next, flags, at := s.valueEnd(j + 1)
		s.key, s.value, s.flags = span{i, j}, span{j + 1, end}, flags
		s.pos = next
		s.nExt++
		if flags != 0 && s.Strict {
			s.strictFlag(flags, at, "Extension", rec[i:j])
			s.state = stateDone
			return false
		}
		return true
	}
	s.key, s.value, s.flags = span{}, span{}, 0
	return false
}

// valueEnd finds where the value starting at rec[v] ends: at the space
// before the next key, that is a run of key bytes after a space and
// followed by an unescaped '='; or at the end of the event, less trailing
// white space. Of several spaces before a key, all but the last belong to
// the value, as the spec says. It returns the value's end, where the next
// key starts (len(rec) at the end), the value's flags, and the offset of
// the first flagged byte.
func (s *Scanner) valueEnd(v int) (end, next int, flags Flags, at int) {
	rec := s.rec
	end, next = len(rec), len(rec)
	at = -1
	for q := v; ; {
		e := bytes.IndexByte(rec[q:], '=')
		if e < 0 {
			// The last value loses its trailing white space.
			for end > v && isSpace(rec[end-1]) {
				end--
			}
			break
		}
		e += q
		q = e + 1
		if backslashesBefore(rec, v, e)%2 == 1 {
			continue // "\=" is an escaped '='
		}
		t := e
		for t > v && keyByte[rec[t-1]] {
			t--
		}
		if t < e && t > v && rec[t-1] == ' ' {
			end, next = t-1, t
			s.nextEq = e
			break
		}
		if flags == 0 {
			at = e
		}
		flags |= FlagUnescapedEquals
	}
	if k := bytes.IndexByte(rec[v:end], '\\'); k >= 0 {
		if off := unknownEscape(rec[v+k : end]); off >= 0 {
			if flags == 0 || v+k+off < at {
				at = v + k + off
			}
			flags |= FlagUnknownEscape
		}
	}
	return end, next, flags, at
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// unknownEscape returns the offset in v of the first backslash that is not
// one of the extension escapes \= \\ \n \r, or -1.
func unknownEscape(v []byte) int {
	for j := 0; j < len(v); j++ {
		if v[j] == '\\' {
			if j+1 == len(v) {
				return j
			}
			switch v[j+1] {
			case '=', '\\', 'n', 'r':
				j++
			default:
				return j
			}
		}
	}
	return -1
}

// addErr records an error and keeps scanning.
//
//go:noinline
func (s *Scanner) addErr(off int, field string, key []byte, err error) {
	s.errs = append(s.errs, newError(s.rec, off, field, key, err))
}

// fatal records an error and stops the scan.
//
//go:noinline
func (s *Scanner) fatal(off int, field string, key []byte, err error) error {
	s.addErr(off, field, key, err)
	s.state = stateDone
	return s.errs[0]
}

// strictFlag turns the first of flags into an error, for strict mode.
func (s *Scanner) strictFlag(flags Flags, off int, field string, key []byte) error {
	var err error
	switch {
	case flags&FlagUnescapedEquals != 0:
		err = ErrUnescapedEquals
	case flags&FlagUnknownEscape != 0:
		err = ErrUnknownEscape
	default:
		err = ErrFieldTooLong
	}
	return s.fatal(off, field, key, err)
}

// view returns the bytes sp locates, clipped, or nil for the zero span.
func (s *Scanner) view(sp span) []byte {
	if sp.end == 0 {
		return nil
	}
	return s.rec[sp.off:sp.end:sp.end]
}

// Header returns the header fields read so far, as views.
func (s *Scanner) Header() Header {
	f := &s.fields
	return Header{
		Version:       s.view(f[FieldVersion]),
		Major:         s.major,
		DeviceVendor:  s.view(f[FieldDeviceVendor]),
		DeviceProduct: s.view(f[FieldDeviceProduct]),
		DeviceVersion: s.view(f[FieldDeviceVersion]),
		SignatureID:   s.view(f[FieldSignatureID]),
		Name:          s.view(f[FieldName]),
		Severity:      s.view(f[FieldSeverity]),
		Fields:        s.nFields,
		Flags:         s.hdrFlags,
	}
}

// RawField returns a header field as written, escapes included: a view.
// An empty field is an empty, non-nil slice; a field not read is nil.
func (s *Scanner) RawField(f Field) []byte {
	if f >= numFields {
		return nil
	}
	sp := s.fields[f]
	if sp.end == 0 && sp.off == 0 {
		return nil
	}
	return s.rec[sp.off:sp.end:sp.end]
}

// AppendField appends a header field to dst with its escapes \| and \\
// resolved (any other backslash stays as written) and returns the extended
// slice. It does not allocate when dst has room.
func (s *Scanner) AppendField(dst []byte, f Field) []byte {
	return appendHeaderUnescaped(dst, s.RawField(f))
}

// Next's pair.

// RawKey returns the current pair's key, a view.
func (s *Scanner) RawKey() []byte { return s.view(s.key) }

// RawValue returns the current pair's value as written, escapes included
// (\= \\ \n \r), a view. An empty value is an empty, non-nil slice.
func (s *Scanner) RawValue() []byte {
	if s.key.end == 0 {
		return nil
	}
	return s.rec[s.value.off:s.value.end:s.value.end]
}

// AppendValue appends the current pair's value to dst with its escapes
// resolved: \= to '=', \\ to '\', \n to a newline, \r to a carriage return;
// any other backslash stays as written. It does not allocate when dst has
// room.
func (s *Scanner) AppendValue(dst []byte) []byte {
	return appendValueUnescaped(dst, s.RawValue())
}

// Flags returns what the current pair's value was flagged with.
func (s *Scanner) Flags() Flags { return s.flags }

// Offset returns the offset in the event where the current key starts.
func (s *Scanner) Offset() int { return s.key.off }

// ValueOffset returns the offset in the event where the current value
// starts.
func (s *Scanner) ValueOffset() int { return s.value.off }

// All returns an iterator over the remaining pairs' keys and raw values,
// built on [Scanner.Next]. It is single-use; check [Scanner.Err] after the
// loop.
func (s *Scanner) All() iter.Seq2[[]byte, []byte] {
	return func(yield func([]byte, []byte) bool) {
		for s.Next() {
			if !yield(s.RawKey(), s.RawValue()) {
				return
			}
		}
	}
}

// Err returns the first error met so far, a *[ParseError], or nil. The scan
// goes on after errors in the extension (unless Strict), so Err is the
// verdict on the whole event once Next has returned false; [Scanner.Errors]
// lists every error.
func (s *Scanner) Err() error {
	if len(s.errs) == 0 {
		return nil
	}
	return s.errs[0]
}

// Errors returns every error met so far, in the order met. The slice is the
// Scanner's and is valid until the next Reset.
func (s *Scanner) Errors() []*ParseError { return s.errs }

// appendHeaderUnescaped resolves the header escapes \| and \\.
func appendHeaderUnescaped(dst, v []byte) []byte {
	for {
		i := bytes.IndexByte(v, '\\')
		if i < 0 || i+1 == len(v) {
			return append(dst, v...)
		}
		if c := v[i+1]; c == '|' || c == '\\' {
			dst = append(dst, v[:i]...)
			dst = append(dst, c)
		} else {
			dst = append(dst, v[:i+2]...)
		}
		v = v[i+2:]
	}
}

// appendValueUnescaped resolves the extension escapes \= \\ \n \r.
func appendValueUnescaped(dst, v []byte) []byte {
	for {
		i := bytes.IndexByte(v, '\\')
		if i < 0 || i+1 == len(v) {
			return append(dst, v...)
		}
		switch c := v[i+1]; c {
		case '=', '\\':
			dst = append(dst, v[:i]...)
			dst = append(dst, c)
		case 'n':
			dst = append(dst, v[:i]...)
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, v[:i]...)
			dst = append(dst, '\r')
		default:
			dst = append(dst, v[:i+2]...)
		}
		v = v[i+2:]
	}
}
