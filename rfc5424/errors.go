package rfc5424

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cefsyslog/cefsyslog/internal/excerpt"
)

// ParseError reports where and why a message could not be read. The
// [Scanner] still holds what it read before the error, and [Parse] returns
// that together with the error.
type ParseError struct {
	Offset int    // 0-based byte offset in Input where reading stopped
	Field  string // grammar element as RFC 5424 §6 names it: "PRI", "TIMESTAMP", "SD-ID", ...
	Err    error  // one of the Err values of this package; test with errors.Is
	Input  []byte // a copy of the message, made only when the error is built
}

// Error returns the field, the offset, the reason and a short excerpt of the
// input around the offset, as in
//
//	rfc5424: TIMESTAMP at offset 7: invalid timestamp (near "<165>1 2003-13-11T2"...)
func (e *ParseError) Error() string {
	return fmt.Sprintf("rfc5424: %s at offset %d: %v (near %s)", e.Field, e.Offset, e.Err, excerpt.Near(e.Input, e.Offset))
}

// Unwrap returns e.Err, so that errors.Is(err, ErrTimestamp) works.
func (e *ParseError) Unwrap() error { return e.Err }

// Errors that can appear in [ParseError.Err]. Their text is the "reason" of
// the JSON output: lower case, no prefix, no final period.
var (
	// ErrTooLong: the message is longer than [Options.MaxLen].
	ErrTooLong = errors.New("message too long")
	// ErrUnexpectedEnd: the message ends before a mandatory part (the
	// header is cut short, or an SD element is not closed).
	ErrUnexpectedEnd = errors.New("unexpected end of message")
	// ErrPriority: PRI is not "<" 1–3 digits ">" with a value of 0–191 and
	// no leading zero (§6.2.1).
	ErrPriority = errors.New("invalid priority")
	// ErrVersion: VERSION is not 1–999 without a leading zero, followed by
	// a space (§6.2.2).
	ErrVersion = errors.New("invalid version")
	// ErrTimestamp: TIMESTAMP is neither "-" nor an RFC 3339 date-time as
	// §6.2.3 restricts it: upper-case T and Z, at most six fraction digits,
	// a real calendar date, no leap second.
	ErrTimestamp = errors.New("invalid timestamp")
	// ErrHostname: HOSTNAME is empty, longer than 255 bytes, or holds a
	// byte outside PRINTUSASCII (%d33–126).
	ErrHostname = errors.New("invalid hostname")
	// ErrAppName: APP-NAME is empty, longer than 48 bytes, or holds a byte
	// outside PRINTUSASCII.
	ErrAppName = errors.New("invalid app name")
	// ErrProcID: PROCID is empty, longer than 128 bytes, or holds a byte
	// outside PRINTUSASCII.
	ErrProcID = errors.New("invalid proc id")
	// ErrMsgID: MSGID is empty, longer than 32 bytes, or holds a byte
	// outside PRINTUSASCII.
	ErrMsgID = errors.New("invalid msg id")
	// ErrStructuredData: STRUCTURED-DATA is neither "-" nor a run of SD
	// elements, or is not followed by a space or the end of the message.
	ErrStructuredData = errors.New("invalid structured data")
	// ErrElementID: an SD-ID is empty, longer than 32 bytes, or holds a
	// byte outside PRINTUSASCII or one of '=', ' ', ']', '"' (§6.3.2).
	ErrElementID = errors.New("invalid element id")
	// ErrDuplicateElement: an SD-ID appears twice in one message, which
	// §6.3.2 forbids.
	ErrDuplicateElement = errors.New("duplicate element id")
	// ErrTooManyElements: the message has more than [MaxElements] SD
	// elements.
	ErrTooManyElements = errors.New("too many structured data elements")
	// ErrParamName: a PARAM-NAME is empty, longer than 32 bytes, holds a
	// byte an SD-NAME may not hold, or is not followed by '="'.
	ErrParamName = errors.New("invalid param name")
	// ErrParamValue: a PARAM-VALUE holds an unescaped ']' or bytes that
	// are not UTF-8 (§6.3.3).
	ErrParamValue = errors.New("invalid param value")
	// ErrTooManyParams: the message has more SD params than
	// [Options.MaxParams].
	ErrTooManyParams = errors.New("too many structured data params")
	// ErrMsgUTF8: MSG starts with a byte order mark but the rest is not
	// valid UTF-8 (§6.4).
	ErrMsgUTF8 = errors.New("invalid utf-8 after byte order mark")
)

// newError copies rec into the error, so that rec does not escape to the
// heap when parsing succeeds.
func newError(rec []byte, off int, field string, err error) *ParseError {
	return &ParseError{Offset: off, Field: field, Err: err, Input: bytes.Clone(rec)}
}
