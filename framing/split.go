package framing

import (
	"bytes"
	"errors"
	"fmt"
)

// Mode is how a stream delimits its messages.
type Mode uint8

// Modes.
const (
	// Auto decides per stream, from its first byte (separators skipped):
	// a digit 1–9 means octet counting, anything else non-transparent
	// framing (RFC 6587 §3.4).
	Auto Mode = iota
	// OctetCounting is "MSG-LEN SP SYSLOG-MSG" (RFC 6587 §3.4.1), the
	// framing RFC 5425 requires over TLS.
	OctetCounting
	// NonTransparent is "SYSLOG-MSG TRAILER" (RFC 6587 §3.4.2), the
	// trailer being LF (with an optional CR before it) or NUL.
	NonTransparent
)

var modeNames = [...]string{Auto: "auto", OctetCounting: "octet-counting", NonTransparent: "non-transparent"}

// String returns "auto", "octet-counting" or "non-transparent".
func (m Mode) String() string {
	if int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", uint8(m))
}

// MarshalText returns the mode's name.
func (m Mode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads a mode's name; "lines" is NonTransparent with LF
// trailers, as a log file has them.
func (m *Mode) UnmarshalText(text []byte) error {
	switch string(text) {
	case "auto":
		*m = Auto
	case "octet-counting":
		*m = OctetCounting
	case "non-transparent", "lines":
		*m = NonTransparent
	default:
		return fmt.Errorf("framing: unknown mode %q", text)
	}
	return nil
}

// Trailer is the set of bytes that end a non-transparent frame.
type Trailer uint8

// Trailers. RFC 6587 §3.4.2 names LF and leaves others to applications;
// LF is the most common, NUL the next (NetScreen), CRLF in use too.
const (
	// TrailerLF ends a frame at LF; a CR just before it is dropped, so
	// CRLF works too.
	TrailerLF Trailer = 1 << iota
	// TrailerNUL ends a frame at a NUL byte.
	TrailerNUL
)

// DefaultTrailer is what a zero Trailer means: LF (and CRLF) or NUL.
const DefaultTrailer = TrailerLF | TrailerNUL

// MaxLengthDigits is the longest MSG-LEN read: nine digits, frames under a
// gigabyte. A longer run of digits is no length a sender means.
const MaxLengthDigits = 9

// Errors that can appear in [Error.Err].
var (
	// ErrTooLong: the frame is longer than the reader's MaxSize. Its first
	// MaxSize bytes are returned, the rest is skipped.
	ErrTooLong = errors.New("frame too long")
	// ErrLength: an octet-counted frame does not start with MSG-LEN SP
	// (a digit 1–9, at most nine digits, then a space).
	ErrLength = errors.New("invalid frame length")
	// ErrTruncated: the stream ended inside an octet-counted frame.
	ErrTruncated = errors.New("frame cut short by the end of the stream")
)

// Error reports a frame that could not be read as it should. The frame's
// bytes, or the first MaxSize of them, come with it: nothing is dropped
// without a report.
type Error struct {
	Offset int64 // 0-based offset in the stream of the frame's first byte (its MSG-LEN, when octet-counted)
	Length int64 // the frame's length: as declared (octet counting) or counted (non-transparent); -1 when unknown
	Err    error // ErrTooLong, ErrLength or ErrTruncated
}

// Error returns "framing: frame at offset N: reason", with the length
// when it is known.
func (e *Error) Error() string {
	if e.Length >= 0 {
		return fmt.Sprintf("framing: frame at offset %d: %v (%d bytes)", e.Offset, e.Err, e.Length)
	}
	return fmt.Sprintf("framing: frame at offset %d: %v", e.Offset, e.Err)
}

// Unwrap returns Err, for errors.Is.
func (e *Error) Unwrap() error { return e.Err }

// readLength reads "MSG-LEN SP" at the start of b. It returns the length,
// the bytes the prefix takes, and ok; when b is too short to tell, need is
// true.
func readLength(b []byte) (n, prefix int, ok, need bool) {
	if len(b) == 0 {
		return 0, 0, false, true
	}
	if b[0] < '1' || b[0] > '9' {
		return 0, 0, false, false
	}
	i := 0
	for i < len(b) && i <= MaxLengthDigits && '0' <= b[i] && b[i] <= '9' {
		n = n*10 + int(b[i]-'0')
		i++
	}
	switch {
	case i > MaxLengthDigits:
		return 0, 0, false, false
	case i == len(b):
		return 0, 0, false, true
	case b[i] != ' ':
		return 0, 0, false, false
	}
	return n, i + 1, true, false
}

// isSeparator reports whether c may sit between octet-counted frames:
// senders that end each frame with a trailer anyway send LF, CRLF or NUL.
func isSeparator(c byte) bool { return c == '\n' || c == '\r' || c == 0 }

// ScanOctetCounted is a [bufio.SplitFunc] for RFC 6587 octet counting:
// each token is one SYSLOG-MSG without its MSG-LEN prefix. LF, CR and NUL
// bytes between frames are skipped. A prefix that is not MSG-LEN SP stops
// the scan with [ErrLength], and a stream that ends inside a frame with
// [ErrTruncated]; frames longer than the Scanner's buffer stop it with
// [bufio.ErrTooLong]. [Reader] reports such frames and goes on instead.
// It does not allocate.
func ScanOctetCounted(data []byte, atEOF bool) (advance int, token []byte, err error) {
	skip := 0
	for skip < len(data) && isSeparator(data[skip]) {
		skip++
	}
	n, prefix, ok, need := readLength(data[skip:])
	switch {
	case ok && len(data)-skip-prefix >= n:
		end := skip + prefix + n
		return end, data[skip+prefix : end : end], nil
	case !ok && !need:
		return skip, nil, ErrLength
	case atEOF && skip == len(data):
		return len(data), nil, nil
	case atEOF:
		return skip, nil, ErrTruncated
	}
	return skip, nil, nil // more data
}

// ScanNUL is a [bufio.SplitFunc] for non-transparent frames that end in a
// NUL byte. The last frame may end without one. Empty frames are
// skipped. [bufio.ScanLines] splits LF and CRLF frames. It does not
// allocate.
func ScanNUL(data []byte, atEOF bool) (advance int, token []byte, err error) {
	start := 0
	for start < len(data) && data[start] == 0 {
		start++
	}
	if i := bytes.IndexByte(data[start:], 0); i >= 0 {
		end := start + i
		return end + 1, data[start:end:end], nil
	}
	if atEOF && start < len(data) {
		return len(data), data[start:len(data):len(data)], nil
	}
	return start, nil, nil
}
