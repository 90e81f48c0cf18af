// Package cef reads and writes events in ArcSight's Common Event Format
// (CEF), as the CEF Implementation Standard (v25 to v27, with the CEF 1.2
// keys) defines them:
//
//	CEF:0|Microsoft|Microsoft Azure Stack Hub|1.0|Microsoft-AzureStack-PrivilegedEndpoint: 1000|PrivilegedEndpointAccessedEvent|5|Who=CONTOSO\\cloudadmin WhichIP=10.0.0.5
//
// It offers three layers:
//
//   - [Scanner] reads one event in place: the header fields and each
//     extension pair, as views into the caller's bytes. It allocates
//     nothing.
//   - [Parse] and [Options.Parse] build an owned [Event] on the Scanner,
//     with typed access to values ([Event.Int], [Event.IP], [Event.Time],
//     ...) through the key dictionary ([Lookup]).
//   - [Event.AppendText] writes a spec-correct event.
//
// Give it the CEF payload: the text from "CEF:" on. Finding it after a
// syslog header is the job of the syslog packages and of the root package.
//
// # Header
//
// "CEF:", optional spaces, and the version: digits with an optional
// ".digits" part ("CEF:0", "CEF:1", "CEF:0.0" as Azure Stack Hub writes it,
// "CEF: 0.0" as rsyslog files hold it). The raw version is kept and the
// major version read as an int. Then seven fields separated by unescaped
// '|': the version, Device Vendor, Device Product, Device Version, Device
// Event Class ID, Name and Severity. In header fields only \| and \\ are
// escapes; any other backslash is kept as written and flagged. A header that
// ends right after Severity, with or without a trailing '|', is valid and
// has no extension. Fewer than seven fields is ErrIncompleteHeader, with the
// fields found kept; when the last of them starts with "key=", it is read as
// the extension (senders that drop header fields, such as the SentinelOne
// events Beats issue #30757 shows, still deliver their pairs).
//
// Severity is kept exactly as sent. [SeverityRecognised] tells whether it
// is one the spec defines (0–10, or Unknown, Low, Medium, High, Very-High in
// any case); "Information", which Azure Stack Hub sends, is kept and is not
// an error.
//
// # Extension
//
// Pairs of key=value separated by spaces. A value runs to the space before
// the next key, where a key is a run of letters, digits and _ . , [ ] -
// after a space and before an unescaped '='. Of several spaces before a key
// all but the last belong to the value, and the last value loses its
// trailing white space, as the spec says; a tab does not separate pairs. An
// unescaped '|' in a value is literal. The escapes are \= \\ \n and \r (a
// newline and a carriage return). Empty values are empty strings.
//
// The cases the spec leaves open are decided so that nothing is lost:
//   - an unescaped '=' inside a value (URLs, LDAP names, JSON) is kept in
//     the value and flagged ([FlagUnescapedEquals]);
//   - an unknown escape such as \< or a lone backslash is kept as written
//     and flagged ([FlagUnknownEscape]);
//   - where a pair should start but no "key=" does ("foo =bar"), the stretch
//     is reported (ErrMalformedExtension) and the scan goes on at the next
//     key, so the pairs around it are kept.
//
// [Options.Strict] turns every flag into an error and stops at the first
// error.
//
// # Keys and types
//
// [Lookup] finds every key of the merged dictionary (the v27 standard's
// keys, the CEF 1.2 additions and the v25 keys v27 lost) by its short or
// full name in any case, with its type and maximum length. Typed readers
// allocate nothing and ignore the white space around a value: [ParseInt]
// reads base-10 int64 ("010" is 10; byte counts past 2³¹ fit), [ParseFloat],
// [ParseIP] (IPv4 and IPv6, as netip.Addr), [ParseMAC] (colon, dash, dot
// and bare notations) and [ParseTime]: epoch milliseconds, "MMM dd yyyy
// HH:mm:ss[.SSS][ zone]", "MMM dd HH:mm:ss[.SSS][ zone]" and RFC 3339, with
// the year and zone from [TimeOptions] when the stamp has none. Zones are
// numeric offsets (+0530, -07:00, GMT-07:00), Z, UTC, GMT, and names that
// mean one offset: EST EDT CST CDT MST MDT PST PDT AKST AKDT HST AST WET
// WEST BST CET CEST EET EEST MSK JST KST HKT SGT AWST AEST AEDT NZST NZDT.
// Names that stand for several zones, such as IST, are not guessed.
// A value that does not fit its type is reported on access (ErrValue) and
// stays as it is. [Event.CustomFields] pairs cs1–cs6, cn1–cn3, cfp1–cfp4,
// c6a1–c6a4, flexString1–2, flexNumber1–2, flexDate1 and
// deviceCustomDate1–2 with their labels.
//
// # Lifetimes
//
// A []byte that the Scanner returns is a view: it aliases the event given to
// [Scanner.Reset], is clipped to its own length, and is valid as long as the
// caller leaves those bytes alone. Nothing in this package modifies a
// caller's bytes. [Scanner.AppendValue] and [Scanner.AppendField] copy into
// the caller's buffer. An [Event] holds strings and owns them.
//
// # Errors
//
// Errors are *[ParseError] values with the byte offset, the field, the key
// when a value is at fault, and a reason that errors.Is matches against this
// package's Err values. Errors in the extension do not stop the scan unless
// Strict: [Scanner.Err] returns the first, [Scanner.Errors] all of them, and
// [Parse] returns the event with everything read before and after them. No
// input makes this package panic.
//
// # Allocations
//
// [Scanner.Reset], [Scanner.Next], the views, [Scanner.All],
// [Scanner.AppendValue] and [Scanner.AppendField] with room in dst, [Lookup]
// and the typed readers allocate nothing on valid input; alloc_test.go
// proves it. [Parse] allocates at most three times per event, whatever the
// number of pairs.
//
// # Limits
//
// An event is at most [Options.MaxLen] bytes ([DefaultMaxLen], 1 MiB) with
// at most [Options.MaxExtensions] pairs ([DefaultMaxExtensions], 1024);
// more is an error.
package cef
