// Package framing splits byte streams into syslog messages: RFC 6587
// octet counting ("MSG-LEN SP SYSLOG-MSG", which RFC 5425 requires over
// TLS) and non-transparent framing (each message ends in a trailer: LF,
// CRLF or NUL), with the per-stream detection RFC 6587 §3.4 suggests.
//
// Two shapes serve two kinds of receiver:
//
//   - [ScanOctetCounted] and [ScanNUL] are [bufio.SplitFunc]s
//     ([bufio.ScanLines] does LF and CRLF). The receiver keeps its own
//     bufio.Scanner, buffer and limit; a bad frame ends the scan, as a
//     bufio.Scanner error does.
//   - [Reader] owns the buffer and goes on after a bad frame: a frame over
//     MaxSize comes back cut to MaxSize with its length in an [*Error] and
//     the rest of it is skipped; a MSG-LEN that is not one comes back with
//     the bytes up to the next LF, where reading resumes; a stream cut
//     inside a frame returns what arrived. Nothing is dropped without a
//     report.
//
// # Detection
//
// With [Auto], the first byte of the stream decides, after any LF, CR or
// NUL: a digit 1–9 starts a MSG-LEN (octet counting), anything else a
// message (non-transparent framing; a syslog message starts with '<').
// The decision holds for the whole stream, as senders do not switch.
//
// # Tolerance
//
// LF, CR and NUL bytes between octet-counted frames are skipped: senders
// that add a trailer anyway exist. Empty non-transparent frames (two
// trailers in a row) are skipped. The last non-transparent frame of a
// stream may end without a trailer, as the last line of a file does.
//
// # Lifetimes
//
// A frame is a view into the Reader's buffer, or the Scanner's, valid until
// the next call to Next or Scan. Copy it to keep it.
//
// # Allocations
//
// The split functions allocate nothing. Reader.Next allocates only to grow
// its buffer, up to the largest frame it has had to hold; after that, not
// at all.
//
// # Limits
//
// A Reader holds at most MaxSize bytes of a frame (default [DefaultMaxSize],
// 64 KiB) plus one read: a frame of any length, declared or sent, costs no
// more memory than that. MSG-LEN has at most nine digits ([MaxLengthDigits]).
package framing
