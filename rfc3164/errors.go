package rfc3164

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/cefsyslog/cefsyslog/internal/excerpt"
)

// ParseError reports where and why a line could not be read in full. The
// [Scanner] still holds what it read, and [Parse] returns that with the
// error.
type ParseError struct {
	Offset int    // 0-based byte offset in Input where reading stopped
	Field  string // "PRI", "TIMESTAMP" or "SYSLOG-MSG"
	Err    error  // one of the Err values of this package; test with errors.Is
	Input  []byte // a copy of the line, made only when the error is built
}

// Error returns the field, the offset, the reason and a short excerpt of the
// input, as in
//
//	rfc3164: PRI at offset 1: invalid priority (near "<192>Oct 11 22:14:1"...)
func (e *ParseError) Error() string {
	return fmt.Sprintf("rfc3164: %s at offset %d: %v (near %s)", e.Field, e.Offset, e.Err, excerpt.Near(e.Input, e.Offset))
}

// Unwrap returns e.Err, so that errors.Is(err, ErrPriority) works.
func (e *ParseError) Unwrap() error { return e.Err }

// Errors that can appear in [ParseError.Err]. Their text is the "reason" of
// the JSON output: lower case, no prefix, no final period.
var (
	// ErrTooLong: the line is longer than [Options.MaxLen].
	ErrTooLong = errors.New("message too long")
	// ErrPriority: the line starts with '<' but not with a PRI of 1–3
	// digits, a value of 0–191, and '>'. The whole line is the message.
	ErrPriority = errors.New("invalid priority")
	// ErrTimestamp: the line has a timestamp of a known form whose date
	// does not exist (February 30, or February 29 of a year that has
	// none). The line from the timestamp on is the message.
	ErrTimestamp = errors.New("invalid timestamp")
)

// newError copies rec, so that rec does not escape to the heap when
// reading succeeds.
func newError(rec []byte, off int, field string, err error) *ParseError {
	return &ParseError{Offset: off, Field: field, Err: err, Input: bytes.Clone(rec)}
}
