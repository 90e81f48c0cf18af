package cef

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/cefsyslog/cefsyslog/internal/excerpt"
)

// ParseError reports where and why an event could not be read as it
// should. Errors in the extension do not stop the scan: the [Scanner] goes
// on at the next key, and [Parse] returns every pair it read with the error.
type ParseError struct {
	Offset int    // 0-based byte offset in Input where the problem is
	Field  string // "Version", a header field's name as the spec gives it ("Device Vendor", "Severity"), or "Extension"
	Key    string // the extension key whose value is at fault, if any
	Err    error  // one of the Err values of this package; test with errors.Is
	Input  []byte // a copy of the event, made only when the error is built
}

// Error returns the field, the key if any, the offset, the reason and a
// short excerpt of the input, as in
//
//	cef: Extension (key request) at offset 71: unescaped equals sign in value (near "...")
func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cef: %s", e.Field)
	if e.Key != "" {
		fmt.Fprintf(&b, " (key %s)", e.Key)
	}
	fmt.Fprintf(&b, " at offset %d: %v (near %s)", e.Offset, e.Err, excerpt.Near(e.Input, e.Offset))
	return b.String()
}

// Unwrap returns e.Err, so that errors.Is(err, ErrIncompleteHeader) works.
func (e *ParseError) Unwrap() error { return e.Err }

// Errors that can appear in [ParseError.Err]. Their text is the "reason" of
// the JSON output: lower case, no prefix, no final period.
var (
	// ErrTooLong: the event is longer than [Options.MaxLen].
	ErrTooLong = errors.New("message too long")
	// ErrNotCEF: the event does not start with "CEF:".
	ErrNotCEF = errors.New("not a cef event")
	// ErrVersion: "CEF:" and optional spaces are not followed by digits,
	// an optional "." and digits, and a '|'.
	ErrVersion = errors.New("invalid cef version")
	// ErrIncompleteHeader: the event ends before the seven header fields.
	// The fields found are kept; when the last one reads as extensions
	// (a key and '='), they are read as such.
	ErrIncompleteHeader = errors.New("incomplete cef header")
	// ErrMalformedExtension: where a key should start, there is none
	// followed by '=' ("foo =bar"). The scan goes on at the next key.
	ErrMalformedExtension = errors.New("malformed extension")
	// ErrTooManyExtensions: the event has more pairs than
	// [Options.MaxExtensions].
	ErrTooManyExtensions = errors.New("too many extensions")

	// The errors below are flags that strict mode turns into errors.

	// ErrUnescapedEquals: a value holds an '=' without a backslash, which
	// the spec requires (FlagUnescapedEquals).
	ErrUnescapedEquals = errors.New("unescaped equals sign in value")
	// ErrUnknownEscape: a backslash is followed by a byte the spec does
	// not escape there, or ends the field (FlagUnknownEscape).
	ErrUnknownEscape = errors.New("unknown escape")
	// ErrFieldTooLong: a header field is longer than the spec allows
	// (FlagTooLong).
	ErrFieldTooLong = errors.New("header field too long")
)

// newError copies rec, so that rec does not escape to the heap when
// scanning succeeds.
func newError(rec []byte, off int, field string, key []byte, err error) *ParseError {
	return &ParseError{Offset: off, Field: field, Key: string(key), Err: err, Input: bytes.Clone(rec)}
}
