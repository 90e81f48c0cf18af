// Package cefsyslogreceiver is an OpenTelemetry Collector receiver, type
// cefsyslog, that reads syslog and CEF over TCP or TLS (RFC 6587, RFC 5425)
// with the cefsyslog library: its framing, its parsers (RFC 5424, RFC 3164
// and its dialects, CEF, auto-detected per message) and its Azure Stack Hub
// mapping.
//
// Each message becomes one log record: body the syslog MSG (the whole
// "CEF:..." text for a CEF event), timestamps from the header and the time
// of receipt, severity from the syslog PRI or, for CEF and Azure Stack Hub
// events, from their own level, the host and app as the resource's
// host.name and service.name, and attributes for the syslog header, the CEF
// header and extensions (named as the Collector's ParseCEF names them) and,
// with azure_stack_hub, the Azure Stack Hub classification. The module's
// README has the whole table and an example configuration.
//
// A connection is not read while its records are being handed on, and a
// refusal that may pass is retried: a slow or refusing pipeline slows the
// senders down rather than losing records. A permanent refusal, and
// messages dropped with on_error: drop, are counted in the receiver's
// refused log records.
package cefsyslogreceiver
