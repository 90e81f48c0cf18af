// Package rfc3164 reads and writes BSD syslog lines: RFC 3164 and the
// dialects real senders and log files use.
//
//	<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8
//	Oct  1 22:14:15 host sshd[4242]: Accepted publickey for deploy
//	2025-01-15T07:25:36+00:00 OneGate manager {"log_type":"login_manager"}
//	<189>237: *Jan  8 19:46:03.295: %SYS-5-CONFIG_I: Configured from console
//	2018:05:17:-23:59:28 -07:00 TestHost CEF:0.0|Microsoft|Microsoft Azure Stack Hub|...
//
// As the rfc5424 package, it has three layers: a [Scanner] that reads a
// line in place and allocates nothing, [Parse] and [Options.Parse] that
// build an owned [Message], and [Message.AppendText] that writes a line.
//
// # The line, left to right
//
// PRI is optional. When the line starts with '<', it must be 1–3 digits
// with a value of 0–191 and '>'; anything else is ErrPriority, and the whole
// line is the message.
//
// A Cisco IOS prefix may follow: up to two counters "NNN: " (message and
// sequence numbers) and a '*' (clock not set) or '.' before the stamp, and
// a ':' after it. They count only when a stamp follows.
//
// The timestamp takes one of these forms, told apart by its first bytes:
//   - "Mmm dd hh:mm:ss" with the day padded with a space ("Oct  1", as RFC
//     3164 §4.1.2 asks) or a zero ("Oct 01"), or a single digit; month names
//     in any case; a year after the day ("Jul 16 2020 02:15:13"); a fraction
//     of up to nine digits; and a zone after it (see below);
//   - RFC 3339, as rsyslog's RSYSLOG_FileFormat and ForwardFormat templates
//     and Go's log/syslog write it, with any number of fraction digits and
//     with or without an offset;
//   - Azure Stack Hub's documented "YYYY:MM:DD:-hh:mm:ss ±hh:mm".
//
// A stamp without a year takes [Options.Year], or this year unless that
// would put it more than a month ahead, when it takes the year before (a log
// read in January holds December's lines). A stamp without an offset takes
// [Options.Location]. A zone after a BSD stamp is a numeric offset (+0530,
// -07:00, GMT-07:00), Z, UTC, GMT, or a name that means one offset (EST,
// PST, CET, JST and others the cef package's documentation lists); IST and
// other names of several zones are not guessed and are read as the next
// word. A stamp whose date does not exist (February 30) is ErrTimestamp.
// When no stamp can be read, the line after PRI is the message, as RFC 3164
// §4.3.3 has a relay read it; that is not an error.
//
// # Hostname and TAG
//
// After the stamp, words are separated by one or more spaces. The first
// word is the TAG, and the line has no hostname, when it ends in ':' and
// what comes before is a name or "name[pid]" (a name is printable ASCII
// without ':', '[' and ']', up to 128 bytes). Otherwise the first word is
// the hostname when it has a hostname's shape: letters, digits, '.', '-'
// and '_', or an IPv6 address. Then the next word is the TAG when it has a
// TAG's shape; otherwise it starts the message. A first word that is
// neither starts the message.
//
// This is rsyslog's rule (its RFC 3164 parser ends a TAG at ':' and takes no
// word with a ':' for a hostname) with one difference: a word without a
// colon is never a TAG, so "host manager {...}" has the message
// "manager {...}". A word that starts with "CEF:" is never a hostname or a
// TAG: "host CEF: 0.0|…", as rsyslog files CEF lines, has a message that is
// the CEF event. The message starts after the TAG's colon and the one space
// after it.
//
// # Lifetimes, errors, allocations, limits
//
// The Scanner's views alias the line given to [Scanner.Reset], are clipped
// to their own length, and are valid as long as the caller leaves the bytes
// alone; nothing here modifies a caller's bytes. Errors are *[ParseError]
// values with the offset, the field and a reason errors.Is matches against
// ErrPriority, ErrTimestamp and ErrTooLong; everything read stays available.
// No input makes this package panic. Reset and the Scanner's accessors
// allocate nothing (alloc_test.go proves it), [Parse] allocates twice. A
// line is at most [Options.MaxLen] bytes ([DefaultMaxLen], 1 MiB).
package rfc3164
