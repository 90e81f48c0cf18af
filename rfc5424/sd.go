package rfc5424

// This file walks STRUCTURED-DATA (§6.3) and reads MSG (§6.4) after it.
// Names and values are short: one table lookup per byte reads them faster
// than word-at-a-time tests would.

import (
	"bytes"
	"iter"
	"slices"
	"unicode/utf8"
)

// NextElement advances to the next SD element and reports whether there is
// one. It skips any params of the current element not yet read. When it
// returns false the structured data has been read to its end, MSG too, or
// an error stopped the scan: see [Scanner.Err].
func (s *Scanner) NextElement() bool {
	if s.cur.state == stateElement {
		for s.NextParam() {
		}
	}
	rec, i := s.rec, s.cur.pos
	switch s.cur.state {
	case stateSD:
		if i == len(rec) {
			// Only lenient mode gets here: no STRUCTURED-DATA at all.
			s.cur.state = stateDone
			return false
		}
		switch rec[i] {
		case '-':
			s.readMsg(i+1, false)
			return false
		case '[':
		default:
			s.fail(i, "STRUCTURED-DATA", ErrStructuredData)
			return false
		}
	case stateBetween:
		if i == len(rec) || rec[i] != '[' {
			s.readMsg(i, true)
			return false
		}
	default:
		return false
	}

	// "[" SD-ID, then a space or ']'.
	if s.cur.nIDs == MaxElements {
		s.fail(i, "SD-ELEMENT", ErrTooManyElements)
		return false
	}
	start := i + 1
	j := nameEnd(rec, start)
	if j-start > 32 || j == start || j == len(rec) || (rec[j] != ' ' && rec[j] != ']') {
		s.nameError(start, j, "SD-ID", ErrElementID)
		return false
	}
	id := rec[start:j:j]
	if !s.Lenient {
		for _, sp := range s.ids[:s.cur.nIDs] {
			if bytes.Equal(rec[sp.off:sp.end], id) {
				s.fail(start, "SD-ID", ErrDuplicateElement)
				return false
			}
		}
	}
	s.ids[s.cur.nIDs] = idSpan{int32(start), int32(j)}
	s.cur.nIDs++
	s.cur.id = span{start, j}
	s.cur.name, s.cur.value = span{}, span{}
	s.cur.pos = j
	s.cur.state = stateElement
	return true
}

// nameByte marks the bytes of an SD-NAME: PRINTUSASCII except '=', ']' and
// '"'. valueByte marks the bytes a PARAM-VALUE reader must look at: '"',
// '\', ']', and every byte of 0x80 or more (for the UTF-8 check). Names and
// values are short, where a table lookup per byte beats word-at-a-time
// tests, whose constants cost more than the bytes.
var nameByte, valueByte [256]bool

func init() {
	for c := '!'; c <= '~'; c++ {
		nameByte[c] = c != '=' && c != ']' && c != '"'
	}
	valueByte['"'], valueByte['\\'], valueByte[']'] = true, true, true
	for c := utf8.RuneSelf; c < 256; c++ {
		valueByte[c] = true
	}
}

// nameEnd returns the index of the first byte at or after rec[start] that
// may not be in an SD-NAME, looking at 33 bytes at most: one more than a
// name may have.
func nameEnd(rec []byte, start int) int {
	b := rec[start:min(len(rec), start+33)]
	n := 0
	// Four bytes a step: names are short, and the loop's own test and
	// branch cost as much as the lookups.
	for n+4 <= len(b) && nameByte[b[n]] && nameByte[b[n+1]] && nameByte[b[n+2]] && nameByte[b[n+3]] {
		n += 4
	}
	for n < len(b) && nameByte[b[n]] {
		n++
	}
	return start + n
}

// nameError reports why the SD-NAME at rec[start:j] cannot be used: too
// long, empty, cut off, or ended by a byte the grammar does not allow there.
//
//go:noinline
func (s *Scanner) nameError(start, j int, field string, bad error) {
	switch {
	case j-start > 32:
		s.fail(start+32, field, bad)
	case j == len(s.rec):
		s.fail(j, field, ErrUnexpectedEnd)
	default:
		s.fail(j, field, bad)
	}
}

// NextParam advances to the next SD-PARAM of the current element and
// reports whether there is one. It returns false at the element's end, or
// when an error stopped the scan (see [Scanner.Err]).
func (s *Scanner) NextParam() bool {
	if s.cur.state != stateElement {
		return false
	}
	rec, i := s.rec, s.cur.pos
	if i == len(rec) || rec[i] != ' ' {
		if i < len(rec) && rec[i] == ']' {
			s.cur.pos = i + 1
			s.cur.state = stateBetween
			s.cur.name, s.cur.value = span{}, span{}
		} else if i == len(rec) {
			s.fail(i, "SD-ELEMENT", ErrUnexpectedEnd)
		} else {
			s.fail(i, "SD-ELEMENT", ErrStructuredData)
		}
		return false
	}
	if s.cur.nParams == s.maxParams() {
		s.fail(i+1, "SD-PARAM", ErrTooManyParams)
		return false
	}

	// PARAM-NAME "=" %d34
	start := i + 1
	j := nameEnd(rec, start)
	if j-start > 32 || j == start || j == len(rec) || rec[j] != '=' {
		s.nameError(start, j, "PARAM-NAME", ErrParamName)
		return false
	}
	if j+1 == len(rec) || rec[j+1] != '"' {
		if j+1 == len(rec) {
			s.fail(j+1, "PARAM-VALUE", ErrUnexpectedEnd)
		} else {
			s.fail(j+1, "PARAM-VALUE", ErrParamValue)
		}
		return false
	}

	// PARAM-VALUE %d34. A backslash always takes the next byte with it:
	// for '"', '\' and ']' that is the escape of §6.3.3, and for any
	// other byte the pair is kept as written, which the RFC also requires.
	vstart := j + 2
	k := vstart
	utf, esc := false, false
value:
	for k < len(rec) {
		c := rec[k]
		if !valueByte[c] {
			k++
			continue
		}
		switch c {
		case '"':
			break value
		case '\\':
			esc = true
			// The escaped byte is part of the value too: a non-ASCII
			// one needs the UTF-8 check.
			if k+1 < len(rec) && rec[k+1] >= utf8.RuneSelf {
				utf = true
			}
			k += 2
		case ']':
			if !s.Lenient {
				s.fail(k, "PARAM-VALUE", ErrParamValue)
				return false
			}
			k++
		default:
			utf = true
			k++
		}
	}
	if k >= len(rec) {
		s.fail(len(rec), "PARAM-VALUE", ErrUnexpectedEnd)
		return false
	}
	if utf && !s.Lenient {
		if bad := invalidUTF8(rec[vstart:k]); bad >= 0 {
			s.fail(vstart+bad, "PARAM-VALUE", ErrParamValue)
			return false
		}
	}
	s.cur.name, s.cur.value = span{start, j}, span{vstart, k}
	s.cur.pos = k + 1
	s.cur.escaped = esc
	s.cur.nParams++
	return true
}

// invalidUTF8 returns the offset of the first byte in b that does not start
// a valid UTF-8 sequence, or -1 when b is valid.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// readMsg reads what follows STRUCTURED-DATA at rec[i]: nothing, or SP MSG.
// afterElement says the SD ended with ']' (where lenient mode accepts MSG
// without the space) rather than NILVALUE.
func (s *Scanner) readMsg(i int, afterElement bool) {
	rec := s.rec
	s.cur.state = stateDone
	s.cur.id, s.cur.name, s.cur.value = span{}, span{}, span{}
	if i == len(rec) {
		return
	}
	if rec[i] == ' ' {
		i++
	} else if !afterElement || !s.Lenient {
		s.fail(i, "STRUCTURED-DATA", ErrStructuredData)
		return
	}
	m := rec[i:len(rec):len(rec)]
	if bytes.HasPrefix(m, bom) {
		i += len(bom)
		m = m[len(bom):]
		if !s.Lenient {
			if bad := invalidUTF8(m); bad >= 0 {
				s.fail(i+bad, "MSG", ErrMsgUTF8)
				return
			}
		}
	}
	if i < len(rec) {
		s.cur.msg = span{i, len(rec)}
	}
}

// bom is the UTF-8 byte order mark that marks a UTF-8 MSG (§6.4).
var bom = []byte{0xEF, 0xBB, 0xBF}

// ElementID returns the SD-ID of the current element, a view into the
// message, or nil before the first element and after the last.
func (s *Scanner) ElementID() []byte { return s.view(s.cur.id) }

// ElementOffset returns the offset in the message of the current element's
// SD-ID.
func (s *Scanner) ElementOffset() int { return s.cur.id.off }

// ParamName returns the PARAM-NAME of the current param, a view into the
// message.
func (s *Scanner) ParamName() []byte { return s.view(s.cur.name) }

// ParamOffset returns the offset in the message of the current param's
// PARAM-NAME.
func (s *Scanner) ParamOffset() int { return s.cur.name.off }

// RawParamValue returns the PARAM-VALUE of the current param as written,
// escapes included, without the quotes. It is a view into the message.
func (s *Scanner) RawParamValue() []byte { return s.view(s.cur.value) }

// AppendParamValue appends the current param's value to dst with the
// escapes \" \\ and \] resolved (any other backslash stays, per §6.3.3) and
// returns the extended slice. It does not allocate when dst has room.
func (s *Scanner) AppendParamValue(dst []byte) []byte {
	return appendUnescaped(dst, s.view(s.cur.value))
}

// Elements returns an iterator over the SD-IDs of the remaining elements,
// built on [Scanner.NextElement]. Within the loop, [Scanner.Params] walks
// the current element's params. The iterator is single-use; check
// [Scanner.Err] after the loop.
func (s *Scanner) Elements() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		for s.NextElement() {
			if !yield(s.ElementID()) {
				return
			}
		}
	}
}

// Params returns an iterator over the names and raw values of the current
// element's remaining params, built on [Scanner.NextParam]. Values keep
// their escapes; use [Scanner.AppendParamValue] inside the loop to resolve
// them. The iterator is single-use.
func (s *Scanner) Params() iter.Seq2[[]byte, []byte] {
	return func(yield func([]byte, []byte) bool) {
		for s.NextParam() {
			if !yield(s.ParamName(), s.RawParamValue()) {
				return
			}
		}
	}
}

// appendUnescaped appends v with its PARAM-VALUE escapes resolved.
func appendUnescaped(dst, v []byte) []byte {
	dst = slices.Grow(dst, len(v))
	n := unescape(dst[len(dst):len(dst)+len(v)], v)
	return dst[:len(dst)+n]
}

// unescape writes v into out, which has room for all of it, with its
// PARAM-VALUE escapes resolved, and returns how many bytes it wrote. out
// may be v itself: each byte is written at or behind where it is read.
func unescape(out, v []byte) int {
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) {
			switch v[i+1] {
			case '"', '\\', ']':
			default:
				// Not an escape: the pair stays as written.
				out[n] = c
				n++
			}
			i++
			c = v[i]
		}
		out[n] = c
		n++
	}
	return n
}
