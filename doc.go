// Package cefsyslog turns the security logs that devices and clouds send
// over syslog into structured, trustworthy data.
//
// [Parse] reads one message of any supported format into a [Record]: it
// detects whether the message is RFC 5424, BSD syslog (RFC 3164 and its
// real-world dialects) or a bare CEF event, reads a CEF event carried in a
// syslog message too, and returns owned values whose JSON is the record of
// the output contract (docs/output.md). A message
// that cannot be read in full still yields a record, with every field read
// before the problem, an error that says where and why, and the raw bytes.
//
//	rec, err := cefsyslog.Parse(line)
//	if err != nil {
//		log.Printf("offset %d: %s", rec.Err.Offset, rec.Err.Reason)
//	}
//	fmt.Println(rec.Syslog.Hostname, rec.Syslog.Message)
//
// [Parser.Check] gives the same verdict without building the record,
// reading the message with the format packages' zero-allocation scanners:
// the way to validate a stream at several times the speed of parsing it.
//
// # Packages
//
// The library is a set of small packages that can be used on their own.
// The format packages never import one another; this package joins them.
//
//   - rfc5424: RFC 5424 syslog. A Scanner reads a message in place and
//     allocates nothing; Parse builds an owned Message; Message.AppendText
//     writes one.
//   - rfc3164: BSD syslog as senders and rsyslog/syslog-ng files write it,
//     including lines with no PRI, Cisco prefixes, RFC 3339 stamps and Azure
//     Stack Hub's own stamp, with the same three layers.
//   - cef: ArcSight Common Event Format with its full key dictionary: a
//     zero-allocation Scanner, an owned Event with typed access, and an
//     encoder.
//   - severity: the CEF, syslog, Windows and Azure Stack Hub severity
//     scales, conversions between them, and the Default/Verbose forwarding
//     filter.
//   - azurestack: the event tables of Azure Stack Hub's syslog forwarding:
//     Privileged and Recovery Endpoint events, Windows events with their Mas*
//     extensions, alerts, ARM, backup, fault and WAC events. A Record
//     carries the classification of Azure Stack Hub events, and
//     [Record.Pass] applies the forwarder's filter.
//   - framing: RFC 6587 octet counting and non-transparent framing, as
//     bufio.SplitFuncs and as a Reader that reports bad frames and goes
//     on, for TCP and TLS (RFC 5425) streams.
//   - siem: maps records to Microsoft Sentinel's CommonSecurityLog table
//     and to Elastic Common Schema documents, typed, keeping what does not
//     fit.
//   - audit: watches records for lost, duplicated, late and replayed
//     messages (MasEventRecordID, [meta sequenceId], content fingerprints)
//     and silent sources, per source, within a memory budget.
//
// Around them:
//
//   - cmd/cefsyslog: the command. "cefsyslog parse" turns log files into
//     JSON records, one per line; "listen" receives over UDP, TCP and TLS
//     with mutual authentication, with a bounded queue and counters;
//     "audit" reports loss, duplicates, replays and silences.
//   - examples: small programs to copy, each built and tested: parsefile
//     (a file to records) and receiver (a short TLS receiver).
//   - fuzz: fuzz targets across packages, next to each package's own, and
//     fuzz/run, which runs every target of the module for a given time.
//   - otelcol: a separate module with an OpenTelemetry Collector receiver,
//     type cefsyslog, built on this library.
//   - bench: a separate module that measures the parsers against the best
//     Go peers (leodido/go-syslog, Elastic Beats' CEF decoder) in one run,
//     checks that they read the same fields, and runs the whole command on
//     a 100 MB file; the library's go.mod stays without their dependencies.
//
// Messages in another character set (Shift_JIS, windows-1252, ...) are
// decoded before they are read: see [Parser.Charset] and [LookupCharset].
//
// # Promises
//
// Every input yields a record or an error that says where and why, with the
// raw bytes kept; no input makes any package panic; every size the input
// controls is bounded. The format packages' scanners allocate nothing, and
// tests prove it with testing.AllocsPerRun.
package cefsyslog
