// Package rfc5424 reads and writes syslog messages in the format of
// RFC 5424, The Syslog Protocol (§6):
//
//	<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3"] BOMAn application event log entry
//
// It offers three layers:
//
//   - [Scanner] reads one message in place: the header fields, each SD
//     element and param, and MSG, as views into the caller's bytes. It
//     validates the whole grammar and allocates nothing.
//   - [Parse] and [Options.Parse] build an owned [Message] on the Scanner.
//   - [Message.AppendText] writes a valid message back.
//
// The framing of messages in a stream (RFC 6587 octet counting, a newline
// after each message) is not this package's concern: give it one message.
//
// # Grammar
//
// Everything RFC 5424 §6 says is checked: PRI 0–191 without leading zeros;
// VERSION 1–999 without a leading zero; TIMESTAMP as RFC 3339 FULL-DATE "T"
// FULL-TIME with upper-case T and Z, at most six fraction digits, a real
// calendar date (leap years included) and no leap second; NILVALUE "-" for
// every header field; HOSTNAME, APP-NAME, PROCID and MSGID of at most 255,
// 48, 128 and 32 PRINTUSASCII bytes; SD-IDs and PARAM-NAMEs of 1–32
// PRINTUSASCII bytes other than '=', ' ', ']' and '"'; each SD-ID once per
// message; PARAM-VALUEs in UTF-8 with '"', '\' and ']' escaped.
//
// In a PARAM-VALUE only \" \\ and \] are escapes. A backslash before any
// other byte is kept together with that byte, as §6.3.3 demands, and is not
// an error. PARAM-NAMEs may repeat within an element; all are kept, in
// order. A MSG that starts with the UTF-8 BOM must be valid UTF-8 after it,
// and the BOM is not part of the text; a MSG without BOM may hold any bytes
// (§6.4).
//
// # Leniency
//
// Strict is the default. [Options.Lenient] accepts the mistakes real
// senders make, listed on that field: more than six fraction digits, a
// lower-case 't' or 'z', a message that stops after MSGID, no space between
// the structured data and MSG, repeated SD-IDs, an unescaped ']' or non-UTF-8
// bytes in a PARAM-VALUE, and non-UTF-8 bytes after a BOM.
//
// # Lifetimes
//
// A []byte that the Scanner returns is a view: it aliases the message given
// to [Scanner.Reset], is clipped to its own length, and is valid as long as
// the caller leaves those bytes alone. Nothing in this package modifies a
// caller's bytes. [Scanner.AppendParamValue] copies into the caller's
// buffer. A [Message] holds strings and owns them.
//
// # Errors
//
// Reading stops at the first error. The error is a *[ParseError] with the
// byte offset where reading stopped, the grammar element (Field, named as in
// §6) and a reason that errors.Is matches against this package's Err values
// (ErrTimestamp, ErrElementID, ...). Everything read before the error stays
// available: in the Scanner's Header and views, and in the Message that
// Parse returns with the error. No input makes this package panic.
//
// # Allocations
//
// [Scanner.Reset], [Scanner.NextElement], [Scanner.NextParam],
// [Scanner.Message], [Scanner.Time] (after the first message with a given
// offset), [Scanner.AppendParamValue] with room in dst, and the
// [Scanner.Elements] and [Scanner.Params] iterators allocate nothing;
// alloc_test.go proves it. Only building an error allocates: the error and
// a copy of the message. [Parse] allocates twice per message with up to
// four SD elements and 16 params, and a few times more beyond.
//
// # Limits
//
// A message is at most [Options.MaxLen] bytes ([DefaultMaxLen], 1 MiB),
// with at most [MaxElements] (64) SD elements and [Options.MaxParams]
// ([DefaultMaxParams], 1024) params; more is an error, never unbounded
// work or memory. RFC 5424 §6.1 asks receivers to accept 480 bytes and
// suggests 2048.
package rfc5424
